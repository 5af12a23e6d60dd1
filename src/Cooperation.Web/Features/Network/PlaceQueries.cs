namespace Cooperation.Web.Features.Network;

/// <summary>The filters that postings and vacancies share: the user's scope and where they are.</summary>
public static class PlaceQueries
{
    /// <summary>Those in the countries the user sees (all of them for headquarters).</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> query, Access access) where T : PostingPosition =>
        access.VisibleCountryIds is { } visible ? query.Where(p => visible.Contains(p.CountryId)) : query;

    /// <summary>Those of countries (ISO2, several separated by commas; an organisation's seat counts as its country), an organisation, a zone; a filter not given is no filter.</summary>
    public static IQueryable<T> At<T>(this IQueryable<T> query, string? country, string? organisation, string? zone) where T : PostingPosition
    {
        if (ListFilters.Codes(country) is { } iso2) query = query.Where(p => iso2.Contains(p.Country!.Iso2));
        if (Code(organisation) is { } acronym) query = query.Where(p => p.Organisation!.Acronym == acronym);
        if (Code(zone) is { } zoneCode) query = query.Where(p => p.Country!.Zone!.Code == zoneCode);
        return query;
    }

    /// <summary>The countries where the user sees some, for a list's country filter.</summary>
    public static async Task<IReadOnlyCollection<int>> CountriesAsync<T>(this IQueryable<T> query, Access access, CancellationToken ct)
        where T : PostingPosition =>
        await query.AsNoTracking().VisibleTo(access).Select(p => p.CountryId).Distinct().ToListAsync(ct);

    public static string? Code(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();
}
