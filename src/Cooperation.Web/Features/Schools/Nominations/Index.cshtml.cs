namespace Cooperation.Web.Features.Schools.Nominations;

/// <summary>The nominations the user sees; with Awaiting=true, the desk officer's queue of those awaiting a decision.</summary>
public class IndexModel(ListNominations list, NominationChoices choices, ReferenceLists references, Access access, IStringLocalizer<IndexModel> text)
    : ListPageModel<ListNominations.Query, NominationRow>(list)
{
    [BindProperty(SupportsGet = true)] public int? Session { get; set; }
    [BindProperty(SupportsGet = true)] public string? School { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Screening { get; set; }
    [BindProperty(SupportsGet = true)] public bool Awaiting { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public List<SelectListItem> Sessions { get; private set; } = [];
    public List<SelectListItem> Schools { get; private set; } = [];
    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Zones { get; private set; } = [];
    public bool CanNominate => access.CanNominateAny;
    public bool SeesNames => access.SeesTraineePersonalData;

    protected override string DefaultSort => "-submitted";

    protected override string ExportName => text["candidatures"];

    protected override IReadOnlyList<Column<NominationRow>> ExportColumns() =>
    [
        new(text["Candidat"], r => r.TraineeName),
        new(text["Sexe"], r => r.Gender == nameof(Gender.Female) ? text["Femme"].Value : text["Homme"].Value),
        new(text["Grade"], r => r.Rank),
        new(text["Administration d'origine"], r => r.AdministrationName),
        new(text["Pays proposant"], r => r.CountryName),
        new(text["École"], r => r.School),
        new(text["Formation"], r => $"{r.CourseCode} — {r.CourseTitle}"),
        new(text["Début de la session"], r => r.SessionStart),
        new(text["Fin de la session"], r => r.SessionEnd),
        new(text["Lieu"], r => r.Place),
        new(text["Statut"], r => r.StatusName),
        new(text["Criblage"], r => r.ScreeningName),
        new(text["Soumise le"], r => DateOnly.FromDateTime(r.SubmittedAt)),
        new(text["Décidée le"], r => r.DecidedAt is { } d ? DateOnly.FromDateTime(d) : null),
    ];

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Sessions = await choices.SessionsAsync(Session, School, ct);
        Schools = await choices.SchoolsAsync(ct);
        Countries = await choices.NominatingCountriesSeenAsync(ct);
        if (!access.IsLiaisonOfficer) Zones = await references.ZonesAsync();
    }

    protected override ListNominations.Query Query =>
        new()
        {
            Session = Session, School = School, Country = CountryCodes, Status = Status, Screening = Screening,
            Awaiting = Awaiting ? true : null, Search = Search, Sort = Sort, Page = PageNumber, PageSize = PageSize,
            Zone = Zone, Year = Year,
        };
}
