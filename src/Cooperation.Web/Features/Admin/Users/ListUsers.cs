namespace Cooperation.Web.Features.Admin.Users;

public record UserZoneRow(string Code, string Name);

/// <summary>A user as the administration lists her: who, which role, where (zones or country), locked or not.</summary>
public record UserRow(
    string Id, string Email, string DisplayName, string? Role, IReadOnlyList<UserZoneRow> Zones, string? CountryIso2,
    string? CountryName, int? CooperantId, bool LockedOut, string? ConcurrencyStamp, string? School = null);

/// <summary>The accounts, by address: administrators only.</summary>
public class ListUsers(CooperationDbContext db, UserRules rules, TimeProvider clock) : IListUseCase<ListUsers.Query, UserRow>
{
    public record Query
    {
        /// <summary>Part of the address or of the display name.</summary>
        public string? Q { get; init; }
        /// <summary>Administrator, Director, DeskOfficer, Cooperant or Auditor.</summary>
        public string? Role { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public async Task<Paged<UserRow>> HandleAsync(Query query, CancellationToken ct = default)
    {
        rules.Authorize();
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var users = Filter(query);
        var items = await RowsAsync(users.OrderBy(u => u.Email).PageOf(page, size), ct);
        var total = await Paging.TotalAsync(page, size, items.Count, () => users.CountAsync(ct));
        return new Paged<UserRow>(items, total, page, size);
    }

    /// <summary>The whole filtered list, for an export.</summary>
    public async Task<IReadOnlyList<UserRow>> AllAsync(Query query, CancellationToken ct = default)
    {
        rules.Authorize();
        return await RowsAsync(Filter(query).OrderBy(u => u.Email), ct);
    }

    public async Task<UserRow> GetAsync(string id, CancellationToken ct = default)
    {
        rules.Authorize();
        return (await RowsAsync(db.Users.Where(u => u.Id == id), ct)).SingleOrDefault() ?? throw new RecordNotFoundException();
    }

    private IQueryable<AppUser> Filter(Query q)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var text = q.Q.Trim().ToLower();
            users = users.Where(u => u.Email!.ToLower().Contains(text) || u.DisplayName.ToLower().Contains(text));
        }
        if (!string.IsNullOrWhiteSpace(q.Role))
        {
            var role = q.Role;
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }
        return users;
    }

    private async Task<List<UserRow>> RowsAsync(IQueryable<AppUser> users, CancellationToken ct)
    {
        var rows = await users.AsNoTracking().Select(u => new
        {
            u.Id, u.Email, u.DisplayName, u.CooperantId, u.LockoutEnd, u.ConcurrencyStamp,
            CountryIso2 = u.ScopeCountry == null ? null : u.ScopeCountry.Iso2,
            CountryFr = u.ScopeCountry == null ? null : u.ScopeCountry.NameFr,
            CountryEn = u.ScopeCountry == null ? null : u.ScopeCountry.NameEn,
            School = u.ScopeSchool == null ? null : u.ScopeSchool.Acronym,
        }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = (await db.UserRoles.AsNoTracking().Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct))
            .GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.Name).Order().First());
        var zones = (await db.UserZones.AsNoTracking().Where(z => ids.Contains(z.UserId))
                .Select(z => new { z.UserId, z.Zone!.Code, z.Zone.NameFr, z.Zone.NameEn }).ToListAsync(ct))
            .ToLookup(z => z.UserId, z => new UserZoneRow(z.Code, Names.Pick(z.NameFr, z.NameEn)));
        var now = clock.GetUtcNow();
        return rows.Select(r => new UserRow(r.Id, r.Email ?? "", r.DisplayName, roles.GetValueOrDefault(r.Id),
                zones[r.Id].OrderBy(z => z.Name).ToList(), r.CountryIso2,
                r.CountryIso2 is null ? null : Names.Pick(r.CountryFr!, r.CountryEn!), r.CooperantId,
                r.LockoutEnd is { } end && end > now, r.ConcurrencyStamp, r.School))
            .ToList();
    }
}
