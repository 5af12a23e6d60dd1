namespace Cooperation.Web.Features.Schools.Results;

public class ResultRowValues
{
    public int NominationId { get; set; }
    public bool Attended { get; set; }
    public string? Result { get; set; }
    public long? Version { get; set; }
}

/// <summary>A session's accepted enrolments: attendance and result per row, saved together; certificates for the passes.</summary>
public class IndexModel(GetSessionResults get, RecordResults record, IssueCertificates issue, IStringLocalizer<IndexModel> text) : PageModel
{
    [BindProperty] public List<ResultRowValues> Rows { get; set; } = [];
    public SessionResults Session { get; private set; } = null!;
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } session) return NotFound();
        Session = session;
        Rows = session.Enrolments.Select(e => new ResultRowValues
        {
            NominationId = e.NominationId, Attended = e.Attended == true, Result = e.Result, Version = e.Version,
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } session) return NotFound();
        if (!session.CanManage) return Forbid();
        Session = session;
        try
        {
            var errors = await record.HandleAsync(id, new RecordResults.Request(
                Rows.Select(r => new RecordResults.Row(r.NominationId, r.Attended, r.Result, r.Version)).ToList()), ct);
            if (errors is null) return NotFound();
            if (errors.Count == 0)
            {
                TempData["Flash"] = text["Les présences et les résultats ont été enregistrés."].Value;
                return Redirect($"/Schools/Sessions/{id}/Results");
            }
            Errors = errors;
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
        catch (DbUpdateConcurrencyException)
        {
            Conflict = text["common.concurrency"];
        }
        return Page();
    }

    public async Task<IActionResult> OnPostIssueAsync(int id, CancellationToken ct)
    {
        try
        {
            var issued = await issue.HandleAsync(id, ct);
            if (issued is null) return NotFound();
            TempData["Flash"] = issued.Count == 0
                ? text["Chaque stagiaire reçu a déjà son certificat."].Value
                : text["{0} certificat(s) délivré(s).", issued.Count].Value;
            return Redirect($"/Schools/Sessions/{id}/Results");
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
    }

    /// <summary>What the form shows in a row: what the user posted when the save failed, else what is recorded.</summary>
    public ResultRowValues Values(EnrolmentResult e) =>
        Rows.FirstOrDefault(r => r.NominationId == e.NominationId)
        ?? new ResultRowValues { NominationId = e.NominationId, Attended = e.Attended == true, Result = e.Result, Version = e.Version };

    /// <summary>The errors of the row posted at this index.</summary>
    public IEnumerable<string> RowErrors(int index) =>
        Errors.Where(kv => kv.Key.StartsWith($"rows[{index}].", StringComparison.OrdinalIgnoreCase)).SelectMany(kv => kv.Value);

    public int PostedIndex(int nominationId) => Rows.FindIndex(r => r.NominationId == nominationId);
}
