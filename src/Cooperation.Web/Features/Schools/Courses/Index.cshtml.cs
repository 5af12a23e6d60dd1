namespace Cooperation.Web.Features.Schools.Courses;

public class IndexModel(ListCourses list, SchoolChoices schools, ReferenceLists references, TimeProvider clock, IStringLocalizer<IndexModel> text)
    : ListPageModel<ListCourses.Query, CourseRow>(list)
{
    [BindProperty(SupportsGet = true)] public string? School { get; set; }
    [BindProperty(SupportsGet = true)] public string? Domain { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Administration { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Active { get; set; }

    public List<SelectListItem> Schools { get; private set; } = [];
    public List<SelectListItem> Domains { get; private set; } = [];
    public List<SelectListItem> Levels { get; private set; } = [];
    public List<SelectListItem> Administrations { get; private set; } = [];
    public bool CanCreate { get; private set; }
    /// <summary>The day the coming sessions of a course start from, for the link of their count.</summary>
    public string Today => clock.Today().ToString("yyyy-MM-dd");

    protected override string DefaultSort => "school";

    protected override string ExportName => text["catalogue"];

    protected override IReadOnlyList<Column<CourseRow>> ExportColumns() =>
    [
        new(text["École"], r => r.School),
        new(text["Code de la formation"], r => r.Code),
        new(text["Intitulé en français"], r => r.TitleFr),
        new(text["Intitulé en anglais"], r => r.TitleEn),
        new(text["Domaine"], r => r.DomainName),
        new(text["Niveau de la formation"], r => r.LevelName),
        new(text["Durée en jours"], r => r.DurationDays),
        new(text["Langues d'enseignement"], r => string.Join(", ", r.Languages)),
        new(text["Public"], r => string.Join(", ", r.Audience.Select(a => a.Name))),
        new(text["Sessions à venir"], r => r.UpcomingSessions),
        new(text["Au catalogue"], r => r.Active ? text["Oui"].Value : text["Non"].Value),
    ];

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Schools = await schools.VisibleAsync(ct);
        Domains = await references.DomainsAsync();
        Levels = CourseRules.LevelChoices(text);
        Administrations = await references.AdministrationsAsync(includeTraineesOnly: true);
        CanCreate = (await schools.ManageableAsync(ct)).Count > 0;
    }

    protected override ListCourses.Query Query => new()
    {
        School = School, Domain = Domain, Level = Level, Administration = Administration, Q = Q,
        Active = Active switch { "true" => true, "false" => false, _ => null }, Sort = Sort, Page = PageNumber, PageSize = PageSize,
    };
}
