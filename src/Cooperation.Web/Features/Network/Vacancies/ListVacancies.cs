using System.Linq.Expressions;
using System.Text.Json.Serialization;

namespace Cooperation.Web.Features.Network.Vacancies;

/// <summary>A vacancy as lists and the API show it; once filled, the posting (and coopérant) that filled it.</summary>
public record VacancyRow(
    int Id, string Country, string CountryName, string? Zone, string? Organisation, string? OrganisationName,
    string HostAuthorityType, string HostAuthorityTypeName, string HostAuthorityName, string PositionTitle,
    string? Administration, string? AdministrationName, string? Domain, string? DomainName, DateOnly WishedStartDate,
    int DurationMonths, bool Open, int? FilledByPostingId, int? FilledByCooperantId, string? FilledByCooperantName,
    long Version)
{
    /// <summary>The host country's record id, for scope checks of the pages (the API speaks in ISO2 codes).</summary>
    [JsonIgnore] public int CountryId { get; init; }

    public string DestinationName => Organisation is null ? CountryName : $"{Organisation} ({CountryName})";
}

/// <summary>Vacancies of the user's scope: open ones by default, or filled ones, or all.</summary>
public class ListVacancies(CooperationDbContext db, Access access, FigureCache cache) : IListUseCase<ListVacancies.Query, VacancyRow>
{
    public record Query
    {
        public string? Country { get; init; }
        public string? Organisation { get; init; }
        public string? Zone { get; init; }
        public string? Administration { get; init; }
        /// <summary>open (default), filled or all.</summary>
        public string? Status { get; init; }
        /// <summary>start (wished start, default) or country; a leading "-" sorts descending.</summary>
        public string? Sort { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public static readonly string[] Statuses = ["open", "filled", "all"];

    public async Task<Paged<VacancyRow>> HandleAsync(Query query, CancellationToken ct = default)
    {
        var (page, pageSize) = Paging.Normalize(query.Page, query.PageSize);
        var filtered = Filter(query);
        var data = await Sort(filtered, query.Sort).PageOf(page, pageSize)
            .Select(Projection(await access.NamedCooperantsAsync(ct))).ToListAsync(ct);
        var total = await Paging.TotalAsync(page, pageSize, data.Count,
            () => cache.CountAsync(nameof(ListVacancies), access, query with { Page = null, PageSize = null, Sort = null }, filtered, ct));
        return new Paged<VacancyRow>(Rows(data), total, page, pageSize);
    }

    public async Task<IReadOnlyList<VacancyRow>> AllAsync(Query query, CancellationToken ct = default) =>
        Rows(await Sort(Filter(query), query.Sort).Select(Projection(await access.NamedCooperantsAsync(ct))).ToListAsync(ct));

    /// <summary>One vacancy; not found when it does not exist or lies outside the user's scope.</summary>
    public async Task<VacancyRow> GetAsync(int id, CancellationToken ct = default)
    {
        var data = await db.Vacancies.AsNoTracking().VisibleTo(access).Where(v => v.Id == id)
            .Select(Projection(await access.NamedCooperantsAsync(ct))).SingleOrDefaultAsync(ct) ?? throw new RecordNotFoundException();
        return Rows([data])[0];
    }

    /// <summary>The countries where the user sees vacancies, for the list's country filter.</summary>
    public Task<IReadOnlyCollection<int>> CountriesInUseAsync(CancellationToken ct = default) => db.Vacancies.CountriesAsync(access, ct);

    private IQueryable<Vacancy> Filter(Query query)
    {
        var q = db.Vacancies.AsNoTracking().VisibleTo(access).At(query.Country, query.Organisation, query.Zone);
        if (PlaceQueries.Code(query.Administration) is { } administration) q = q.Where(v => v.Administration!.Code == administration);
        q = query.Status?.Trim().ToLowerInvariant() switch
        {
            "all" => q,
            "filled" => q.Where(v => v.FilledByPostingId != null),
            _ => q.Where(v => v.FilledByPostingId == null),
        };
        return q;
    }

    private static IQueryable<Vacancy> Sort(IQueryable<Vacancy> q, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        IOrderedQueryable<Vacancy> ordered = sort?.TrimStart('-').ToLowerInvariant() switch
        {
            "country" when Names.English => descending ? q.OrderByDescending(v => v.Country!.NameEn) : q.OrderBy(v => v.Country!.NameEn),
            "country" => descending ? q.OrderByDescending(v => v.Country!.NameFr) : q.OrderBy(v => v.Country!.NameFr),
            _ => descending ? q.OrderByDescending(v => v.WishedStartDate) : q.OrderBy(v => v.WishedStartDate),
        };
        return descending ? ordered.ThenByDescending(v => v.Id) : ordered.ThenBy(v => v.Id);
    }

    private static IReadOnlyList<VacancyRow> Rows(List<VacancyData> data) => data.Select(d => new VacancyRow(
            d.Id, d.Iso2, Names.Pick(d.CountryFr, d.CountryEn), d.ZoneCode,
            d.OrganisationAcronym, d.OrganisationAcronym is null ? null : Names.Pick(d.OrganisationFr!, d.OrganisationEn!),
            d.TypeCode, Names.Pick(d.TypeFr, d.TypeEn), d.HostAuthorityName, d.PositionTitle,
            d.AdministrationCode, d.AdministrationCode is null ? null : Names.Pick(d.AdministrationFr!, d.AdministrationEn!),
            d.DomainCode, d.DomainCode is null ? null : Names.Pick(d.DomainFr!, d.DomainEn!),
            d.WishedStartDate, d.DurationMonths, d.FilledByPostingId is null, d.FilledByPostingId, d.FilledByCooperantId,
            d.FilledByCooperantId is null ? null
                : PersonalData.Show(d.FilledByLastName is not null, $"{d.FilledByFirstName} {d.FilledByLastName?.ToUpperInvariant()}"),
            d.Version) { CountryId = d.CountryId }).ToList();

    private sealed record VacancyData(
        int Id, int CountryId, string Iso2, string CountryFr, string CountryEn, string? ZoneCode,
        string? OrganisationAcronym, string? OrganisationFr, string? OrganisationEn,
        string TypeCode, string TypeFr, string TypeEn, string HostAuthorityName, string PositionTitle,
        string? AdministrationCode, string? AdministrationFr, string? AdministrationEn,
        string? DomainCode, string? DomainFr, string? DomainEn,
        DateOnly WishedStartDate, int DurationMonths, int? FilledByPostingId, int? FilledByCooperantId,
        string? FilledByFirstName, string? FilledByLastName, long Version);

    /// <summary>The vacancy as read; the filler's names only where the user reads them on his record.</summary>
    private static Expression<Func<Vacancy, VacancyData>> Projection(IQueryable<Cooperant> named) => v => new VacancyData(
        v.Id, v.CountryId, v.Country!.Iso2, v.Country.NameFr, v.Country.NameEn, v.Country.Zone!.Code,
        v.Organisation!.Acronym, v.Organisation.NameFr, v.Organisation.NameEn,
        v.HostAuthorityType!.Code, v.HostAuthorityType.NameFr, v.HostAuthorityType.NameEn, v.HostAuthorityName, v.PositionTitle,
        v.Administration!.Code, v.Administration.NameFr, v.Administration.NameEn,
        v.Domain!.Code, v.Domain.NameFr, v.Domain.NameEn,
        v.WishedStartDate, v.DurationMonths, v.FilledByPostingId, (int?)v.FilledByPosting!.CooperantId,
        named.Any(c => c.Id == v.FilledByPosting!.CooperantId) ? v.FilledByPosting.Cooperant!.FirstName : null,
        named.Any(c => c.Id == v.FilledByPosting!.CooperantId) ? v.FilledByPosting.Cooperant!.LastName : null, v.Version);
}
