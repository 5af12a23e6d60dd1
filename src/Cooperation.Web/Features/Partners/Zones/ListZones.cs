namespace Cooperation.Web.Features.Partners.Zones;

public record ZoneRow(
    string Code, string NameFr, string NameEn, string Name, string Priority, string PriorityLabel, long Version,
    int Countries, int ActiveCooperants, bool CanEdit);

/// <summary>Geographic zones with their strategic priority; counts cover only the countries the user sees.</summary>
public class ListZones(CooperationDbContext db, Access access, FigureCache cache, TimeProvider clock, IStringLocalizer<ListZones> text) : IUseCase
{
    public async Task<Paged<ZoneRow>> HandleAsync(CancellationToken ct = default)
    {
        var visible = access.VisibleCountryIds;
        var countries = db.Countries.AsNoTracking().Where(c => c.ZoneId != null);
        if (visible is not null) countries = countries.Where(c => visible.Contains(c.Id));
        var zoneOf = await countries.Select(c => new { c.Id, ZoneId = c.ZoneId!.Value }).ToListAsync(ct);
        var network = await PartnerQueries.NetworkByCountryAsync(db, cache, access, clock.Today(), ct);
        var countryCounts = zoneOf.CountBy(c => c.ZoneId).ToDictionary();
        var cooperantCounts = zoneOf.GroupBy(c => c.ZoneId).ToDictionary(g => g.Key, g => g.Sum(c => network.Cooperants.GetValueOrDefault(c.Id)));

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
