namespace Cooperation.Web.Features.Shared;

/// <summary>
/// Choices of the filters and forms (in the user's language), read from the reference tables. Every page with a
/// filter offers some of them: each table is read and sorted once a language, then kept like the figures
/// (<see cref="FigureCache.GetOrComputeSharedAsync{T}"/>, read again after any write); the choices are new items on
/// every call, so that a page may mark its selection.
/// </summary>
public class ReferenceLists(CooperationDbContext db, FigureCache cache) : IUseCase
{
    /// <summary>A choice of a reference table, in the user's language, in the order offered.</summary>
    private sealed record Choice(int Id, string Code, string Text, int? ZoneId = null, bool TraineesOnly = false);

    public async Task<List<SelectListItem>> AdministrationsAsync(bool includeTraineesOnly = false) =>
        Items((await Administrations()).Where(a => includeTraineesOnly || !a.TraineesOnly));

    public async Task<List<SelectListItem>> ZonesAsync(IReadOnlyCollection<int>? onlyIds = null) =>
        Items((await Zones()).Where(z => onlyIds == null || onlyIds.Contains(z.Id)));

    /// <summary>
    /// Countries by ISO code: the partner countries (those of a zone of the directorate), or every ISO territory with
    /// <paramref name="all"/> (a form's "show all" escape); <paramref name="onlyIds"/> narrows them to a scope.
    /// </summary>
    public async Task<List<SelectListItem>> CountriesAsync(IReadOnlyCollection<int>? onlyIds = null, bool all = false)
    {
        var countries = await Countries();
        var ids = onlyIds as ISet<int> ?? onlyIds?.ToHashSet();
        return Items(countries.Where(c => ids is not null ? ids.Contains(c.Id) : all || c.ZoneId != null));
    }

    public async Task<List<SelectListItem>> OrganisationsAsync() => Items(await Organisations());

    public async Task<List<SelectListItem>> DomainsAsync() => Items(await Domains());

    public async Task<List<SelectListItem>> HostAuthorityTypesAsync() => Items(await HostAuthorityTypes());

    private static List<SelectListItem> Items(IEnumerable<Choice> choices) => choices.Select(c => new SelectListItem(c.Text, c.Code)).ToList();

    private Task<List<Choice>> Administrations() => cache.GetOrComputeSharedAsync("administrations", async () =>
        (await db.Administrations.AsNoTracking().Select(a => new { a.Id, a.Code, a.NameFr, a.NameEn, a.TraineesOnly }).ToListAsync())
        .Select(a => new Choice(a.Id, a.Code, Names.Pick(a.NameFr, a.NameEn), TraineesOnly: a.TraineesOnly)).OrderBy(c => c.Text).ToList());

    private Task<List<Choice>> Zones() => cache.GetOrComputeSharedAsync("zones", async () =>
        (await db.Zones.AsNoTracking().Select(z => new { z.Id, z.Code, z.NameFr, z.NameEn }).ToListAsync())
        .Select(z => new Choice(z.Id, z.Code, Names.Pick(z.NameFr, z.NameEn))).OrderBy(c => c.Text).ToList());

    private Task<List<Choice>> Countries() => cache.GetOrComputeSharedAsync("countries", async () =>
        (await db.Countries.AsNoTracking().Select(c => new { c.Id, c.Iso2, c.NameFr, c.NameEn, c.ZoneId }).ToListAsync())
        .Select(c => new Choice(c.Id, c.Iso2, Names.Pick(c.NameFr, c.NameEn), c.ZoneId))
        .OrderBy(c => c.Text, StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true)).ToList());

    private Task<List<Choice>> Organisations() => cache.GetOrComputeSharedAsync("organisations", async () =>
        (await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Acronym, o.NameFr, o.NameEn }).ToListAsync())
        .Select(o => new Choice(o.Id, o.Acronym, $"{o.Acronym} — {Names.Pick(o.NameFr, o.NameEn)}")).OrderBy(c => c.Text).ToList());

    private Task<List<Choice>> Domains() => cache.GetOrComputeSharedAsync("domains", async () =>
        (await db.Domains.AsNoTracking().Select(d => new { d.Id, d.Code, d.NameFr, d.NameEn }).ToListAsync())
        .Select(d => new Choice(d.Id, d.Code, Names.Pick(d.NameFr, d.NameEn))).OrderBy(c => c.Text).ToList());

    private Task<List<Choice>> HostAuthorityTypes() => cache.GetOrComputeSharedAsync("host-authority-types", async () =>
        (await db.HostAuthorityTypes.AsNoTracking().Select(t => new { t.Id, t.Code, t.NameFr, t.NameEn }).ToListAsync())
        .Select(t => new Choice(t.Id, t.Code, Names.Pick(t.NameFr, t.NameEn))).OrderBy(c => c.Text).ToList());
}
