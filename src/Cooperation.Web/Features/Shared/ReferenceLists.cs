namespace Cooperation.Web.Features.Shared;

/// <summary>Choices of the filters and forms (in the user's language), read from the reference tables.</summary>
public class ReferenceLists(CooperationDbContext db) : IUseCase
{
    public async Task<List<SelectListItem>> AdministrationsAsync(bool includeTraineesOnly = false) =>
        (await db.Administrations.AsNoTracking().Where(a => includeTraineesOnly || !a.TraineesOnly)
            .Select(a => new { a.Id, a.Code, a.NameFr, a.NameEn }).ToListAsync())
        .Select(a => new SelectListItem(Names.Pick(a.NameFr, a.NameEn), a.Code)).OrderBy(i => i.Text).ToList();

    public async Task<List<SelectListItem>> ZonesAsync(IReadOnlyCollection<int>? onlyIds = null) =>
        (await db.Zones.AsNoTracking().Where(z => onlyIds == null || onlyIds.Contains(z.Id)).Select(z => new { z.Code, z.NameFr, z.NameEn }).ToListAsync())
        .Select(z => new SelectListItem(Names.Pick(z.NameFr, z.NameEn), z.Code)).OrderBy(i => i.Text).ToList();

    /// <summary>
    /// Countries by ISO code: the partner countries (those of a zone of the directorate), or every ISO territory with
    /// <paramref name="all"/> (a form's "show all" escape); <paramref name="onlyIds"/> narrows them to a scope.
    /// </summary>
    public async Task<List<SelectListItem>> CountriesAsync(IReadOnlyCollection<int>? onlyIds = null, bool all = false)
    {
        var q = db.Countries.AsNoTracking();
        if (onlyIds is not null) q = q.Where(c => onlyIds.Contains(c.Id));
        else if (!all) q = q.Where(c => c.ZoneId != null);
        return (await q.Select(c => new { c.Iso2, c.NameFr, c.NameEn }).ToListAsync())
            .Select(c => new SelectListItem(Names.Pick(c.NameFr, c.NameEn), c.Iso2))
            .OrderBy(i => i.Text, StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true)).ToList();
    }

    public async Task<List<SelectListItem>> OrganisationsAsync() =>
        (await db.Organisations.AsNoTracking().Select(o => new { o.Acronym, o.NameFr, o.NameEn }).ToListAsync())
        .Select(o => new SelectListItem($"{o.Acronym} — {Names.Pick(o.NameFr, o.NameEn)}", o.Acronym)).OrderBy(i => i.Text).ToList();

    public async Task<List<SelectListItem>> DomainsAsync() =>
        (await db.Domains.AsNoTracking().Select(d => new { d.Code, d.NameFr, d.NameEn }).ToListAsync())
        .Select(d => new SelectListItem(Names.Pick(d.NameFr, d.NameEn), d.Code)).OrderBy(i => i.Text).ToList();

    public async Task<List<SelectListItem>> HostAuthorityTypesAsync() =>
        (await db.HostAuthorityTypes.AsNoTracking().Select(t => new { t.Code, t.NameFr, t.NameEn }).ToListAsync())
        .Select(t => new SelectListItem(Names.Pick(t.NameFr, t.NameEn), t.Code)).OrderBy(i => i.Text).ToList();
}
