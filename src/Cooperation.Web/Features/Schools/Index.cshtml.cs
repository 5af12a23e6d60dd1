using Cooperation.Web.Features.Partners;

namespace Cooperation.Web.Features.Schools;

public class IndexModel(ListSchools list, ReferenceLists lists, CooperationDbContext db, Access access, IStringLocalizer<IndexModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Domain { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public Paged<SchoolRow> Result { get; private set; } = null!;
    public PageLinks Links { get; private set; } = null!;
    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Domains { get; private set; } = [];

    private ListSchoolsQuery Query => new(Country, Domain, Q, PageNumber);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await list.HandleAsync(Query, ct);
        Links = new PageLinks(Result.Page, Result.PageSize, Result.Total, Request.Path, Request.Query);
        // Only the countries that have a school, within the user's scope.
        var visible = access.SchoolCountryIds;
        var withSchools = db.RegionalSchools.AsNoTracking().Select(s => s.CountryId);
        if (visible is not null) withSchools = withSchools.Where(id => visible.Contains(id));
        Countries = await lists.CountriesAsync(await withSchools.Distinct().ToListAsync(ct));
        Domains = await lists.DomainsAsync();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var rows = await list.AllAsync(Query, ct);
        Column<SchoolRow>[] columns =
        [
            new(text["Sigle"], r => r.Acronym),
            new(text["Dénomination"], r => r.Name),
            new(text["Ville"], r => r.City),
            new(text["Pays"], r => r.Country.Name),
            new(text["Code ISO"], r => r.Country.Iso2),
            new(text["Domaines"], r => string.Join(", ", r.Domains.Select(d => d.Name))),
            new(text["Ouverture"], r => r.OpenedYear),
        ];
        return Export.File(format, text["envr"], columns, rows);
    }
}
