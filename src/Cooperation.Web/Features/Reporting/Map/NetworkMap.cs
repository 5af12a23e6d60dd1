using Cooperation.Web.Features.Partners;

namespace Cooperation.Web.Features.Reporting.Map;

/// <summary>A country of the network map: its ISO codes, its name in the user's language, its coopérants in post.</summary>
public record MapCountry(string NumericCode, string Iso2, string Name, int Cooperants);

/// <summary>The map's figures and its five shading classes (upper bound of each class, ascending).</summary>
public record NetworkMap(IReadOnlyList<MapCountry> Countries, IReadOnlyList<int> ClassUpperBounds, DateOnly AsOf)
{
    public int Total => Countries.Sum(c => c.Cooperants);

    /// <summary>The class (1 to 5) of a count; 0 for none.</summary>
    public int ClassOf(int count)
    {
        if (count <= 0) return 0;
        for (var i = 0; i < ClassUpperBounds.Count; i++)
            if (count <= ClassUpperBounds[i]) return i + 1;
        return ClassUpperBounds.Count;
    }

    public int ClassLowerBound(int classIndex) => classIndex == 0 ? 1 : ClassUpperBounds[classIndex - 1] + 1;
}

/// <summary>
/// Counts the coopérants in post by host country (a posting to an organisation counts in its seat country, which
/// Posting.CountryId already holds), within the countries the user may see.
/// </summary>
public class ComputeNetworkMap(CooperationDbContext db, TimeProvider clock, Access access) : IUseCase
{
    public const int ClassCount = 5;

    public async Task<NetworkMap> HandleAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        var active = db.Postings.AsNoTracking().ActiveOn(today);
        if (access.VisibleCountryIds is { } visible) active = active.Where(p => visible.Contains(p.CountryId));

        var counts = await active.GroupBy(p => p.CountryId)
            .Select(g => new { CountryId = g.Key, Cooperants = g.Select(p => p.CooperantId).Distinct().Count() })
            .ToListAsync(ct);
        var ids = counts.Select(c => c.CountryId).ToList();
        var countries = await db.Countries.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Iso2, c.NumericCode, c.NameFr, c.NameEn }).ToDictionaryAsync(c => c.Id, ct);

        var list = counts.Select(c => (Count: c.Cooperants, Country: countries[c.CountryId]))
            .Select(x => new MapCountry(x.Country.NumericCode, x.Country.Iso2, Names.Pick(x.Country.NameFr, x.Country.NameEn), x.Count))
            .OrderByDescending(c => c.Cooperants).ThenBy(c => c.Name, PartnerQueries.NameOrder).ToList();
        return new NetworkMap(list, Classes(list.Select(c => c.Cooperants).ToList()), today);
    }

    /// <summary>
    /// Five classes: quantiles when the counts spread over enough values (a few large countries must not flatten
    /// the others), equal intervals otherwise. Bounds are strictly increasing and the last covers the maximum.
    /// </summary>
    public static IReadOnlyList<int> Classes(IReadOnlyCollection<int> counts)
    {
        var sorted = counts.Where(c => c > 0).Order().ToArray();
        var max = sorted.Length == 0 ? ClassCount : sorted[^1];
        var bounds = new int[ClassCount];
        var quantiles = sorted.Distinct().Count() >= ClassCount;
        var width = (int)Math.Ceiling(max / (double)ClassCount);
        var previous = 0;
        for (var i = 0; i < ClassCount; i++)
        {
            var bound = quantiles ? sorted[(int)Math.Ceiling((i + 1) * sorted.Length / (double)ClassCount) - 1] : width * (i + 1);
            bounds[i] = previous = Math.Max(bound, previous + 1);
        }
        bounds[^1] = Math.Max(bounds[^1], max);
        return bounds;
    }
}
