namespace Cooperation.Web.Features.Projects.Budget;

/// <summary>The money of a project: planned vs committed vs disbursed by year, its transactions, and the form to record one.</summary>
public class IndexModel(GetMoney get, RecordTransaction record, ProjectAccess projects, Access access, TimeProvider clock,
    IStringLocalizer<IndexModel> text) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? On { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Currency { get; set; } = "EUR";
    [BindProperty] public string? Rate { get; set; }
    [BindProperty] public string? Provider { get; set; }
    [BindProperty] public string? Receiver { get; set; }
    [BindProperty] public string? Description { get; set; }

    public ProjectMoney Money { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        On = clock.Today().ToString("yyyy-MM-dd");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var date = Date(nameof(On), On);
        var (amount, rate) = (Decimal(nameof(Amount), Amount), Decimal(nameof(Rate), Rate));
        ThrowIfInvalid();
        await record.HandleAsync(Id, new RecordTransaction.Request(Kind, date, amount, Currency, rate, Provider, Receiver, Description), ct);
        TempData["Flash"] = text["La transaction a été enregistrée."].Value;
        return Redirect($"/Projects/{Id}/Transactions");
    }

    public override string FormField(string field) => field == "date" ? nameof(On) : base.FormField(field);

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        CanEdit = access.CanEditProject(await projects.ReadableZoneAsync(Id, ct));
        Money = await get.HandleAsync(Id, ct);
    }
}
