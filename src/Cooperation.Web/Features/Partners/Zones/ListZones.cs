namespace Cooperation.Web.Features.Partners.Zones;

public record ZoneRow(
    string Code, string NameFr, string NameEn, string Name, string Priority, string PriorityLabel, long Version,
    int Countries, int ActiveCooperants, bool CanEdit);

/// <summary>Geographic zones with their strategic priority; counts cover only the countries the user sees.</summary>
public class ListZones(CooperationDbContext db, Access access, TimeProvider clock, IStringLocalizer<ListZones> text) : IUseCase
{
    public async Task<Paged<ZoneRow>> HandleAsync(CancellationToken ct = default)
    {
        var visible = access.VisibleCountryIds;
        var today = clock.Today();
        var countries = db.Countries.AsNoTracking().Where(c => c.ZoneId != null);
        var postings = db.Postings.AsNoTracking().ActiveOn(today).ToCountries();
        if (visible is not null)
        {
            countries = countries.Where(c => visible.Contains(c.Id));
            postings = postings.Where(p => visible.Contains(p.CountryId));
        }
        var countryCounts = await countries.GroupBy(c => c.ZoneId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var cooperantCounts = await postings.Where(p => p.Country!.ZoneId != null).GroupBy(p => p.Country!.ZoneId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var zones = await db.Zones.AsNoTracking().ToListAsync(ct);
        var rows = zones
            // A coopérant sees the zone of his country only.
            .Where(z => visible is null || countryCounts.ContainsKey(z.Id))
            .OrderByDescending(z => z.Priority).ThenBy(z => Names.Pick(z.NameFr, z.NameEn), PartnerQueries.NameOrder)
            .Select(z => new ZoneRow(z.Code, z.NameFr, z.NameEn, Names.Pick(z.NameFr, z.NameEn), z.Priority.ToString(), z.Priority.Label(text),
                z.Version, countryCounts.GetValueOrDefault(z.Id), cooperantCounts.GetValueOrDefault(z.Id), access.CanEditZone(z.Id)))
            .ToList();
        return new Paged<ZoneRow>(rows, rows.Count, 1, Math.Max(1, rows.Count));
    }
}
