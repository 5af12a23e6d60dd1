using System.Globalization;
using System.Text.Json;

namespace Cooperation.Web.Features.Admin.Audit;

// The redaction helper, not the sibling sub-feature Admin.PersonalData of the same name.
using PersonalData = Cooperation.Web.Features.Shared.PersonalData;

public record AuditRow(long Id, DateTimeOffset At, string UserName, string Action, string EntityType, string EntityKey)
{
    /// <summary>The account that made the change, to redact its name where the reader may not read it.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public string? UserId { get; init; }
}

/// <summary>One field of an audited record, before and after the change.</summary>
public record AuditField(string Name, string? Before, string? After, bool Changed);

public record AuditDetail(long Id, DateTimeOffset At, string? UserId, string UserName, string Action, string EntityType, string EntityKey,
    IReadOnlyList<AuditField> Fields);

/// <summary>
/// Reads the audit trail (who changed what, when, before and after), newest first: administrators, the director and the
/// auditor (<see cref="Access.ReadsAuditTrail"/>); for the auditor, the personal values of the records and the names of
/// coopérants' accounts are <see cref="PersonalData.Redacted"/>, and a search by user does not find them.
/// </summary>
public class ListAuditEntries(CooperationDbContext db, Access access, TimeProvider clock) : IListUseCase<ListAuditEntries.Query, AuditRow>
{
    /// <summary>Filters of the audit trail; dates are days of the directorate's calendar (local time), both included.</summary>
    public record Query
    {
        public string? EntityType { get; init; }
        public string? EntityKey { get; init; }
        /// <summary>Part of the name of the user who made the change.</summary>
        public string? User { get; init; }
        public string? Action { get; init; }
        public DateOnly? From { get; init; }
        public DateOnly? To { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public const int MaxExportRows = 50_000;

    /// <summary>The French label (a localizer key) of an action of the trail.</summary>
    public static string ActionLabel(string action) => action switch
    {
        "Created" => "Création",
        "Updated" => "Modification",
        "Deleted" => "Suppression",
        "Generated" => "Génération",
        "Access" => "Droits d'accès",
        AuditChain.PseudonymisedAction => "Pseudonymisation",
        "Exported" => "Export des données personnelles",
        _ => action,
    };

    public async Task<Paged<AuditRow>> HandleAsync(Query query, CancellationToken ct = default)
    {
        Authorize();
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var hidden = await access.HiddenAuditActorsAsync(ct);
        var filtered = Filter(query, hidden);
        var items = await Rows(filtered).PageOf(page, size).ToListAsync(ct);
        var total = await Paging.TotalAsync(page, size, items.Count, () => filtered.CountAsync(ct));
        return new Paged<AuditRow>(Redact(items, hidden), total, page, size);
    }

    /// <summary>The whole filtered trail (up to <see cref="MaxExportRows"/>), for an export.</summary>
    public async Task<IReadOnlyList<AuditRow>> AllAsync(Query query, CancellationToken ct = default)
    {
        Authorize();
        var hidden = await access.HiddenAuditActorsAsync(ct);
        return Redact(await Rows(Filter(query, hidden)).Take(MaxExportRows).ToListAsync(ct), hidden);
    }

    /// <summary>The types of record the trail holds, for the list's filter.</summary>
    public Task<List<string>> EntityTypesAsync(CancellationToken ct = default)
    {
        Authorize();
        return db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
    }

    /// <summary>The actions the trail holds, for the list's filter.</summary>
    public Task<List<string>> ActionsAsync(CancellationToken ct = default)
    {
        Authorize();
        return db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
    }

    public async Task<AuditDetail> GetAsync(long id, CancellationToken ct = default)
    {
        Authorize();
        var e = await db.AuditEntries.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new RecordNotFoundException();
        var fields = Compare(e.Before, e.After);
        if (!access.ReadsAuditedPersonalData)
            fields = fields.Select(f => Access.PersonalFields.Contains(f.Name)
                ? f with { Before = f.Before is null ? null : PersonalData.Redacted, After = f.After is null ? null : PersonalData.Redacted }
                : f).ToList();
        var hidden = await access.HiddenAuditActorsAsync(ct);
        var actor = e.UserId is not null && hidden.Contains(e.UserId) ? PersonalData.Redacted : e.UserName;
        return new AuditDetail(e.Id, e.At, e.UserId, actor, e.Action, e.EntityType, e.EntityKey, fields);
    }

    /// <summary>The rows with the names of the accounts the user may not read redacted.</summary>
    private static IReadOnlyList<AuditRow> Redact(List<AuditRow> rows, IReadOnlySet<string> hiddenActors) =>
        hiddenActors.Count == 0 ? rows
            : rows.Select(r => r.UserId is not null && hiddenActors.Contains(r.UserId) ? r with { UserName = PersonalData.Redacted } : r).ToList();

    /// <summary>The fields of both snapshots side by side, in the order the record lists them.</summary>
    public static IReadOnlyList<AuditField> Compare(string? beforeJson, string? afterJson)
    {
        var before = Parse(beforeJson);
        var after = Parse(afterJson);
        return after.Keys.Concat(before.Keys.Where(k => !after.ContainsKey(k)))
            .Select(name =>
            {
                var b = before.GetValueOrDefault(name);
                var a = after.GetValueOrDefault(name);
                return new AuditField(name, b, a, b != a);
            })
            .ToList();
    }

    private static Dictionary<string, string?> Parse(string? json)
    {
        var fields = new Dictionary<string, string?>();
        if (string.IsNullOrWhiteSpace(json)) return fields;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return new() { ["value"] = doc.RootElement.GetRawText() };
            foreach (var p in doc.RootElement.EnumerateObject())
                fields[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    JsonValueKind.String => p.Value.GetString(),
                    _ => p.Value.GetRawText(),
                };
        }
        catch (JsonException)
        {
            fields["value"] = json;
        }
        return fields;
    }

