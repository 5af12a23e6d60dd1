namespace Cooperation.Web.Features.Schools.Nominations;

/// <summary>
/// "Mes candidatures": a liaison officer follows his country's candidates, status by status, and sees the sessions
/// where his country still has seats. For headquarters, the nominations they submitted themselves.
/// </summary>
public class MineModel(ListNominations list, NominationChoices choices, Access access) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }

    public Paged<NominationRow> Result { get; private set; } = null!;
    public PageLinks Links { get; private set; } = null!;
    public Dictionary<NominationStatus, int> Counts { get; private set; } = [];
    public List<OpenSession> OpenSessions { get; private set; } = [];
    public bool Liaison => access.IsLiaisonOfficer;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, [FromQuery(Name = "pageSize")] int? pageSize, CancellationToken ct)
    {
        if (!access.CanNominateAny) return Forbid();
        var query = new ListNominations.Query(Mine: true, Status: Status, Search: Search, Page: page, PageSize: pageSize);
        try { Result = await list.HandleAsync(query, ct); }
        catch (InvalidInputException) { Status = null; Result = await list.HandleAsync(query with { Status = null }, ct); }
        Links = new PageLinks(Result.Page, Result.PageSize, Result.Total, Request.Path, Request.Query);
        Counts = await list.CountByStatusAsync(query, ct);
        if (access.IsLiaisonOfficer) OpenSessions = await choices.OpenSessionsAsync(access.CountryId, ct);
        return Page();
    }

    public string Label(OpenSession session) => choices.Label(session);
}
