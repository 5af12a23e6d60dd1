using Cooperation.Web.Features.Donations.Donations;
using Cooperation.Web.Features.Partners;
using Cooperation.Web.Features.Projects;
using Cooperation.Web.Features.Projects.Projects;
using Cooperation.Web.Features.Reporting.Annual;
using Cooperation.Web.Features.Schools.Nominations;

namespace Cooperation.Web.Features.Reporting.Map;

/// <summary>The map's layers: coopérants in post today, trainees of a year by nationality, projects running, donations handed over in a year.</summary>
public enum MapLayer { Cooperants, Trainees, Projects, Donations }

/// <summary>A country of a map layer: its ISO codes, its name in the user's language, the layer's figure (a count, or euros).</summary>
public record MapCountry(string NumericCode, string Iso2, string Name, decimal Value);

/// <summary>A layer of the network map: its figures by country, the year it counts (none for today's), whether it counts euros, and its five shading classes.</summary>
public record NetworkMap(MapLayer Layer, int? Year, bool ByValue, IReadOnlyList<MapCountry> Countries, IReadOnlyList<long> ClassUpperBounds, DateOnly AsOf)
{
    public decimal Total => Countries.Sum(c => c.Value);

    public int ClassOf(decimal value) => WorldMap.ClassOf(ClassUpperBounds, (long)Math.Ceiling(value));
}

/// <summary>
/// Counts a layer of the map by country, within what the user's lists show him (counts only, never a name):
/// coopérants in post today by host country (a posting to an organisation counts in its seat country, which
/// Posting.CountryId already holds; the countries the user sees); trainees accepted to the year's sessions by
/// nationality (the nominations list's filter, <see cref="ListNominations"/>); projects running by country of location
/// (<see cref="ListProjects"/>); donations handed over in the year by country, in number or in euros of what was handed
/// over (the annual report's count, on <see cref="ListDonations"/>).
/// </summary>
public class ComputeNetworkMap(
    CooperationDbContext db, TimeProvider clock, Access access, IStringLocalizer<ComputeNetworkMap> text,
    ListNominations nominations, ListProjects projects, ListDonations donations) : IUseCase
{
    /// <param name="Layer">cooperants (default), trainees, projects or donations.</param>
    /// <param name="Year">The year of the trainees' and donations' layers (default last year).</param>
    /// <param name="Measure">Donations: count (default) or value (euros handed over).</param>
    public sealed record Query(string? Layer = null, int? Year = null, string? Measure = null);

    /// <summary>The layers the user is offered: those whose lists he reads.</summary>
    public IReadOnlyList<MapLayer> Layers()
    {
        var layers = new List<MapLayer> { MapLayer.Cooperants, MapLayer.Trainees };
        if (access.SeesProjects) layers.Add(MapLayer.Projects);
        if (access.SeesDonations) layers.Add(MapLayer.Donations);
        return layers;
    }

    public async Task<NetworkMap> HandleAsync(Query? query = null, CancellationToken ct = default)
    {
        query ??= new Query();
        var today = clock.Today();
        var errors = new FieldErrors(text);
        MapLayer layer = MapLayer.Cooperants;
        if (!string.IsNullOrWhiteSpace(query.Layer) && (!Enum.TryParse(query.Layer, ignoreCase: true, out layer) || !Enum.IsDefined(layer) || !Layers().Contains(layer)))
            errors.Add("layer", "map.layer", query.Layer);
        if (query.Year is { } y && (y < ComputeAnnualReport.FirstYear || y > today.Year))
            errors.Add("year", "report.year", ComputeAnnualReport.FirstYear, today.Year);
        var byValue = string.Equals(query.Measure, "value", StringComparison.OrdinalIgnoreCase);
        if (!byValue && !string.IsNullOrWhiteSpace(query.Measure) && !string.Equals(query.Measure, "count", StringComparison.OrdinalIgnoreCase))
            errors.Add("measure", "map.measure", query.Measure);
        errors.ThrowIfAny();

        var year = query.Year ?? today.Year - 1;
        var counts = layer switch
        {
            MapLayer.Trainees => await TraineesAsync(year, ct),
            MapLayer.Projects => await ProjectsAsync(ct),
            MapLayer.Donations => await DonationsAsync(year, byValue, ct),
            _ => await CooperantsAsync(today, ct),
        };
        var ids = counts.Keys.ToList();
        var countries = await db.Countries.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Iso2, c.NumericCode, c.NameFr, c.NameEn }).ToDictionaryAsync(c => c.Id, ct);
        var list = counts.Where(c => c.Value > 0).Select(c => (Value: c.Value, Country: countries[c.Key]))
            .Select(x => new MapCountry(x.Country.NumericCode, x.Country.Iso2, Names.Pick(x.Country.NameFr, x.Country.NameEn), x.Value))
            .OrderByDescending(c => c.Value).ThenBy(c => c.Name, PartnerQueries.NameOrder).ToList();
        var dated = layer is MapLayer.Trainees or MapLayer.Donations;
        return new NetworkMap(layer, dated ? year : null, layer == MapLayer.Donations && byValue, list,
            WorldMap.Classes(list.Select(c => (long)Math.Ceiling(c.Value))), today);
    }

    private async Task<Dictionary<int, decimal>> CooperantsAsync(DateOnly today, CancellationToken ct)
    {
        var active = db.Postings.AsNoTracking().ActiveOn(today);
        if (access.VisibleCountryIds is { } visible) active = active.Where(p => visible.Contains(p.CountryId));
        return await active.GroupBy(p => p.CountryId)
            .Select(g => new { g.Key, Count = g.Select(p => p.CooperantId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => (decimal)g.Count, ct);
    }

    /// <summary>Distinct trainees accepted to the sessions that started in the year, by their nationality.</summary>
    private async Task<Dictionary<int, decimal>> TraineesAsync(int year, CancellationToken ct)
    {
        var accepted = await nominations.FilterAsync(new ListNominations.Query { Status = nameof(NominationStatus.Accepted), Year = year }, ct);
        return await accepted.GroupBy(n => n.Trainee!.NationalityId)
            .Select(g => new { g.Key, Count = g.Select(n => n.TraineeId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => (decimal)g.Count, ct);
    }

    /// <summary>Projects running today, in each country they are located in (a project in several countries counts in each).</summary>
    private async Task<Dictionary<int, decimal>> ProjectsAsync(CancellationToken ct)
    {
        if (!access.SeesProjects) return [];
        var running = projects.Filter(new ListProjects.Query { Status = ProjectCodes.Of(ProjectStatus.Running) });
        return await db.Set<ProjectLocation>().AsNoTracking().Where(l => l.CountryId != null && running.Any(p => p.Id == l.ProjectId))
            .GroupBy(l => l.CountryId!.Value)
            .Select(g => new { g.Key, Count = g.Select(l => l.ProjectId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => (decimal)g.Count, ct);
    }

    /// <summary>Donations handed over in the year by country: their number, or the euro value of what was handed over.</summary>
    private async Task<Dictionary<int, decimal>> DonationsAsync(int year, bool byValue, CancellationToken ct)
    {
        if (!access.SeesDonations) return [];
        var handed = ComputeAnnualReport.HandedOver(donations, year, null);
        if (byValue)
            return (await ComputeAnnualReport.HandedItemsAsync(db, handed, ct))
                .GroupBy(i => i.CountryId).ToDictionary(g => g.Key, g => g.Sum(i => i.Value));
        return await handed.GroupBy(d => d.CountryId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => (decimal)g.Count, ct);
    }
}
