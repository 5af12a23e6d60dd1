namespace Cooperation.Web.Features.Schools.Trainees;

public class IndexModel(ListTrainees list, ReferenceLists lists, Access access, IStringLocalizer<IndexModel> text)
    : ListPageModel<TraineeFilter, TraineeListItem>(list)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Nationality { get; set; }
    [BindProperty(SupportsGet = true)] public string? Administration { get; set; }
    [BindProperty(SupportsGet = true)] public string? Gender { get; set; }
    [BindProperty(SupportsGet = true)] public string? School { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Prominent { get; set; }

    public bool Redacted => !access.SeesTraineePersonalData;
    public List<SelectListItem> Nationalities { get; private set; } = [];
    public List<SelectListItem> Administrations { get; private set; } = [];
    public List<SelectListItem> Schools { get; private set; } = [];

    protected override string DefaultSort => "name";

    protected override TraineeFilter Query => new()
    {
        Q = Q, Nationality = Nationality, Administration = Administration, Gender = Gender, School = School,
        Year = Year, Prominent = Prominent, Sort = Sort, Page = PageNumber, PageSize = PageSize,
    };

    protected override string ExportName => text["stagiaires"];

    protected override IReadOnlyList<Column<TraineeListItem>> ExportColumns() =>
    [
        new(text["Nom"], r => r.LastName),
        new(text["Prénom"], r => r.FirstName),
        new(text["Genre"], r => text[TraineeRules.GenderLabel(r.Gender)].Value),
        new(text["Nationalité"], r => r.NationalityName),
        new(text["Administration d'origine"], r => r.AdministrationName),
        new(text["Grade"], r => r.Rank),
        new(text["Fonction"], r => r.Position),
        new(text["Sessions suivies"], r => r.Sessions),
        new(text["Dernière session"], r => r.LastSessionDate),
        new(text["Ancien stagiaire à un poste de premier plan"], r => r.Prominent ? text["Oui"].Value : ""),
    ];

    /// <summary>The filters' choices, also shown when a filter (typed in the address) is refused.</summary>
    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Nationalities = await lists.CountriesAsync(await list.NationalitiesInUseAsync(ct));
        Administrations = await lists.AdministrationsAsync(includeTraineesOnly: true);
        Schools = await list.SchoolsAsync(ct);
    }
}
