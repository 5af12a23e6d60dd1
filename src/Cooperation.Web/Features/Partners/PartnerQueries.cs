using Cooperation.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cooperation.Web.Features.Partners;

/// <summary>Pieces shared by the Partners and Schools reads.</summary>
public static class PartnerQueries
{
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    /// <summary>Postings running on a day: started, and not yet ended.</summary>
    public static IQueryable<Posting> ActiveOn(this IQueryable<Posting> postings, DateOnly today) =>
        postings.Where(p => p.StartDate <= today && (p.ActualEndDate == null || p.ActualEndDate > today));

    /// <summary>A country's own network: postings to its authorities, not to the organisations seated there.</summary>
    public static IQueryable<Posting> ToCountries(this IQueryable<Posting> postings) => postings.Where(p => p.OrganisationId == null);

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
