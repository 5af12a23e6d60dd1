namespace Cooperation.Web.Features.Partners.Countries;

public class DetailsModel(GetCountry get) : PageModel
{
    public CountryPage Country { get; private set; } = null!;

    public async Task OnGetAsync(string iso2, CancellationToken ct) => Country = await get.HandleAsync(iso2, ct);
}
