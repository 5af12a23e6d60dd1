namespace Cooperation.Web.Features.Partners.Countries;

public class DetailsModel(GetCountry get, Access access, Missions.Missions.ListMissions missions, Donations.Donations.ListDonations donations) : PageModel
{
    public CountryPage Country { get; private set; } = null!;

    /// <summary>The country's latest expertise missions, for who reads missions.</summary>
    public Paged<Missions.Missions.MissionRow>? Missions { get; private set; }

    /// <summary>The country's latest donations and the value of all of them, for who reads donations.</summary>
    public (Paged<Donations.Donations.DonationRow> Latest, decimal EuroValue)? Donations { get; private set; }

    public async Task OnGetAsync(string iso2, CancellationToken ct)
    {
        Country = await get.HandleAsync(iso2, ct);
        if (access.SeesMissions) Missions = await missions.HandleAsync(new() { Country = iso2, PageSize = 10 }, ct);
        if (access.SeesDonations)
            Donations = (await donations.HandleAsync(new() { Country = iso2, PageSize = 10 }, ct), await donations.EuroValueAsync(new() { Country = iso2 }, ct));
    }
}
