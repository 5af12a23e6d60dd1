using Cooperation.Web.Features.Schools.Catalogue;

namespace Cooperation.Web.Features.Schools.Sessions;

public class CreateModel(CreateSession create, CooperationDbContext db, Access access, ReferenceLists references, IStringLocalizer<CreateModel> text) : PageModel
{
    /// <summary>Rows of the quota table offered when planning.</summary>
    public const int QuotaRows = 8;

    [BindProperty(SupportsGet = true)] public int? CourseId { get; set; }
    [BindProperty] public string? StartDate { get; set; }
    [BindProperty] public string? EndDate { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? Capacity { get; set; }
    [BindProperty] public List<DetailsModel.QuotaLine> Quotas { get; set; } = [];

    public List<SelectListItem> Courses { get; private set; } = [];
    public List<SelectListItem> Countries { get; private set; } = [];
    public CourseChoice? Course { get; private set; }
    /// <summary>The capacity and quotas were taken from the course's last session.</summary>
    public bool FromLastSession { get; private set; }

    public sealed record CourseChoice(int Id, string Code, string Title, string School, string City, int DurationDays);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var schools = await CatalogueCodes.ManageableSchoolsAsync(db, access, ct);
        if (schools.Count == 0) return Forbid();
        await ChoicesAsync(schools, ct);
        if (CourseId is not null && Course is null) return NotFound();
        if (Course is not null)
        {
            Place = Course.City;
            // The last session of the course invited these countries: a good start for the next one.
            var last = await db.CourseSessions.AsNoTracking().Where(s => s.CourseId == Course.Id)
                .OrderByDescending(s => s.StartDate).ThenByDescending(s => s.Id)
                .Select(s => new { s.Capacity, Quotas = s.Quotas.Select(q => new { q.Country!.Iso2, q.Seats }).ToList() })
                .FirstOrDefaultAsync(ct);
            if (last is not null)
            {
                FromLastSession = true;
                Capacity = last.Capacity.ToString();
                Quotas = last.Quotas.OrderBy(q => q.Iso2).Select(q => new DetailsModel.QuotaLine { Country = q.Iso2, Seats = q.Seats.ToString() }).ToList();
            }
        }
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var schools = await CatalogueCodes.ManageableSchoolsAsync(db, access, ct);
        if (schools.Count == 0) return Forbid();
        var start = FormValues.Date(ModelState, text, nameof(StartDate), StartDate);
        var end = FormValues.Date(ModelState, text, nameof(EndDate), EndDate);
        var capacity = TrainingForms.Int(ModelState, text, nameof(Capacity), Capacity);
        var quotas = Quotas.Where(q => !string.IsNullOrWhiteSpace(q.Country) || !string.IsNullOrWhiteSpace(q.Seats))
            .Select(q => new QuotaInput(q.Country, TrainingForms.Int(ModelState, text, "Quotas", q.Seats))).ToList();
        if (ModelState.IsValid)
        {
            try
            {
                var id = await create.HandleAsync(new CreateSession.Request(CourseId, null, null, start, end, Place, capacity, quotas), ct);
                TempData["Flash"] = text["La session a été planifiée : ouvrez-la aux candidatures quand les pays invités peuvent proposer leurs candidats."].Value;
                return Redirect($"/Schools/Sessions/{id}");
            }
            catch (InvalidInputException e) { TrainingForms.Show(ModelState, e); }
            catch (DomainException e) { TrainingForms.Show(ModelState, text, e); }
            catch (ForbiddenException) { return Forbid(); }
        }
        await ChoicesAsync(schools, ct);
        Pad();
        return Page();
    }

    private void Pad()
    {
        while (Quotas.Count < QuotaRows || Quotas.Count(q => string.IsNullOrWhiteSpace(q.Country)) < 2) Quotas.Add(new DetailsModel.QuotaLine());
    }

    private async Task ChoicesAsync(List<SchoolKey> schools, CancellationToken ct)
    {
        var ids = schools.Select(s => s.Id).ToList();
        var courses = (await db.Courses.AsNoTracking().Where(c => ids.Contains(c.SchoolId) && c.Active)
            .Select(c => new { c.Id, c.Code, c.TitleFr, c.TitleEn, School = c.School!.Acronym, c.School.City, c.DurationDays }).ToListAsync(ct))
            .Select(c => new CourseChoice(c.Id, c.Code, Names.Pick(c.TitleFr, c.TitleEn), c.School, c.City, c.DurationDays))
            .OrderBy(c => c.School, StringComparer.Ordinal).ThenBy(c => c.Title, Partners.PartnerQueries.NameOrder).ToList();
        Course = courses.FirstOrDefault(c => c.Id == CourseId);
        Courses = courses.Select(c => new SelectListItem($"{c.Code} — {c.Title}", c.Id.ToString()) { Group = new SelectListGroup { Name = c.School } }).ToList();
        Countries = await references.CountriesAsync(await CatalogueCodes.PartnerCountryIdsAsync(db, ct));
    }
}
