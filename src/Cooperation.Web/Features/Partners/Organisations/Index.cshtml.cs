namespace Cooperation.Web.Features.Partners.Organisations;

public class IndexModel(ListOrganisations list, IStringLocalizer<IndexModel> text)
    : ListPageModel<ListOrganisations.Query, OrganisationRow>(list)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    /// <summary>Organisations are listed by acronym only.</summary>
    protected override string DefaultSort => "acronym";

    protected override ListOrganisations.Query Query => new()
    {
        Q = Q, Kind = Kind, Page = PageNumber, PageSize = PageSize,
    };

    public string KindLabel(string kind) => OrganisationKinds.Label(kind, text);

    protected override string ExportName => text["organisations"];

    protected override IReadOnlyList<Column<OrganisationRow>> ExportColumns() =>
    [
        new(text["Sigle"], r => r.Acronym),
        new(text["Nom (français)"], r => r.NameFr),
        new(text["Nom (anglais)"], r => r.NameEn),
        new(text["Type"], r => KindLabel(r.Kind)),
        new(text["Pays du siège"], r => r.SeatCountry),
        new(text["Coopérants en poste"], r => r.ActivePostings),
        new(text["Postes vacants"], r => r.OpenVacancies),
    ];
}
