using Cooperation.Web.Features.Programmes.FollowUp;

namespace Cooperation.Web.Features.Schools.Sessions;

/// <summary>Seats of one invited country; 0 withdraws the invitation.</summary>
public record QuotaInput(string? Country, int? Seats);

/// <summary>
/// Sets the seats of one or several invited countries of a session. All quotas together never exceed the capacity,
/// and a quota never drops below the country's accepted candidates.
/// </summary>
public class SetQuota(CooperationDbContext db, Access access, ReferenceCodes codes, PlannedPlaces planned, IStringLocalizer<SetQuota> text) : IUseCase
{
    public record Request(long? Version, IReadOnlyList<QuotaInput>? Quotas);

    public async Task HandleAsync(int sessionId, Request request, CancellationToken ct = default)
    {
        var session = await SessionAccess.ManageableAsync(db, access, sessionId, ct);
        if (session.IsFinished) throw new DomainException("status", "session.finished");
        var errors = new FieldErrors(text);
        var quotas = await Quotas.ReadAsync(codes, request.Quotas, errors, ct);
        errors.ThrowIfAny();
        var course = await db.Courses.AsNoTracking().Where(c => c.Id == session.CourseId).Select(c => new { c.SchoolId, c.DomainId }).SingleAsync(ct);
        Quotas.Apply(session, quotas, await planned.RemainingAsync(course.SchoolId, course.DomainId, session.StartDate.Year, session.Id,
            quotas.Select(q => q.CountryId).ToList(), ct));
        SessionAccess.Guard(db, session, request.Version);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Reading and applying a table of quotas, shared by the session's creation and the quota changes.</summary>
internal static class Quotas
{
    public static async Task<List<(int CountryId, int Seats)>> ReadAsync(ReferenceCodes codes, IReadOnlyList<QuotaInput>? rows,
        FieldErrors errors, CancellationToken ct)
    {
        var result = new List<(int CountryId, int Seats)>();
        foreach (var row in rows ?? [])
        {
            if (string.IsNullOrWhiteSpace(row.Country) && row.Seats is null) continue;
            var countryId = await codes.CountryAsync(row.Country, errors, "quotas", ct: ct);
            if (row.Seats is null) { errors.Add("seats", "common.required", errors.Label("Places")); continue; }
            if (countryId is null) continue;
            if (result.Any(r => r.CountryId == countryId)) { errors.Add("quotas", "sessions.quotaTwice", row.Country!.Trim().ToUpperInvariant()); continue; }
            result.Add((countryId.Value, row.Seats.Value));
        }
        return result;
    }

    /// <summary>
    /// Lowered quotas first, so that seats move from one country to another within the capacity; the whole table is
    /// checked first, so that the refusal names the total asked for.
    /// </summary>
    /// <param name="planned">The places the countries' approved programmes still plan for the session's school and domain in its year.</param>
    public static void Apply(CourseSession session, IReadOnlyList<(int CountryId, int Seats)> quotas, IReadOnlyDictionary<int, int> planned)
    {
        // In longs: seats asked by the thousand million add up past an int.
        var total = session.Quotas.Where(q => !quotas.Any(n => n.CountryId == q.CountryId)).Sum(q => (long)q.Seats) + quotas.Sum(q => (long)Math.Max(0, q.Seats));
        if (quotas.All(q => q.Seats >= 0) && total > session.Capacity)
            throw new DomainException("seats", "session.quotasOverCapacity", total, session.Capacity);
        foreach (var (countryId, seats) in quotas.OrderBy(q => q.Seats - session.QuotaFor(q.CountryId)))
            session.SetQuota(countryId, seats, planned.TryGetValue(countryId, out var left) ? left : null);
        // An invitation withdrawn leaves no empty quota behind.
        session.Quotas.RemoveAll(q => q.Seats == 0);
    }
}
