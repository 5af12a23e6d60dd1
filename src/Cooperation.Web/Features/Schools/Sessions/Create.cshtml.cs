using Cooperation.Web.Features.Projects.Projects;

namespace Cooperation.Web.Features.Schools.Sessions;

public class CreateModel(CreateSession create, SessionChoices choices, ProjectChoices projects, IStringLocalizer<CreateModel> text) : SessionTermsPage
{
    /// <summary>Rows of the quota table offered when planning.</summary>
    public const int QuotaRows = 8;

    [BindProperty(SupportsGet = true)] public int? CourseId { get; set; }
    [BindProperty] public List<QuotaLine> Quotas { get; set; } = [];

    public List<SelectListItem> Courses { get; private set; } = [];
    public List<SelectListItem> Countries { get; private set; } = [];
    /// <summary>The course the form was opened for (from its page); otherwise the form offers a choice.</summary>
    public CourseChoice? Course { get; private set; }
    /// <summary>The capacity and quotas were taken from the course's last session.</summary>
    public bool FromLastSession { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        if (CourseId is not null && Course is null) return NotFound();
        if (Course is not null)
        {
            Place = Course.City;
            if (await choices.LastSessionAsync(Course.Id, ct) is { } last)
            {
                FromLastSession = true;
                Capacity = last.Capacity.ToString();
                Quotas = last.Quotas.Select(q => new QuotaLine { Country = q.Country, Seats = q.Seats.ToString() }).ToList();
                Pad();
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (start, end, capacity) = Terms();
        var quotas = QuotaInputs(Quotas);
        ThrowIfInvalid();
        var id = await create.HandleAsync(new CreateSession.Request(CourseId, null, null, start, end, Place, capacity, quotas, FormValues.Int(ProjectId)), ct);
        TempData["Flash"] = text["La session a été planifiée : ouvrez-la aux candidatures quand les pays invités peuvent proposer leurs candidats."].Value;
        return Redirect($"/Schools/Sessions/{id}");
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        var courses = await choices.CoursesAsync(ct);
        Course = courses.FirstOrDefault(c => c.Id == CourseId);
        Courses = courses.Select(c => new SelectListItem($"{c.Code} — {c.Title}", c.Id.ToString()) { Group = new SelectListGroup { Name = c.School } }).ToList();
        Countries = await choices.PartnerCountriesAsync(ct);
        Projects = await projects.ForActionsAsync(ct);
        Pad();
    }

    /// <summary>Empty rows to the table's size, and always two to add a country.</summary>
    private void Pad()
    {
        while (Quotas.Count < QuotaRows || Quotas.Count(q => string.IsNullOrWhiteSpace(q.Country)) < 2) Quotas.Add(new QuotaLine());
    }
}
