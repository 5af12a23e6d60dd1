using System.Text.Json;

namespace Cooperation.Web.Features.Admin.PersonalData;

/// <summary>The persons whose data the directorate holds and answers for: its trainees and its coopérants.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<PersonKind>))]
public enum PersonKind { Trainee, Cooperant }

public static class PersonKinds
{
    /// <summary>The kind named in an address (<c>trainees</c>, <c>cooperants</c>); null for anything else.</summary>
    public static PersonKind? Parse(string? segment) => segment?.ToLowerInvariant() switch
    {
        "trainees" => PersonKind.Trainee,
        "cooperants" => PersonKind.Cooperant,
        _ => null,
    };

    public static string Segment(this PersonKind kind) => kind == PersonKind.Trainee ? "trainees" : "cooperants";

    /// <summary>The page of the person's record.</summary>
    public static string RecordPage(this PersonKind kind, int id) =>
        kind == PersonKind.Trainee ? $"/Schools/Trainees/{id}" : $"/Network/Cooperants/{id}";
}

/// <summary>
/// What the audit trail holds about trainees beyond their current records: the duplicates merged into them (whose
/// deleted records carried the same person's names) and the career entries since removed. Read once, it serves
/// every person of a retention pass.
/// </summary>
public sealed class TraineeHistory(ILookup<int, int> mergedInto, ILookup<int, string> removedCareer)
{
    /// <summary>The trainee's own id and those of the records merged into him, and into those, and so on.</summary>
    public IReadOnlySet<int> RecordsOf(int traineeId)
    {
        var ids = new HashSet<int> { traineeId };
        var pending = new Stack<int>([traineeId]);
        while (pending.TryPop(out var id))
            foreach (var merged in mergedInto[id])
                if (ids.Add(merged)) pending.Push(merged);
        return ids;
    }

    public IEnumerable<string> RemovedCareerEntries(IEnumerable<int> traineeIds) => traineeIds.SelectMany(id => removedCareer[id]);
}

/// <summary>The audit entries about a person (his records) and, when he has an account, those he wrote himself.</summary>
public sealed record PersonTrail(IReadOnlyList<AuditEntry> About, IReadOnlyList<AuditEntry> ByHim);

/// <summary>
/// Finds what the audit trail holds about one person: the entries of his record, of the records that are his
/// (a trainee's nominations and career, merged duplicates; a coopérant's postings and account), and those his
/// account wrote. Shared by the export and the pseudonymisation, so that both reach the same entries.
/// </summary>
public class PersonRecords(CooperationDbContext db) : IUseCase
{
    public async Task<TraineeHistory> TraineeHistoryAsync(CancellationToken ct = default)
    {
        // A merge moves the duplicate's nominations: their update records the trainee before and after.
        var moves = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Nomination) && e.Action == "Updated" && e.Before!.Contains("\"TraineeId\""))
            .Select(e => new { e.Before, e.After }).ToListAsync(ct);
        var removed = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(CareerEntry) && e.Action == "Deleted")
            .Select(e => new { e.EntityKey, e.Before }).ToListAsync(ct);
        var merges = moves.Select(m => (To: TraineeId(m.After), From: TraineeId(m.Before)))
            .Where(m => m.To is not null && m.From is not null && m.To != m.From).ToLookup(m => m.To!.Value, m => m.From!.Value);
        var career = removed.Select(r => (Trainee: TraineeId(r.Before), r.EntityKey))
            .Where(r => r.Trainee is not null).ToLookup(r => r.Trainee!.Value, r => r.EntityKey);
        return new TraineeHistory(merges, career);
    }

    /// <param name="tracked">Entries tracked, to be rewritten; otherwise read only.</param>
    public async Task<PersonTrail> TrailAsync(PersonKind kind, int id, string? accountId, bool tracked, TraineeHistory? history = null,
        CancellationToken ct = default)
    {
        var keys = new Dictionary<string, List<string>>();
        void Add<T>(string type, IEnumerable<T> ids)
        {
            if (!keys.TryGetValue(type, out var list)) keys[type] = list = [];
            list.AddRange(ids.Select(i => Convert.ToString(i, System.Globalization.CultureInfo.InvariantCulture)!));
        }
        if (kind == PersonKind.Trainee)
        {
            history ??= await TraineeHistoryAsync(ct);
            var records = history.RecordsOf(id);
            Add(nameof(Trainee), records);
            Add(nameof(Nomination), await db.Nominations.Where(n => n.TraineeId == id).Select(n => n.Id).ToListAsync(ct));
            Add(nameof(CareerEntry), await db.CareerEntries.Where(c => c.TraineeId == id).Select(c => c.Id).ToListAsync(ct));
            Add(nameof(CareerEntry), history.RemovedCareerEntries(records));
        }
        else
        {
            Add(nameof(Cooperant), [id]);
            Add(nameof(Posting), await db.Postings.Where(p => p.CooperantId == id).Select(p => p.Id).ToListAsync(ct));
            if (accountId is not null) Add(nameof(AppUser), [accountId]);
        }

        var entries = tracked ? db.AuditEntries : db.AuditEntries.AsNoTracking();
        var about = new List<AuditEntry>();
        foreach (var (type, ids) in keys)
        {
            var distinct = ids.Distinct().ToList();
            about.AddRange(await entries.Where(e => e.EntityType == type && distinct.Contains(e.EntityKey)).ToListAsync(ct));
        }
        about = about.DistinctBy(e => e.Id).OrderBy(e => e.Sequence ?? long.MaxValue).ThenBy(e => e.Id).ToList();
        var aboutIds = about.Select(e => e.Id).ToHashSet();
        var byHim = accountId is null ? [] : (await entries.Where(e => e.UserId == accountId).ToListAsync(ct))
            .Where(e => !aboutIds.Contains(e.Id)).OrderBy(e => e.Sequence ?? long.MaxValue).ThenBy(e => e.Id).ToList();
        return new PersonTrail(about, byHim);
    }

    private static int? TraineeId(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(nameof(Nomination.TraineeId), out var v)
                   && v.TryGetInt32(out var id) ? id : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
