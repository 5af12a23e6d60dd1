namespace Cooperation.Web.Features.Schools.Trainees;

public class IndexModel(ListTrainees list, ReferenceLists lists, CooperationDbContext db, Access access, IStringLocalizer<IndexModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Nationality { get; set; }
    [BindProperty(SupportsGet = true)] public string? Administration { get; set; }
    [BindProperty(SupportsGet = true)] public string? Gender { get; set; }
    [BindProperty(SupportsGet = true)] public string? School { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Prominent { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageSize { get; set; }

    public Paged<TraineeListItem> Result { get; private set; } = new([], 0, 1, Paging.DefaultPageSize);
    public string? FilterError { get; private set; }
    public bool Redacted => !access.SeesTraineePersonalData;
    public List<SelectListItem> Nationalities { get; private set; } = [];
    public List<SelectListItem> Administrations { get; private set; } = [];
    public List<SelectListItem> Schools { get; private set; } = [];
    public ListSort Sorting => new(Request, Sort, "name");

    private TraineeFilter Filter => new(Q, Nationality, Administration, Gender, School, Year, Prominent, Sort, PageNumber, PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        try
        {
            Result = await list.HandleAsync(Filter, ct);
        }
        catch (DomainException e)
        {
            // Only a hand-edited address gets here: the form offers known codes only.
            FilterError = text[e.MessageKey, e.Args];
        }
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        IReadOnlyList<TraineeListItem> rows;
        try
        {
            rows = await list.AllAsync(Filter, ct);
        }
        catch (DomainException e)
        {
            return BadRequest(text[e.MessageKey, e.Args].Value);
        }
        var columns = new List<Column<TraineeListItem>>
        {
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
        };
        return Export.File(format, text["stagiaires"], columns, rows);
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var visible = await access.VisibleTraineesAsync(db.Trainees.AsNoTracking(), ct);
        var nationalities = await visible.Select(t => t.NationalityId).Distinct().ToListAsync(ct);
        Nationalities = await lists.CountriesAsync(nationalities);
        Administrations = await lists.AdministrationsAsync(includeTraineesOnly: true);
        var schools = db.RegionalSchools.AsNoTracking();
        if (access.IsSchoolDirector) schools = schools.Where(s => s.Id == access.SchoolId);
        Schools = (await schools.Select(s => new { s.Acronym, s.Name }).ToListAsync(ct))
            .OrderBy(s => s.Acronym, StringComparer.OrdinalIgnoreCase)
            .Select(s => new SelectListItem($"{s.Acronym} — {s.Name}", s.Acronym)).ToList();
    }
}
