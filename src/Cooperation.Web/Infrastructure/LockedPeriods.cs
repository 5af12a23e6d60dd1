using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Cooperation.Web.Infrastructure;

/// <summary>
/// The locked years, one rule for every write: before any save (<see cref="CooperationDbContext.SaveChangesAsync(bool, CancellationToken)"/>),
/// the records being written are placed in their year as the annual report counts them — a session and its
/// nominations (results, attendance, certificates) by the session's start, a transaction by its date, a donation and
/// its items and checks by its handover, a mission and its recommendations by its end (actual, else planned), both
/// before and after the change — and a write touching a year declared final is refused unless
/// <see cref="Access.MayAmendLockedYears"/> and a reason is given (<see cref="AmendmentReason"/>); the administrator's
/// change is then saved with one <see cref="LockedYearAmendment"/> a record, in the same transaction and audit trail.
/// Writes without a signed-in user (start-up, demo data, background jobs) are the system's own and pass.
/// </summary>
public sealed class LockedPeriods(IHttpContextAccessor http, TimeProvider clock) : IWriteGuard
{
    public async Task CheckAsync(CooperationDbContext db, CancellationToken ct)
    {
        // Writes outside a signed-in request (start-up, demo data, commands) are not held: asked first, before any query.
        var context = http.HttpContext;
        if (context?.User.Identity?.IsAuthenticated != true) return;
        var touched = await TouchedAsync(db, ct);
        if (touched.Count == 0) return;
        var years = touched.SelectMany(t => t.Years).Distinct().ToList();
        var locked = await db.LockedYears.AsNoTracking().Where(y => years.Contains(y.Year)).Select(y => y.Year).ToListAsync(ct);
        if (locked.Count == 0) return;

        var access = context.RequestServices.GetRequiredService<Access>();
        var year = locked.Min();
        var reason = LockedYearAmendment.CheckReason(year, access.MayAmendLockedYears, AmendmentReason.Of(context));
        var (userId, userName) = context.RequestServices.GetRequiredService<IAuditActor>().Current;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var record in touched.Where(t => t.Years.Any(locked.Contains)).DistinctBy(t => (t.Type, t.Key)))
            db.LockedYearAmendments.Add(new LockedYearAmendment
            {
                Year = record.Years.Where(locked.Contains).Min(), RecordType = record.Type, RecordKey = record.Key, Reason = reason,
                At = now, UserId = userId, UserName = userName,
            });
    }

    internal sealed record Touched(string Type, string Key, IReadOnlyList<int> Years);

    /// <summary>The kinds of records the annual report counts in a year, placed in it below.</summary>
    private static bool Placed(object entity) => entity is CourseSession or Nomination or ProjectTransaction or Donation or DonationItem
        or DonationCheck or ExpertiseMission or Recommendation;

    /// <summary>
    /// Whether a save leaves every year before <paramref name="thisYear"/> as the annual report counts it: each of its
    /// records is of a kind placed in a year and lies, before and after the change, in this year or later — or is of
    /// the records no figure of a year counts: the trail and messages (audit entries, notifications, mails, report jobs)
    /// and the accounts (a failed sign-in counts on its user). Any other record (a trainee, a course, a posting, a budget
    /// line) may be counted in any year, and so may a placed one without a year.
    /// </summary>
    internal static async Task<bool> LeavesPastYearsAsync(CooperationDbContext db, int thisYear, CancellationToken ct)
    {
        var written = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (written.Count == 0 || written.Any(e => !Placed(e.Entity) && e.Entity is not (AuditEntry or Notification or OutboxMessage or ReportJob or AppUser)))
            return false;
        var touched = await TouchedAsync(db, ct);
        return touched.Count == written.Count(e => Placed(e.Entity)) && touched.All(t => t.Years.All(y => y >= thisYear));
    }

    /// <summary>
    /// The records of the kinds a report counts that this save writes, each with the years it lies in: placed once a
    /// save (<see cref="CooperationDbContext.PlacedInSave"/>), for the guard and the figures alike.
    /// </summary>
    private static async Task<List<Touched>> TouchedAsync(CooperationDbContext db, CancellationToken ct) =>
        db.PlacedInSave ??= await PlaceAsync(db, ct);

    private static async Task<List<Touched>> PlaceAsync(CooperationDbContext db, CancellationToken ct)
    {
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => Placed(e.Entity))
            .ToList();
        if (entries.Count == 0) return [];
        var touched = new List<Touched>();

        // Nominations by their session, items and checks by their donation, recommendations by their mission.
        var sessionIds = entries.Select(e => e.Entity).OfType<Nomination>().Select(n => n.SessionId).Distinct().ToList();
        var sessions = sessionIds.Count == 0 ? new Dictionary<int, int>() : await db.CourseSessions.AsNoTracking().Where(s => sessionIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.StartDate.Year, ct);
        var donationIds = entries.Select(e => e.Entity switch { DonationItem i => i.DonationId, DonationCheck c => c.DonationId, _ => 0 })
            .Where(id => id != 0).Distinct().ToList();
        var donations = donationIds.Count == 0 ? new Dictionary<int, int>() : await db.Donations.AsNoTracking().Where(d => donationIds.Contains(d.Id) && d.HandedOverOn != null)
            .ToDictionaryAsync(d => d.Id, d => d.HandedOverOn!.Value.Year, ct);
        var missionIds = entries.Select(e => e.Entity).OfType<Recommendation>().Select(r => r.MissionId).Distinct().ToList();
        var missions = missionIds.Count == 0 ? new Dictionary<int, int>() : await db.Missions.AsNoTracking().Where(m => missionIds.Contains(m.Id))
            .Select(m => new { m.Id, End = m.ActualEndDate ?? m.PlannedEndDate }).ToDictionaryAsync(m => m.Id, m => m.End.Year, ct);

        foreach (var entry in entries)
        {
            List<int> years = entry.Entity switch
            {
                CourseSession => Years(entry, nameof(CourseSession.StartDate)),
                Nomination n => sessions.TryGetValue(n.SessionId, out var y) ? [y] : [],
                ProjectTransaction => Years(entry, nameof(ProjectTransaction.Date)),
                Donation => Years(entry, nameof(Donation.HandedOverOn)),
                DonationItem i => donations.TryGetValue(i.DonationId, out var y) ? [y] : [],
                DonationCheck c => donations.TryGetValue(c.DonationId, out var y) ? [y] : [],
                ExpertiseMission => MissionYears(entry),
                Recommendation r => missions.TryGetValue(r.MissionId, out var y) ? [y] : [],
                _ => [],
            };
            if (years.Count > 0)
                touched.Add(new Touched(entry.Metadata.ClrType.Name, entry.State == EntityState.Added ? "" : KeyOf(entry), years));
        }
        return touched;
    }

    /// <summary>The years of a date property before and after the change (a record moved out of a locked year changes it too).</summary>
    private static List<int> Years(EntityEntry entry, string property)
    {
        var p = entry.Property(property);
        var values = entry.State switch
        {
            EntityState.Added => new[] { p.CurrentValue },
            EntityState.Deleted => new[] { p.OriginalValue },
            _ => new[] { p.OriginalValue, p.CurrentValue },
        };
        return values.OfType<DateOnly>().Select(d => d.Year).Distinct().ToList();
    }

    private static List<int> MissionYears(EntityEntry entry)
    {
        DateOnly? End(bool original)
        {
            var actual = entry.Property(nameof(ExpertiseMission.ActualEndDate));
            var planned = entry.Property(nameof(ExpertiseMission.PlannedEndDate));
            return (DateOnly?)(original ? actual.OriginalValue : actual.CurrentValue) ?? (DateOnly?)(original ? planned.OriginalValue : planned.CurrentValue);
        }
        var ends = entry.State switch
        {
            EntityState.Added => new[] { End(false) },
            EntityState.Deleted => new[] { End(true) },
            _ => new[] { End(true), End(false) },
        };
        return ends.OfType<DateOnly>().Select(d => d.Year).Distinct().ToList();
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));
}

/// <summary>
/// The reason an administrator gives for changing a record of a locked year: the <c>Amendment-Reason</c> header of an
/// API request, or the <c>AmendmentReason</c> field of a page's form (<c>Features/Shared/_AmendmentReason.cshtml</c>).
/// </summary>
public static class AmendmentReason
{
    public const string Header = "Amendment-Reason";
    public const string FormField = "AmendmentReason";

    public static string? Of(HttpContext context)
    {
        if (context.Request.Headers.TryGetValue(Header, out var header) && !string.IsNullOrWhiteSpace(header)) return Uri.UnescapeDataString(header.ToString());
        return context.Request.HasFormContentType && context.Request.Form.TryGetValue(FormField, out var field) ? field.ToString() : null;
    }
}
