namespace Cooperation.Web.Features.Missions.Recommendations;

/// <summary>Overdue recommendations, listed per zone.</summary>
public class OverdueModel(ListOverdueRecommendations list, ReferenceLists references, Access access, IStringLocalizer<OverdueModel> text)
    : ListPageModel<ListOverdueRecommendations.Query, OverdueRow>(list)
{
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }

    public List<SelectListItem> Zones { get; private set; } = [];

    protected override string DefaultSort => "zone";

    protected override string ExportName => text["recommandations-en-retard"];

    protected override IReadOnlyList<Column<OverdueRow>> ExportColumns() =>
    [
        new(text["Zone"], r => r.ZoneName),
        new(text["Pays"], r => r.CountryName),
        new(text["Mission"], r => r.MissionSubject),
        new(text["Recommandation"], r => r.Text),
        new(text["Autorité responsable"], r => r.OwnerAuthority),
        new(text["Échéance"], r => r.DueDate),
        new(text["Jours de retard"], r => r.DaysOverdue),
    ];

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        ForbiddenException.ThrowUnless(access.SeesMissions);
        Zones = await references.ZonesAsync();
    }

    protected override ListOverdueRecommendations.Query Query => new()
    {
        Zone = Zone, Sort = Sort, Page = PageNumber, PageSize = PageSize,
    };
}
