namespace Cooperation.Web.Features.Sessions.International;

/// <summary>
/// The fields of an international session that its planning and edit pages share (the partial <c>_SessionFields</c>
/// renders them), read into the one input the use cases check.
/// </summary>
public abstract class SessionFormPage(ReferenceLists references) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Slot { get; set; }
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }
    [BindProperty] public string? Theme { get; set; }
    [BindProperty] public string? StartDate { get; set; }
    [BindProperty] public string? EndDate { get; set; }
    [BindProperty] public string? Place { get; set; }
    /// <summary>ISO2 codes, separated by commas or spaces.</summary>
    [BindProperty] public string? InvitedCountries { get; set; }

    public List<SelectListItem> Zones { get; private set; } = [];

    public override string FormField(string field) => field == "number" ? nameof(Slot) : base.FormField(field);

    /// <summary>The form as the use cases read it; a date or number that cannot be read stays beside its field.</summary>
    protected InternationalSessionInput Input(bool? withFica = null, long? version = null) => new(
        Number(nameof(Year), Year), Number(nameof(Slot), Slot), Theme, Zone, Date(nameof(StartDate), StartDate), Date(nameof(EndDate), EndDate), Place,
        (InvitedCountries ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries), withFica, version);

    protected async Task LoadZonesAsync() => Zones = await references.ZonesAsync();
}
