namespace Cooperation.Web.Features.Partners;

/// <summary>Pieces shared by the Partners and Schools reads.</summary>
public static class PartnerQueries
{
    /// <summary>A country's own network: postings to its authorities, not to the organisations seated there.</summary>
    public static IQueryable<Posting> ToCountries(this IQueryable<Posting> postings) => postings.Where(p => p.OrganisationId == null);

    /// <summary>How many of the postings given go to each organisation, by the organisation's id.</summary>
    public static Task<Dictionary<int, int>> CountByOrganisationAsync(this IQueryable<Posting> postings, CancellationToken ct) =>
        postings.Where(p => p.OrganisationId != null).GroupBy(p => p.OrganisationId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

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
