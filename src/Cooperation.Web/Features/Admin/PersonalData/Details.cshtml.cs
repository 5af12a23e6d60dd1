namespace Cooperation.Web.Features.Admin.PersonalData;

/// <summary>
/// A person's data rights, for the administrator: what is held about him, the file of it (<c>?handler=Export</c>), and
/// his pseudonymisation on request. Reached from the person's own page.
/// </summary>
public class DetailsModel(GetPersonalDataSummary summary, ExportPersonalData export, PseudonymisePerson pseudonymise, IStringLocalizer<DetailsModel> text)
    : FormPageModel
{
    /// <summary><c>trainees</c> or <c>cooperants</c>.</summary>
    [BindProperty(SupportsGet = true)] public string Kind { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public long? Version { get; set; }

    public PersonalDataSummary Person { get; private set; } = null!;

    private PersonKind PersonKind => PersonKinds.Parse(Kind) ?? throw new RecordNotFoundException();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        Version = Person.Version;
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var file = await export.HandleAsync(PersonKind, Id, ct);
        return File(file.Content, ExportPersonalData.ContentType, file.Name);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var done = await pseudonymise.HandleAsync(PersonKind, Id, new PseudonymisationRequest(Reason, Version), ct);
        TempData["Flash"] = text["La personne a été pseudonymisée ({0}) ; {1} entrée(s) du journal d'audit réécrite(s).", done.Name, done.RewrittenAuditEntries].Value;
        return Redirect($"/Admin/PersonalData/{PersonKind.Segment()}/{Id}");
    }

    public override async Task OnRefusedAsync(CancellationToken ct) => Person = await summary.HandleAsync(PersonKind, Id, ct);
}
