namespace Cooperation.Web.Features.Schools.Nominations;

/// <summary>
/// "Mes candidatures": a liaison officer follows his country's candidates, status by status, and sees the sessions
/// where his country still has seats. For headquarters, the nominations they submitted themselves.
/// </summary>
public class MineModel(ListNominations list, NominateCandidate nominate, NominationChoices choices, Access access) : ListPageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }

    public Paged<NominationRow> Result { get; private set; } = new([], 0, 1, Paging.DefaultPageSize);
    public Dictionary<NominationStatus, int> Counts { get; private set; } = [];
    public List<OpenSession> OpenSessions { get; private set; } = [];
    public bool Liaison => access.IsLiaisonOfficer;

    protected override string DefaultSort => "-submitted";

    private ListNominations.Query Query => new()
    {
        Mine = true, Status = Status, Search = Search, Page = PageNumber, PageSize = PageSize,
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        Result = await list.HandleAsync(Query, ct);
    }

    /// <summary>The page of those who nominate: the counts by status and the sessions open to the liaison officer's country.</summary>
    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        nominate.Authorize();
        Counts = await list.CountByStatusAsync(Query, ct);
        if (access.IsLiaisonOfficer) OpenSessions = await choices.OpenSessionsAsync(access.CountryId, ct);
    }

    public string Label(OpenSession session) => choices.Label(session);
}
