using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Cooperation.Web.Data;

/// <summary>Who is writing, for the audit trail.</summary>
public interface IAuditActor
{
    (string? UserId, string UserName) Current { get; }
}

/// <summary>
/// A rule every write passes before it is saved, whatever use case makes it (the locked years of
/// <c>Infrastructure/LockedPeriods.cs</c>): it refuses by throwing, or adds what the write must record with it.
/// </summary>
public interface IWriteGuard
{
    Task CheckAsync(CooperationDbContext db, CancellationToken ct);
}

public abstract class CooperationDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    // Who writes, when, and the locked periods' guard: a request's, set on each lease from the pool
    // (Database.AddCooperationDatabase) and cleared on its return (Dispose), so that no context serves one request with
    // another's author or settings.
    private IAuditActor? actor;
    private TimeProvider? clock;
    private IWriteGuard? guard;

    /// <summary>Serves one scope (a request, a job): its author of writes, its clock and its guard of locked periods.</summary>
    public CooperationDbContext Serve(IAuditActor? actor, TimeProvider? clock, IWriteGuard? guard)
    {
        (this.actor, this.clock, this.guard) = (actor, clock, guard);
        return this;
    }

    /// <summary>What a scope set on the context, set back before it goes back to the pool (or away).</summary>
    private void Release()
    {
        (actor, clock, guard) = (null, null, null);
        PlacedInSave = null;
        AuditEnabled = true;
        _inBulk = false;
    }

    public override void Dispose()
    {
        Release();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Release();
        return base.DisposeAsync();
    }

    public DbSet<Zone> Zones => Set<Zone>();
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Administration> Administrations => Set<Administration>();
    public DbSet<CooperationDomain> Domains => Set<CooperationDomain>();
    public DbSet<Operator> Operators => Set<Operator>();
    public DbSet<HostAuthorityType> HostAuthorityTypes => Set<HostAuthorityType>();
    public DbSet<RegionalSchool> RegionalSchools => Set<RegionalSchool>();
    public DbSet<Cooperant> Cooperants => Set<Cooperant>();
    public DbSet<Posting> Postings => Set<Posting>();
    public DbSet<Vacancy> Vacancies => Set<Vacancy>();
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<CourseSession> CourseSessions => Set<CourseSession>();
    public DbSet<SessionQuota> SessionQuotas => Set<SessionQuota>();
    public DbSet<Trainee> Trainees => Set<Trainee>();
    public DbSet<CareerEntry> CareerEntries => Set<CareerEntry>();
    public DbSet<Nomination> Nominations => Set<Nomination>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectLocation> ProjectLocations => Set<ProjectLocation>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<ProjectTransaction> ProjectTransactions => Set<ProjectTransaction>();
    public DbSet<ProjectResult> ProjectResults => Set<ProjectResult>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<EuAssessment> EuAssessments => Set<EuAssessment>();
    public DbSet<DacSector> DacSectors => Set<DacSector>();
    public DbSet<Currency> Currencies => Set<Currency>();
    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<PartnershipContribution> PartnershipContributions => Set<PartnershipContribution>();
    public DbSet<InternationalSession> InternationalSessions => Set<InternationalSession>();
    public DbSet<SessionParticipant> SessionParticipants => Set<SessionParticipant>();
    public DbSet<ExpertiseMission> Missions => Set<ExpertiseMission>();
    public DbSet<MissionExpert> MissionExperts => Set<MissionExpert>();
    public DbSet<Expert> Experts => Set<Expert>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<ProgrammeLine> ProgrammeLines => Set<ProgrammeLine>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<FollowUpNote> FollowUpNotes => Set<FollowUpNote>();
    public DbSet<Donation> Donations => Set<Donation>();
    public DbSet<DonationItem> DonationItems => Set<DonationItem>();
    public DbSet<DonationCheck> DonationChecks => Set<DonationCheck>();
    public DbSet<ItemCheck> ItemChecks => Set<ItemCheck>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<StoredFileContent> StoredFileContents => Set<StoredFileContent>();
    public DbSet<UserZone> UserZones => Set<UserZone>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<LockedYear> LockedYears => Set<LockedYear>();
    public DbSet<LockedYearAmendment> LockedYearAmendments => Set<LockedYearAmendment>();
    public DbSet<ReportJob> ReportJobs => Set<ReportJob>();

    /// <summary>Off only while the demo generator bulk-loads data, which it records as one entry of its own.</summary>
    public bool AuditEnabled { get; set; } = true;

    private bool _inBulk;

    /// <summary>
    /// Saves as <see cref="SaveChangesAsync(bool, CancellationToken)"/> does, audit trail included, but writes the added
    /// records by <see cref="BulkInsert"/> (multi-row INSERTs, a COPY on PostgreSQL) rather than a command each: for an
    /// import's thousands of rows, where the per-record commands took most of its time. The added records are no
    /// longer tracked after it (they keep their new keys); updates and deletes are saved as usual. New keys follow the
    /// table's highest, which holds because every writer of audited records appends to the chain under its lock
    /// (<see cref="AuditTrail.LockAsync"/>) and SQLite has one writer at a time: call it in a transaction that writes
    /// audited records.
    /// </summary>
    public async Task<int> SaveInBulkAsync(CancellationToken ct = default)
    {
        _inBulk = true;
        try { return await SaveChangesAsync(true, ct); }
        finally { _inBulk = false; }
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(CooperationDbContext).Assembly,
            t => t.Namespace == typeof(CooperationDbContext).Namespace + ".Configurations");

        foreach (var type in b.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
            b.Entity(type.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();

        // A record others refer to is never deleted from under them: the directorate's relationships restrict deletes
        // unless a configuration says otherwise (a session's quotas, a trainee's career go with their owner).
        foreach (var key in b.Model.GetEntityTypes().Where(t => t.ClrType.Namespace == typeof(Cooperant).Namespace)
                     .SelectMany(t => t.GetForeignKeys()).OfType<Microsoft.EntityFrameworkCore.Metadata.IConventionForeignKey>())
            if (key.GetDeleteBehaviorConfigurationSource() != Microsoft.EntityFrameworkCore.Metadata.ConfigurationSource.Explicit)
                ((Microsoft.EntityFrameworkCore.Metadata.IMutableForeignKey)key).DeleteBehavior = DeleteBehavior.Restrict;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves, and records every write of an <see cref="IAudited"/> record in the audit trail in the same transaction;
    /// every new entry (these, and those a use case adds itself) is sealed into the chain (<see cref="AuditChain"/>).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        GuardAuditTrail();
        try
        {
            if (guard is not null) await guard.CheckAsync(this, cancellationToken);
            SavesOnlyThisYearOn = !_inBulk && await LockedPeriods.LeavesPastYearsAsync(this, (clock ?? TimeProvider.System).Today().Year, cancellationToken);
            return await SaveAuditedAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally { (SavesOnlyThisYearOn, PlacedInSave) = (false, null); }
    }

    /// <summary>
    /// The records of this save placed in their years (<see cref="LockedPeriods"/>), read once for the locked years'
    /// guard and the figures of past years alike.
    /// </summary>
    internal List<LockedPeriods.Touched>? PlacedInSave { get; set; }

    /// <summary>
    /// While a save runs: whether all its records lie in this year or later, as the annual report places them
    /// (<see cref="LockedPeriods.LeavesPastYearsAsync"/>), so that its commit leaves the past years' figures counted.
    /// </summary>
    internal bool SavesOnlyThisYearOn { get; private set; }

    /// <summary>
    /// Runs a write that bypasses the change tracker (<c>ExecuteUpdate</c>) on records no figure of a past year counts
    /// — a notification read, a report job's progress, a mail's lease — so that it leaves the past years counted.
    /// </summary>
    public async Task<int> OutsidePastYearsAsync(Func<Task<int>> write)
    {
        SavesOnlyThisYearOn = true;
        try { return await write(); }
        finally { SavesOnlyThisYearOn = false; }
    }

    private async Task<int> SaveAuditedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var audited = new List<(EntityEntry Entry, string Action, string? Before)>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Modified && entry.Entity is IVersioned versioned)
                versioned.Version++;
            if (entry.Entity is not IAudited || !AuditEnabled) continue;
            switch (entry.State)
            {
                case EntityState.Added: audited.Add((entry, "Created", null)); break;
                case EntityState.Modified:
                    if (ChangedProperties(entry).Any()) audited.Add((entry, "Updated", Snapshot(entry, original: true, onlyChanged: true)));
                    break;
                case EntityState.Deleted: audited.Add((entry, "Deleted", Snapshot(entry, original: true, onlyChanged: false))); break;
            }
        }
        var added = ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (audited.Count == 0 && added.Count == 0)
        {
            var saved = _inBulk ? await SaveAddedInBulkAsync(audited, cancellationToken) : await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            // Committed unless a transaction of the caller holds it (its commit is seen by DataChangeInterceptor).
            if (Database.CurrentTransaction is null) FigureCache.DataChanged(Database.GetConnectionString(), pastYears: !SavesOnlyThisYearOn);
            return saved;
        }

        // Keys of new records exist only after the insert: write the records, then their audit entries, in one transaction.
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // The chain is one sequence: writers append one at a time, from the head they read under the lock. Taken
            // before the records are written, the lock is always the first a writer waits for, which keeps two writers
            // from waiting on each other.
            await AuditTrail.LockAsync(this, cancellationToken);
            var head = await AuditTrail.HeadAsync(this, cancellationToken);
            foreach (var entry in added) head = Append(entry, head);

            // A created record's snapshot is taken after the insert (its key is generated then): only updates need one now.
            var afters = audited.Select(a => a.Action == "Updated" ? Snapshot(a.Entry, original: false, onlyChanged: true) : null).ToList();
            var result = _inBulk
                ? await SaveAddedInBulkAsync(audited, cancellationToken)
                : await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (audited.Count > 0)
            {
                var (userId, userName) = actor?.Current ?? (null, "system");
                var now = (clock ?? TimeProvider.System).GetUtcNow();
                var records = new List<AuditEntry>(audited.Count);
                for (var i = 0; i < audited.Count; i++)
                {
                    var (entry, action, before) = audited[i];
                    var record = new AuditEntry
                    {
                        At = now,
                        UserId = userId,
                        UserName = userName,
                        Action = action,
                        EntityType = entry.Metadata.ClrType.Name,
                        EntityKey = KeyOf(entry),
                        Before = before,
                        After = action == "Created" ? Snapshot(entry, original: false, onlyChanged: false) : afters[i],
                    };
                    head = Append(record, head);
                    records.Add(record);
                }
                if (records.Count >= BulkAuditEntries && acceptAllChangesOnSuccess)
                    // An import's thousands of entries: written by multi-row INSERTs (a COPY on PostgreSQL) instead of a
                    // command each, which took two seconds for 10,000 rows, and never tracked (tracking them, then letting
                    // them go, was a tenth of the audited save's time). Their keys follow the table's highest: no other
                    // writer appends meanwhile (the chain's lock on PostgreSQL; on SQLite this transaction already writes).
                    await BulkInsert.InsertNewAsync(this, records, cancellationToken);
                else
                {
                    AuditEntries.AddRange(records);
                    await base.SaveChangesAsync(true, cancellationToken);
                }
            }
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            if (Database.CurrentTransaction is null) FigureCache.DataChanged(Database.GetConnectionString(), pastYears: !SavesOnlyThisYearOn);
            return result;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>
    /// <see cref="SaveInBulkAsync"/>'s writes: the added records by <see cref="BulkInsert"/>, then no longer tracked
    /// (their "Created" entries in <paramref name="audited"/> then read the new keys from the records themselves), then
    /// the rest by the usual save.
    /// </summary>
    private async Task<int> SaveAddedInBulkAsync(List<(EntityEntry Entry, string Action, string? Before)> audited, CancellationToken ct)
    {
        var added = ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList();
        // The changes were detected at the start of the save; only audit entries, added as such, were tracked since.
        var written = await BulkInsert.SaveAddedAsync(this, ct, detectChanges: false);
        // Dependents before their principals: a new trainee let go while his new nominations are still tracked would
        // sever their required link.
        var byType = added.ToLookup(e => e.Metadata);
        foreach (var type in BulkInsert.InDependencyOrder(byType.Select(g => g.Key)).AsEnumerable().Reverse())
            foreach (var entry in byType[type]) entry.State = EntityState.Detached;
        for (var i = 0; i < audited.Count; i++)
            if (audited[i].Action == "Created") audited[i] = audited[i] with { Entry = Entry(audited[i].Entry.Entity) };
        return written + await base.SaveChangesAsync(true, ct);
    }

    /// <summary>From how many entries a save's audit entries are written in bulk (<see cref="BulkInsert"/>).</summary>
    internal const int BulkAuditEntries = 200;

    private static (long, string) Append(AuditEntry entry, (long Sequence, string Hash)? head)
    {
        AuditChain.Seal(entry, head);
        return (entry.Sequence!.Value, entry.Hash!);
    }

    private static readonly HashSet<string> ChainFields = [nameof(AuditEntry.Sequence), nameof(AuditEntry.PreviousHash), nameof(AuditEntry.Hash)];
    private static readonly HashSet<string> ContentFields =
        [nameof(AuditEntry.UserName), nameof(AuditEntry.Before), nameof(AuditEntry.After), nameof(AuditEntry.ContentDigest)];

    /// <summary>
    /// The trail is append-only: an entry is never deleted, and changes only to be sealed (an entry written before the
    /// chain existed) or to have its personal content replaced by <see cref="AuditChain.ReplaceContent"/>.
    /// </summary>
    private void GuardAuditTrail()
    {
        foreach (var entry in ChangeTracker.Entries<AuditEntry>())
        {
            if (entry.State == EntityState.Deleted)
                throw new InvalidOperationException("The audit trail is append-only: an entry is never deleted.");
            if (entry.State != EntityState.Modified) continue;
            var changed = entry.Properties.Where(p => !Equals(p.OriginalValue, p.CurrentValue)).Select(p => p.Metadata.Name).ToList();
            var wasSealed = entry.Property(e => e.Hash).OriginalValue is not null;
            var allowed = wasSealed ? ContentFields : ChainFields;
            if (changed.Any(name => !allowed.Contains(name)) || (wasSealed && changed.Count > 0 && entry.Entity.ContentDigest is null))
                throw new InvalidOperationException($"The audit trail is append-only: entry {entry.Entity.Id} cannot change ({string.Join(", ", changed)}).");
        }
    }

    private static readonly HashSet<string> Secret =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "NormalizedEmail", "NormalizedUserName"];

    private static IEnumerable<PropertyEntry> ChangedProperties(EntityEntry entry) =>
        entry.Properties.Where(p => p.IsModified && !Secret.Contains(p.Metadata.Name) && p.Metadata.Name != nameof(IVersioned.Version)
            && !Equals(p.OriginalValue, p.CurrentValue));

    /// <summary>
    /// The fields as JSON, each value as its own type writes it: what serialising a dictionary of them gives, written
    /// field after field without building one (an import snapshots tens of thousands of records).
    /// </summary>
    private static string Snapshot(EntityEntry entry, bool original, bool onlyChanged)
    {
        var values = original ? entry.OriginalValues : entry.CurrentValues;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var property in onlyChanged ? ChangedProperties(entry).Select(p => p.Metadata) : entry.Metadata.GetProperties())
            {
                if (Secret.Contains(property.Name)) continue;
                json.WritePropertyName(property.Name);
                JsonSerializer.Serialize(json, values[property], typeof(object));
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));
}

public sealed class SqliteCooperationDbContext(DbContextOptions<SqliteCooperationDbContext> options) : CooperationDbContext(options);

public sealed class PostgresCooperationDbContext(DbContextOptions<PostgresCooperationDbContext> options) : CooperationDbContext(options);
