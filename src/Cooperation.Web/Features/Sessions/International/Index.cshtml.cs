namespace Cooperation.Web.Features.Sessions.International;

public class IndexModel(ListInternationalSessions list, ReferenceLists references, Access access, IStringLocalizer<IndexModel> text)
    : ListPageModel<ListInternationalSessions.Query, InternationalSessionRow>(list)
{
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }

    public List<SelectListItem> Zones { get; private set; } = [];
    public List<SelectListItem> Countries { get; private set; } = [];
    public bool CanPlan => access.CanPlanInternationalSessions;
    public bool ForMyCountry => access.IsLiaisonOfficer;

    protected override string DefaultSort => "-start";

    protected override string ExportName => text["sessions-internationales"];

    protected override IReadOnlyList<Column<InternationalSessionRow>> ExportColumns() =>
    [
        new(text["Année"], r => r.Year),
        new(text["Numéro de la session"], r => r.Number),
        new(text["Thème"], r => r.Theme),
        new(text["Zone"], r => r.ZoneName),
        new(text["Début de la session"], r => r.StartDate),
        new(text["Fin de la session"], r => r.EndDate),
        new(text["Pays invités"], r => r.InvitedCountries),
        new(text["Participants"], r => r.Participants),
        new(text["Ont participé"], r => r.Attended),
    ];

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Zones = await references.ZonesAsync();
        Countries = await references.CountriesAsync();
    }

    protected override ListInternationalSessions.Query Query => new()
    {
        Year = Number(nameof(Year), Year), Zone = Zone, Country = CountryCodes, Sort = Sort, Page = PageNumber,
        PageSize = PageSize,
    };
}
