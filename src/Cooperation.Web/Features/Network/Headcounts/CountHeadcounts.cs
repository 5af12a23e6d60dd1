namespace Cooperation.Web.Features.Network.Headcounts;

/// <summary>One line of a headcount table: who (a code, its name) and how many coopérants are in post.</summary>
public record HeadcountLine(string? Code, string Name, int Count);

/// <summary>A destination's headcount: a country, or an organisation (with the country of its seat).</summary>
public record DestinationHeadcount(string Kind, string Code, string Name, string Country, string CountryName, int Count);

/// <summary>Coopérants in post on a day, counted three ways; each table adds up to the total.</summary>
public record HeadcountReport(
    DateOnly AsOf,
    int Total,
    IReadOnlyList<HeadcountLine> ByAdministration,
    IReadOnlyList<HeadcountLine> ByZone,
    IReadOnlyList<DestinationHeadcount> ByDestination);

/// <summary>
/// Counts the coopérants in post by home administration, by zone and by country or organisation. Counts hold no
/// personal data, so every role sees them; a coopérant sees those of his own country only. Counted once, then kept
/// by <see cref="FigureCache"/> like the other aggregates.
/// </summary>
public class CountHeadcounts(CooperationDbContext db, Access access, TimeProvider clock, FigureCache cache, IStringLocalizer<CountHeadcounts> text) : IUseCase
{
    public const string CountryKind = "country";
    public const string OrganisationKind = "organisation";

    public Task<HeadcountReport> HandleAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        return cache.GetOrComputeAsync("headcounts", access, "", today, () => CountAsync(today, ct));
    }

    private async Task<HeadcountReport> CountAsync(DateOnly today, CancellationToken ct)
    {
        var q = db.Postings.AsNoTracking().ActiveOn(today);
        if (access.VisibleCountryIds is { } visible) q = q.Where(p => visible.Contains(p.CountryId));
        // A few thousand rows at most: grouped here rather than in SQL, the same on SQLite and PostgreSQL.
        var active = await q.Select(p => new
        {
            p.CooperantId,
            p.Cooperant!.AdministrationId,
            p.Country!.Iso2, CountryFr = p.Country.NameFr, CountryEn = p.Country.NameEn,
            ZoneCode = p.Country.Zone!.Code, ZoneFr = p.Country.Zone.NameFr, ZoneEn = p.Country.Zone.NameEn,
            p.OrganisationId, Acronym = p.Organisation!.Acronym, OrganisationFr = p.Organisation.NameFr, OrganisationEn = p.Organisation.NameEn,
        }).ToListAsync(ct);
        // A coopérant holds one posting at a time; should data ever say otherwise, he still counts once.
        active = active.DistinctBy(p => p.CooperantId).ToList();

        var administrations = await db.Administrations.AsNoTracking().Where(a => !a.TraineesOnly)
            .Select(a => new { a.Id, a.Code, a.NameFr, a.NameEn }).ToListAsync(ct);
        var byAdministration = administrations
            .Select(a => new HeadcountLine(a.Code, Names.Pick(a.NameFr, a.NameEn), active.Count(p => p.AdministrationId == a.Id)))
            .OrderByDescending(l => l.Count).ThenBy(l => l.Name).ToList();

        // Organisations are counted apart: the zone of a seat (New York, Brussels) says nothing of the work.
        var byZone = active.GroupBy(p => p.OrganisationId is null ? p.ZoneCode : OrganisationKind)
            .Select(g =>
            {
                var first = g.First();
                var name = g.Key == OrganisationKind ? OrganisationsLabel
                    : first.ZoneCode is null ? NoZoneLabel : Names.Pick(first.ZoneFr!, first.ZoneEn!);
                return new HeadcountLine(g.Key == OrganisationKind ? null : g.Key, name, g.Count());
            })
            .OrderByDescending(l => l.Count).ThenBy(l => l.Name).ToList();

        var byDestination = active.GroupBy(p => p.OrganisationId is null ? CountryKind + ":" + p.Iso2 : OrganisationKind + ":" + p.Acronym)
            .Select(g =>
            {
                var p = g.First();
                var country = Names.Pick(p.CountryFr, p.CountryEn);
                return p.OrganisationId is null
                    ? new DestinationHeadcount(CountryKind, p.Iso2, country, p.Iso2, country, g.Count())
                    : new DestinationHeadcount(OrganisationKind, p.Acronym!, Names.Pick(p.OrganisationFr!, p.OrganisationEn!), p.Iso2, country, g.Count());
            })
            .OrderByDescending(d => d.Count).ThenBy(d => d.Name).ToList();

        return new HeadcountReport(today, active.Count, byAdministration, byZone, byDestination);
    }

    private string OrganisationsLabel => text["Organisations internationales et régionales"];
    private string NoZoneLabel => text["Hors zone"];
}
