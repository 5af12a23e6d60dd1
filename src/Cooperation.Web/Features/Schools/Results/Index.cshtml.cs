namespace Cooperation.Web.Features.Schools.Results;

/// <summary>A row of the results form: an enrolment's attendance and result, with the version read.</summary>
public class ResultRowValues
{
    public int NominationId { get; set; }
    public bool Attended { get; set; }
    public string? Result { get; set; }
    public long? Version { get; set; }
}

/// <summary>A session's accepted enrolments: attendance and result per row, saved together; certificates for the passes.</summary>
public class IndexModel(GetSessionResults get, RecordResults record, IssueCertificates issue, IStringLocalizer<IndexModel> text) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public List<ResultRowValues> Rows { get; set; } = [];
    public SessionResults Session { get; private set; } = null!;
    /// <summary>The step that asks to confirm the issue of certificates, saying how many (<c>?confirm=certificates</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "confirm")] public string? Confirm { get; set; }
    public bool ConfirmingCertificates => Confirm == "certificates" && Session.CanManage && Session.ResultsOpen && Session.PassesWithoutCertificate > 0;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        Rows = Session.Enrolments.Select(e => new ResultRowValues
        {
            NominationId = e.NominationId, Attended = e.Attended == true, Result = e.Result, Version = e.Version,
        }).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await record.HandleAsync(Id, new RecordResults.Request(
            Rows.Select(r => new RecordResults.Row(r.NominationId, r.Attended, r.Result, r.Version)).ToList()), ct);
        TempData["Flash"] = text["Les présences et les résultats ont été enregistrés."].Value;
        return Redirect($"/Schools/Sessions/{Id}/Results");
    }

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        var issued = await issue.HandleAsync(Id, ct);
        TempData["Flash"] = issued.Count == 0
            ? text["Chaque stagiaire reçu a déjà son certificat."].Value
            : text["{0} certificat(s) délivré(s).", issued.Count].Value;
        return Redirect($"/Schools/Sessions/{Id}/Results");
    }

    public override async Task OnRefusedAsync(CancellationToken ct) => Session = await get.HandleAsync(Id, ct);

    /// <summary>
    /// A row's error shows on the row posted at its index (<c>rows[i].result</c>); one that names no row shown (the
    /// table empty, an enrolment not of this session) above the form.
    /// </summary>
    public override string FormField(string field) =>
        field.StartsWith("rows[", StringComparison.Ordinal) && !field.EndsWith(".nominationId", StringComparison.Ordinal) ? field : "";

    /// <summary>What the form shows in a row: what the user posted when the save failed, else what is recorded.</summary>
    public ResultRowValues Values(EnrolmentResult e) =>
        Rows.FirstOrDefault(r => r.NominationId == e.NominationId)
        ?? new ResultRowValues { NominationId = e.NominationId, Attended = e.Attended == true, Result = e.Result, Version = e.Version };

    /// <summary>The errors of the row posted at this index.</summary>
    public IEnumerable<string> RowErrors(int index) =>
        ModelState.Where(kv => kv.Key.StartsWith($"rows[{index}].", StringComparison.OrdinalIgnoreCase))
            .SelectMany(kv => kv.Value?.Errors.Select(e => e.ErrorMessage) ?? []);

    public int PostedIndex(int nominationId) => Rows.FindIndex(r => r.NominationId == nominationId);
}
