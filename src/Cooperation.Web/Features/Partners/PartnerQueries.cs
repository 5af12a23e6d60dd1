namespace Cooperation.Web.Features.Partners;

/// <summary>Pieces shared by the Partners and Schools reads.</summary>
/// <summary>The size of the network in each partner country, by the country's id.</summary>
public sealed record NetworkByCountry(
    IReadOnlyDictionary<int, int> Cooperants, IReadOnlyDictionary<int, int> OpenVacancies, IReadOnlyDictionary<int, int> RegionalSchools);

public static class PartnerQueries
{
    /// <summary>A country's own network: postings to its authorities, not to the organisations seated there.</summary>
    public static IQueryable<Posting> ToCountries(this IQueryable<Posting> postings) => postings.Where(p => p.OrganisationId == null);

    /// <summary>How many of the postings given go to each organisation, by the organisation's id.</summary>
    public static Task<Dictionary<int, int>> CountByOrganisationAsync(this IQueryable<Posting> postings, CancellationToken ct) =>
        postings.Where(p => p.OrganisationId != null).CountByAsync(p => p.OrganisationId!.Value, ct);

    /// <summary>
    /// The network in each partner country, by the country's id: coopérants in post today (postings to its
    /// authorities), open vacancies and regional schools. They are counts over every posting, not personal data, kept
    /// like the figures (<see cref="FigureCache"/>) so that the countries' and zones' lists do not count them again.
    /// </summary>
    public static Task<NetworkByCountry> NetworkByCountryAsync(
        CooperationDbContext db, FigureCache cache, Access access, DateOnly today, CancellationToken ct) =>
        cache.GetOrComputeAsync("partners:network-by-country", access, "", today, async () => new NetworkByCountry(
            await db.Postings.AsNoTracking().ActiveOn(today).ToCountries().CountByAsync(p => p.CountryId, ct),
            await db.Vacancies.AsNoTracking().Where(v => v.FilledByPostingId == null && v.OrganisationId == null).CountByAsync(v => v.CountryId, ct),
            await db.RegionalSchools.AsNoTracking().Where(s => s.Kind == TrainingPlaceKind.RegionalSchool).CountByAsync(s => s.CountryId, ct)));

    /// <summary>Does a name (French or English) or a code match what the user typed, accents and case aside?</summary>
    public static bool Matches(string? typed, params string?[] values)
    {
        if (string.IsNullOrWhiteSpace(typed)) return true;
        var wanted = Text.NormalizeName(typed);
        return values.Any(v => v is not null && Text.NormalizeName(v).Contains(wanted, StringComparison.Ordinal));
    }

    public static StringComparer NameOrder => StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true);

    /// <summary>The strategic priority as the user reads it.</summary>
    public static string Label(this StrategicPriority priority, IStringLocalizer text) => priority switch
    {
        StrategicPriority.High => text["Haute"],
        StrategicPriority.Medium => text["Moyenne"],
        _ => text["Basse"],
    };
}
