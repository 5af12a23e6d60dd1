namespace Cooperation.Web.Features.Partners.Countries;

public class DetailsModel(GetCountry get) : PageModel
{
    public CountryPage Country { get; private set; } = null!;

    /// <summary>A country outside the user's scope answers 404, as the API does: its existence is not disclosed.</summary>
    public async Task<IActionResult> OnGetAsync(string iso2, CancellationToken ct)
    {
        if (await get.HandleAsync(iso2, ct) is not { } country) return NotFound();
        Country = country;
        return Page();
    }
}
