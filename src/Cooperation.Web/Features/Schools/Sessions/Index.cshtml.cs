namespace Cooperation.Web.Features.Schools.Sessions;

public class IndexModel(ListSessions list, SessionChoices choices, SchoolChoices schools, ReferenceLists references, Access access, TimeProvider clock,
    IStringLocalizer<IndexModel> text)
    : ListPageModel<ListSessions.Query, SessionRow>(list)
{
    [BindProperty(SupportsGet = true)] public string? School { get; set; }
    [BindProperty(SupportsGet = true)] public int? CourseId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Domain { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public bool OpenToMyCountry { get; set; }
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }

    public List<SelectListItem> Schools { get; private set; } = [];
    public List<SelectListItem> Domains { get; private set; } = [];
    public List<SelectListItem> Statuses { get; private set; } = [];
    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Zones { get; private set; } = [];
    public string? CourseTitle { get; private set; }
    /// <summary>A liaison officer's list shows his country's seats and offers the sessions open to it.</summary>
    public bool ForMyCountry => access.IsLiaisonOfficer && access.CountryId is not null;
    public bool CanPlan { get; private set; }

    protected override string DefaultSort => "-start";

    protected override string ExportName => text["sessions"];

    protected override IReadOnlyList<Column<SessionRow>> ExportColumns() =>
    [
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
        Column<SessionRow>.Percent(text["Taux de remplissage"], r => r.FillRate / 100.0),
        new(text["Candidatures en attente de décision"], r => r.PendingNominations),
    ];

    /// <summary>The sessions of the filtered list as an iCalendar file.</summary>
    public async Task<IActionResult> OnGetIcsAsync(CancellationToken ct) =>
        SessionCalendar.File(await list.AllAsync(Query, ct), text, "sessions", clock);

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Schools = await schools.VisibleAsync(ct);
        Domains = await references.DomainsAsync();
        Statuses = Enum.GetValues<SessionStatus>().Select(s => new SelectListItem(s.Name(text), s.ToString())).ToList();
        Countries = await choices.InvitedCountriesAsync(ct);
        Zones = await references.ZonesAsync();
        CourseTitle = CourseId is { } courseId ? await choices.CourseNameAsync(courseId, ct) : null;
        CanPlan = (await schools.ManageableAsync(ct)).Count > 0;
    }

    /// <summary>The list's filters; a date that cannot be read shows its error beside its field and filters nothing.</summary>
    protected override ListSessions.Query Query => new()
    {
        School = School, CourseId = CourseId, Domain = Domain, Status = Status, From = Date(nameof(From), From), To = Date(nameof(To), To),
        Country = CountryCodes, OpenToMyCountry = OpenToMyCountry ? true : null, Sort = Sort, Page = PageNumber, PageSize = PageSize, Zone = Zone,
    };
}
