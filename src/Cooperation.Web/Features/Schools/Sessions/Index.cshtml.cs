using Cooperation.Web.Features.Schools.Catalogue;

namespace Cooperation.Web.Features.Schools.Sessions;

public class IndexModel(ListSessions list, ReferenceLists references, CooperationDbContext db, Access access, TimeProvider clock,
    IStringLocalizer<IndexModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? School { get; set; }
    [BindProperty(SupportsGet = true)] public int? CourseId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Domain { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public bool OpenToMyCountry { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public Paged<SessionRow> Result { get; private set; } = null!;
    public PageLinks Links { get; private set; } = null!;
    public List<SelectListItem> Schools { get; private set; } = [];
    public List<SelectListItem> Domains { get; private set; } = [];
    public List<SelectListItem> Statuses { get; private set; } = [];
    public List<SelectListItem> Countries { get; private set; } = [];
    public string? CourseTitle { get; private set; }
    /// <summary>A liaison officer's list shows his country's seats and offers the sessions open to it.</summary>
    public bool ForMyCountry => access.IsLiaisonOfficer && access.CountryId is not null;
    public bool CanPlan { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, [FromQuery(Name = "pageSize")] int? pageSize, CancellationToken ct)
    {
        var query = Query(page, pageSize);
        Result = await list.HandleAsync(query, ct);
        Links = new PageLinks(Result.Page, Result.PageSize, Result.Total, Request.Path, Request.Query);
        var schools = db.RegionalSchools.AsNoTracking();
        if (access.SchoolCountryIds is { } visible) schools = schools.Where(s => visible.Contains(s.CountryId));
        Schools = (await schools.Select(s => new { s.Acronym, s.Name }).ToListAsync(ct))
            .OrderBy(s => s.Acronym, StringComparer.Ordinal).Select(s => new SelectListItem($"{s.Acronym} — {s.Name}", s.Acronym)).ToList();
        Domains = await references.DomainsAsync();
        Statuses = Enum.GetValues<SessionStatus>().Select(s => new SelectListItem(s.Name(text), s.ToString())).ToList();
        var invited = await db.SessionQuotas.AsNoTracking().Where(q => q.Seats > 0).Select(q => q.CountryId).Distinct().ToListAsync(ct);
        Countries = await references.CountriesAsync(invited);
        if (CourseId is { } courseId)
            CourseTitle = (await db.Courses.AsNoTracking().Where(c => c.Id == courseId).Select(c => new { c.Code, c.TitleFr, c.TitleEn }).SingleOrDefaultAsync(ct))
                is { } c ? $"{c.Code} — {Names.Pick(c.TitleFr, c.TitleEn)}" : null;
        CanPlan = (await CatalogueCodes.ManageableSchoolsAsync(db, access, ct)).Count > 0;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var rows = await list.AllAsync(Query(null, null), ct);
        var columns = new List<Column<SessionRow>>
        {
            new(text["École"], r => r.School),
            new(text["Code de la formation"], r => r.CourseCode),
            new(text["Formation"], r => r.CourseTitle),
            new(text["Domaine"], r => r.DomainName),
            new(text["Date de début"], r => r.StartDate),
            new(text["Date de fin de la session"], r => r.EndDate),
            new(text["Lieu de la session"], r => r.Place),
            new(text["Statut de la session"], r => r.StatusName),
            new(text["Capacité (places)"], r => r.Capacity),
            new(text["Candidats acceptés"], r => r.Accepted),
            new(text["Taux de remplissage (%)"], r => r.FillRate),
            new(text["Candidatures en attente de décision"], r => r.PendingNominations),
        };
        if (ForMyCountry) columns.Add(new(text["Places de mon pays"], r => r.MyCountrySeats ?? 0));
        return Export.File(format, text["sessions"], columns, rows);
    }

    /// <summary>The sessions of the filtered list as an iCalendar file.</summary>
    public async Task<IActionResult> OnGetIcsAsync(CancellationToken ct) =>
        SessionCalendar.File(await list.AllAsync(Query(null, null), ct), text, "sessions", clock.GetUtcNow().UtcDateTime);

    private ListSessions.Query Query(int? page, int? pageSize) => new(School, CourseId, null, Domain, Status,
        FormValues.Date(ModelState, text, nameof(From), From), FormValues.Date(ModelState, text, nameof(To), To), Country,
        OpenToMyCountry ? true : null, Sort, page, pageSize);

    public string SortUrl(string key) => TrainingForms.SortUrl(Request, Sort, key);
    public string AriaSort(string key) => TrainingForms.AriaSort(Sort, "-start", key);
}