    /// <summary>When a change was made, in the directorate's local time.</summary>
    public string LocalTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The trail tells who did what to every record: those who read it (<see cref="Access.ReadsAuditTrail"/>), read only.</summary>
    private void Authorize()
    {
        ForbiddenException.ThrowUnless(access.ReadsAuditTrail);
    }

    private IQueryable<AuditEntry> Filter(Query q, IReadOnlySet<string> hiddenActors)
    {
        var entries = Period(q.From is { } from ? StartOf(from) : null, q.To is { } to ? StartOf(to.AddDays(1)) : null);
        if (!string.IsNullOrWhiteSpace(q.EntityType)) { var type = q.EntityType.Trim(); entries = entries.Where(e => e.EntityType == type); }
        if (!string.IsNullOrWhiteSpace(q.EntityKey)) { var key = q.EntityKey.Trim(); entries = entries.Where(e => e.EntityKey == key); }
        if (!string.IsNullOrWhiteSpace(q.Action)) { var action = q.Action.Trim(); entries = entries.Where(e => e.Action == action); }
        if (!string.IsNullOrWhiteSpace(q.User))
        {
            var user = q.User.Trim().ToLower();
            // A name the user may not read is never matched: it could be guessed one try at a time.
            var hidden = hiddenActors.ToList();
            entries = entries.Where(e => e.UserName.ToLower().Contains(user) && (e.UserId == null || !hidden.Contains(e.UserId)));
        }
        return entries;
    }

    /// <summary>Entries written from <paramref name="start"/> (included) to <paramref name="end"/> (excluded), both UTC.</summary>
    private IQueryable<AuditEntry> Period(DateTimeOffset? start, DateTimeOffset? end)
    {
        if (start is null && end is null) return db.AuditEntries.AsNoTracking();
        if (!db.Database.IsSqlite())
        {
            var entries = db.AuditEntries.AsNoTracking();
            if (start is { } s) entries = entries.Where(e => e.At >= s);
            if (end is { } e) entries = entries.Where(x => x.At < e);
            return entries;
        }
        // EF cannot compare DateTimeOffset on SQLite, which keeps it as text "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz". Every entry
        // is written in UTC (+00:00), so comparing that text with UTC bounds in the same format orders them right.
        var from = (start ?? DateTimeOffset.MinValue).ToString(SqliteDateFormat, CultureInfo.InvariantCulture);
        var to = (end ?? DateTimeOffset.MaxValue).ToString(SqliteDateFormat, CultureInfo.InvariantCulture);
        return db.AuditEntries.FromSql($"SELECT * FROM \"AuditEntries\" WHERE \"At\" >= {from} AND \"At\" < {to}").AsNoTracking();
    }

    private const string SqliteDateFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz";

    private DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, clock.LocalTimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    // Newest first by Id: SQLite cannot order by a DateTimeOffset, and ids grow with time anyway.
    private static IQueryable<AuditRow> Rows(IQueryable<AuditEntry> entries) =>
        entries.OrderByDescending(e => e.Id)
            .Select(e => new AuditRow(e.Id, e.At, e.UserName, e.Action, e.EntityType, e.EntityKey) { UserId = e.UserId });
}
