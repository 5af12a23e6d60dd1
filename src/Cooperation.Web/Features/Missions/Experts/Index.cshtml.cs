namespace Cooperation.Web.Features.Missions.Experts;

public class IndexModel(ListExperts list, ReferenceLists references, Access access, IStringLocalizer<IndexModel> text)
    : ListPageModel<ListExperts.Query, ExpertRow>(list)
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? Administration { get; set; }

    public List<SelectListItem> Administrations { get; private set; } = [];
    public bool CanCreate => access.CanEditExperts;

    protected override string DefaultSort => "name";

    protected override string ExportName => text["experts"];

    protected override IReadOnlyList<Column<ExpertRow>> ExportColumns() =>
    [
        new(text["Nom"], r => r.Name),
        new(text["Administration"], r => r.AdministrationName),
        new(text["Grade"], r => r.Grade),
        new(text["Spécialité"], r => r.Speciality),
        new(text["Courriel"], r => r.Email),
        new(text["Téléphone"], r => r.Phone),
        new(text["Missions"], r => r.Missions),
    ];

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        ForbiddenException.ThrowUnless(access.SeesExperts);
        Administrations = await references.AdministrationsAsync();
    }

    protected override ListExperts.Query Query => new()
    {
        Search = Search, Administration = Administration, Sort = Sort, Page = PageNumber, PageSize = PageSize,
    };
}
