namespace Cooperation.Web.Features.Schools.Catalogue;

public class IndexModel(ListCourses list, ReferenceLists references, CooperationDbContext db, Access access, TimeProvider clock,
    IStringLocalizer<IndexModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? School { get; set; }
    [BindProperty(SupportsGet = true)] public string? Domain { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Administration { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Active { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public Paged<CourseRow> Result { get; private set; } = null!;
    public PageLinks Links { get; private set; } = null!;
    public List<SelectListItem> Schools { get; private set; } = [];
    public List<SelectListItem> Domains { get; private set; } = [];
    public List<SelectListItem> Levels { get; private set; } = [];
    public List<SelectListItem> Administrations { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public string Today => clock.Today().ToString("yyyy-MM-dd");

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, [FromQuery(Name = "pageSize")] int? pageSize, CancellationToken ct)
    {
        Result = await list.HandleAsync(Query(page, pageSize), ct);
        Links = new PageLinks(Result.Page, Result.PageSize, Result.Total, Request.Path, Request.Query);
        var schools = db.RegionalSchools.AsNoTracking();
        if (access.SchoolCountryIds is { } visible) schools = schools.Where(s => visible.Contains(s.CountryId));
        Schools = (await schools.Select(s => new { s.Acronym, s.Name }).ToListAsync(ct))
            .OrderBy(s => s.Acronym, StringComparer.Ordinal).Select(s => new SelectListItem($"{s.Acronym} — {s.Name}", s.Acronym)).ToList();
        Domains = await references.DomainsAsync();
        Levels = LevelChoices(text);
        Administrations = await references.AdministrationsAsync(includeTraineesOnly: true);
        CanCreate = (await CatalogueCodes.ManageableSchoolsAsync(db, access, ct)).Count > 0;
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var rows = await list.AllAsync(Query(null, null), ct);
        Column<CourseRow>[] columns =
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
        return Export.File(format, text["catalogue"], columns, rows);
    }

    public static List<SelectListItem> LevelChoices(IStringLocalizer text) =>
        Enum.GetValues<CourseLevel>().Select(l => new SelectListItem(l.LevelName(text), l.ToString())).ToList();

    private ListCourses.Query Query(int? page, int? pageSize) => new(School, Domain, Level, Administration, Q,
        Active switch { "true" => true, "false" => false, _ => null }, Sort, page, pageSize);

    public string SortUrl(string key) => TrainingForms.SortUrl(Request, Sort, key);
    public string AriaSort(string key) => TrainingForms.AriaSort(Sort, "school", key);
}
