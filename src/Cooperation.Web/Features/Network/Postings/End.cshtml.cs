namespace Cooperation.Web.Features.Network.Postings;

public class EndModel(EndPosting end, TimeProvider clock, IStringLocalizer<EndModel> text) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? ActualEndDate { get; set; }
    [BindProperty] public string? Version { get; set; }

    public PostingRow Posting { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        ActualEndDate = (Posting.ActualEndDate ?? clock.Today()).ToString("yyyy-MM-dd");
        Version = Posting.Version.ToString();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var date = Date(nameof(ActualEndDate), ActualEndDate);
        ThrowIfInvalid();
        await end.HandleAsync(Id, new EndPosting.Request(date, long.TryParse(Version, out var v) ? v : null), ct);
        TempData["Flash"] = text["L'affectation a été terminée."].Value;
        return Redirect($"/Network/Cooperants/{(await end.PostingAsync(Id, ct)).CooperantId}");
    }

    public override async Task OnRefusedAsync(CancellationToken ct) => Posting = await end.PostingAsync(Id, ct);
}
