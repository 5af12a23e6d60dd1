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
    private sealed record Choice(int Id, string Code, string Text, int? ZoneId, bool TraineesOnly);

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

    /// <summary>Countries by id: ISO2 code and name in the user's language (tables of figures keyed by id).</summary>
    public async Task<IReadOnlyDictionary<int, (string Code, string Name)>> CountryNamesAsync() => ById(await Countries());

    /// <summary>Administrations by id: code and name in the user's language.</summary>
    public async Task<IReadOnlyDictionary<int, (string Code, string Name)>> AdministrationNamesAsync() => ById(await Administrations());

    /// <summary>Domains by id: code and name in the user's language.</summary>
    public async Task<IReadOnlyDictionary<int, (string Code, string Name)>> DomainNamesAsync() => ById(await Domains());

    private static Dictionary<int, (string Code, string Name)> ById(IEnumerable<Choice> choices) => choices.ToDictionary(c => c.Id, c => (c.Code, c.Text));

    private static List<SelectListItem> Items(IEnumerable<Choice> choices) => choices.Select(c => new SelectListItem(c.Text, c.Code)).ToList();

    /// <summary>A reference table's rows as read, before they are named in the user's language.</summary>
    private sealed record Row(int Id, string Code, string NameFr, string NameEn, int? ZoneId, bool TraineesOnly);

    /// <summary>A table's choices in the user's language and order, read once a language and kept until a write.</summary>
    private Task<List<Choice>> Kept(string kind, IQueryable<Row> rows, Func<Row, string>? text = null, IComparer<string>? order = null) =>
        cache.GetOrComputeSharedAsync(kind, async () => (await rows.AsNoTracking().ToListAsync())
            .Select(r => new Choice(r.Id, r.Code, text?.Invoke(r) ?? Names.Pick(r.NameFr, r.NameEn), r.ZoneId, r.TraineesOnly))
            .OrderBy(c => c.Text, order ?? Comparer<string>.Default).ToList());

    private Task<List<Choice>> Administrations() =>
        Kept("administrations", db.Administrations.Select(a => new Row(a.Id, a.Code, a.NameFr, a.NameEn, null, a.TraineesOnly)));

    private Task<List<Choice>> Zones() => Kept("zones", db.Zones.Select(z => new Row(z.Id, z.Code, z.NameFr, z.NameEn, null, false)));

    private Task<List<Choice>> Countries() =>
        Kept("countries", db.Countries.Select(c => new Row(c.Id, c.Iso2, c.NameFr, c.NameEn, c.ZoneId, false)),
            order: StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true));

    private Task<List<Choice>> Organisations() =>
        Kept("organisations", db.Organisations.Select(o => new Row(o.Id, o.Acronym, o.NameFr, o.NameEn, null, false)),
            r => $"{r.Code} — {Names.Pick(r.NameFr, r.NameEn)}");

    private Task<List<Choice>> Domains() => Kept("domains", db.Domains.Select(d => new Row(d.Id, d.Code, d.NameFr, d.NameEn, null, false)));

    private Task<List<Choice>> HostAuthorityTypes() =>
        Kept("host-authority-types", db.HostAuthorityTypes.Select(t => new Row(t.Id, t.Code, t.NameFr, t.NameEn, null, false)));
}
