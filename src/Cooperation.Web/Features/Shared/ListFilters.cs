using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace Cooperation.Web.Features.Shared;

/// <summary>
/// The codes of a list filter that takes several at once: <c>?country=SN&amp;country=CI</c> (the API binds the repeated
/// values as one string joined by commas, as <c>?country=SN,CI</c>); a page binds them to an array and passes
/// <see cref="Join"/>. Every list that filters by country reads its filter with <see cref="Codes"/>; the nominations and
/// the donations, whose country's page lists them, find their rows with <see cref="OfCountries"/>, and the sessions
/// theirs through their quotas with <see cref="CountryIdOf"/>.
/// </summary>
public static class ListFilters
{
    /// <summary>The distinct codes, trimmed and upper-case; null when none is given (no filter).</summary>
    public static IReadOnlyList<string>? Codes(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var codes = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Distinct().ToList();
        return codes.Count == 0 ? null : codes;
    }

    /// <summary>
    /// The rows of the countries chosen (<paramref name="iso2"/>, from <see cref="Codes"/>), found by the row's own key
    /// of its country (<paramref name="countryId"/>) rather than by the country's code through a join. One country, the
    /// usual filter and a country's page, is looked up in a subquery: PostgreSQL reads its single value first and walks
    /// an index on the country and the list's order (the nominations', the donations') to the page, however many rows
    /// the country has. Through the join it guessed a country's share of the rows from their average and walked the
    /// list's order through every row for a country with few: a page of nominations of a country with none took 141 ms
    /// a request at scale 10, 5 ms now (bench/PLANS.md). Several countries are a list of their ids.
    /// </summary>
    public static IQueryable<T> OfCountries<T>(this IQueryable<T> query, IReadOnlyList<string> iso2, IQueryable<Country> countries,
        Expression<Func<T, int>> countryId)
    {
        var rule = CountryIdOf(iso2, countries);
        var body = new ReplacingExpressionVisitor([rule.Parameters[0]], [countryId.Body]).Visit(rule.Body);
        return query.Where(Expression.Lambda<Func<T, bool>>(body, countryId.Parameters));
    }

    /// <summary>
    /// The rule "this key of a country is one of those chosen" (<paramref name="iso2"/>, from <see cref="Codes"/>): one
    /// country's key is looked up in a subquery, which PostgreSQL reads once before the rows; several countries are a
    /// list of their keys. <see cref="OfCountries"/> applies it to a row's own country; a list whose countries are those
    /// of its children applies it to theirs (the sessions, to the countries of their quotas).
    /// </summary>
    public static Expression<Func<int, bool>> CountryIdOf(IReadOnlyList<string> iso2, IQueryable<Country> countries)
    {
        var code = iso2[0];
        return iso2.Count == 1
            ? id => id == countries.Where(c => c.Iso2 == code).Select(c => c.Id).FirstOrDefault()
            : id => countries.Where(c => iso2.Contains(c.Iso2)).Select(c => c.Id).Contains(id);
    }

    /// <summary>A page's several values of a filter, as the list's query takes them; null when none is chosen.</summary>
    public static string? Join(IEnumerable<string>? values)
    {
        var joined = string.Join(',', (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)));
        return joined.Length == 0 ? null : joined;
    }
}
