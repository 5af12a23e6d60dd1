using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cooperation.Web.Domain;

/// <summary>
/// One change in the audit trail (who, when, which record, before, after), sealed into a chain: its
/// <see cref="Hash"/> covers its content and the hash of the entry before it (<see cref="AuditChain"/>), so that an
/// entry altered, removed or slipped in afterwards shows where the chain breaks.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityKey { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }

    /// <summary>
    /// The entry's place in the chain: 1, 2, 3… without a gap, unique. Null only for an entry written before the chain
    /// existed, until the start seals it (<see cref="AuditChain"/>), or for a row written behind the application's back.
    /// </summary>
    public long? Sequence { get; set; }
    /// <summary>The <see cref="Hash"/> of the entry before (<see cref="AuditChain.Genesis"/> for the first).</summary>
    public string? PreviousHash { get; set; }
    public string? Hash { get; set; }
    /// <summary>
    /// The digest of the personal content (user name, before, after) as first written, kept when pseudonymisation
    /// replaced that content: the hash covers this digest, so the chain holds while the names are gone.
    /// </summary>
    public string? ContentDigest { get; set; }
}

/// <summary>
/// The rules of the audit trail's hash chain. Each entry's hash is SHA-256 over its sequence, time, author's id,
/// action, record and the digest of its personal content (author's name, before, after), and the previous entry's
/// hash. Personal content enters through its digest so that pseudonymisation can replace it
/// (<see cref="ReplaceContent"/>) while the chain still proves that nothing else moved; the entry that did it
/// (<see cref="PseudonymisedAction"/>) names the entries it rewrote, and is itself in the chain.
/// </summary>
public static class AuditChain
{
    /// <summary>What the first entry of the chain points back to.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The action of the entry recording a pseudonymisation; its After lists the rewritten entries.</summary>
    public const string PseudonymisedAction = "Pseudonymised";

    /// <summary>
    /// The member of a pseudonymisation entry's After that lists the entries it rewrote (<see cref="AuditRewrite"/>):
    /// their sequence and the digest of their new content, which then protects them as their hash did.
    /// </summary>
    public const string RewrittenEntriesField = "RewrittenAuditEntries";

    /// <summary>
    /// The time as the chain reads it, to the microsecond: PostgreSQL keeps no finer, and an entry must hash the same
    /// once read back.
    /// </summary>
    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % 10, TimeSpan.Zero);
    }

    /// <summary>SHA-256 (lower-case hex) of the personal content of an entry.</summary>
    public static string Digest(string? userName, string? before, string? after) =>
        Sha256(JsonSerializer.SerializeToUtf8Bytes(new[] { userName, before, after }));

    /// <summary>The hash an entry must carry, given the hash of the entry before it.</summary>
    public static string HashOf(AuditEntry e, string previousHash) =>
        Sha256(JsonSerializer.SerializeToUtf8Bytes(new[]
        {
            e.Sequence?.ToString(CultureInfo.InvariantCulture),
            e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            e.UserId, e.Action, e.EntityType, e.EntityKey,
            e.ContentDigest ?? Digest(e.UserName, e.Before, e.After),
            previousHash,
        }));

    /// <summary>Gives a new entry its place after <paramref name="previous"/> (null: it is the first) and seals it.</summary>
    public static void Seal(AuditEntry entry, (long Sequence, string Hash)? previous, bool truncateTime = true)
    {
        if (truncateTime) entry.At = Truncate(entry.At);
        entry.Sequence = (previous?.Sequence ?? 0) + 1;
        entry.PreviousHash = previous?.Hash ?? Genesis;
        entry.Hash = HashOf(entry, entry.PreviousHash);
    }

    /// <summary>
    /// Replaces the personal content of a sealed entry (pseudonymisation), keeping the digest of what it first held so
    /// that its hash still verifies. The caller records which entries it rewrote in an entry of its own.
    /// </summary>
    public static void ReplaceContent(AuditEntry entry, string userName, string? before, string? after)
    {
        if (entry.Hash is null) throw new InvalidOperationException("Only a sealed audit entry can have its content replaced.");
        entry.ContentDigest ??= Digest(entry.UserName, entry.Before, entry.After);
        (entry.UserName, entry.Before, entry.After) = (userName, before, after);
    }

    /// <summary>
    /// Replaces, in an entry's snapshots, the values of the named fields where they appear (and the author's name when
    /// given), by <see cref="ReplaceContent"/>. False when the entry held none of them: it stays as it was.
    /// </summary>
    public static bool Rewrite(AuditEntry entry, IReadOnlyDictionary<string, object?> values, string? userName = null)
    {
        var before = RewriteFields(entry.Before, values);
        var after = RewriteFields(entry.After, values);
        var name = userName ?? entry.UserName;
        if (before == entry.Before && after == entry.After && name == entry.UserName) return false;
        ReplaceContent(entry, name, before, after);
        return true;
    }

    private static string? RewriteFields(string? json, IReadOnlyDictionary<string, object?> values)
    {
        if (string.IsNullOrWhiteSpace(json)) return json;
        JsonNode? node;
        try { node = JsonNode.Parse(json); }
        catch (JsonException) { return json; }
        if (node is not JsonObject fields) return json;
        var changed = false;
        foreach (var (name, value) in values)
        {
            if (!fields.ContainsKey(name)) continue;
            var replacement = JsonSerializer.SerializeToNode(value);
            if (JsonNode.DeepEquals(fields[name], replacement)) continue;
            fields[name] = replacement;
            changed = true;
        }
        return changed ? fields.ToJsonString() : json;
    }

    /// <summary>What a pseudonymisation entry declares of an entry it rewrote: its place, and the digest of its content now.</summary>
    public static AuditRewrite Declaration(AuditEntry rewritten) =>
        new(rewritten.Sequence!.Value, Digest(rewritten.UserName, rewritten.Before, rewritten.After));

    /// <summary>The hex SHA-256 of JSON as UTF-8 (serialised straight to its bytes: the same as the text's, one copy fewer).</summary>
    private static string Sha256(byte[] json) => Convert.ToHexStringLower(SHA256.HashData(json));
}

/// <summary>An entry a pseudonymisation rewrote: its place in the chain and the digest of its new content.</summary>
public record AuditRewrite(long Sequence, string Digest);

/// <summary>How the chain breaks at an entry.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<AuditBreakKind>))]
public enum AuditBreakKind
{
    /// <summary>The entry's content or place no longer matches its hash: it was changed.</summary>
    Altered,
    /// <summary>Entries are missing before this one (its sequence skips): they were deleted.</summary>
    Missing,
    /// <summary>The entry does not point to the hash of the entry before it: an entry before it was replaced.</summary>
    Relinked,
    /// <summary>The entry carries no seal: it was written outside the application.</summary>
    Unsealed,
    /// <summary>The entry's content was replaced, yet no pseudonymisation entry of the chain declares it.</summary>
    UndeclaredRewrite,
}

/// <summary>The first entry where the chain breaks (its row id, its sequence if it has one) and how.</summary>
public record AuditBreak(long EntryId, long? Sequence, AuditBreakKind Kind, long? ExpectedSequence = null);

/// <summary>
/// What a verification found: how many entries, the last one's sequence and hash (to record elsewhere: a chain cut
/// short at its end is proven only against such an anchor), how many were lawfully rewritten, and the first break.
/// </summary>
public record AuditIntegrity(long Entries, long? HeadSequence, string? HeadHash, long RewrittenEntries, AuditBreak? FirstBreak)
{
    public bool Intact => FirstBreak is null;
}

/// <summary>
/// Walks the chain in sequence order, one entry at a time (the trail may hold millions), and finds the first break.
/// Feed it with <see cref="Add"/>, then <see cref="Unsealed"/> for rows without a sequence, then read <see cref="Result"/>.
/// </summary>
public sealed class AuditChainVerifier
{
    private long _expected = 1;
    private string _previousHash = AuditChain.Genesis;
    private long _entries;
    private AuditBreak? _break;
    private readonly Dictionary<long, (long Id, string Digest)> _rewritten = new();   // sequence → row id, digest of its content now
    private readonly Dictionary<long, string> _declared = new();                     // sequence → digest its rewrite declared

    /// <summary>The next entry of the chain (ascending sequence); false once a break is found (the rest is not read).</summary>
    public bool Add(AuditEntry e)
    {
        if (_break is not null) return false;
        _entries++;
        if (e.Sequence is not { } sequence || e.Hash is null)
            _break = new AuditBreak(e.Id, e.Sequence, AuditBreakKind.Unsealed);
        else if (sequence != _expected)
            _break = new AuditBreak(e.Id, sequence, sequence > _expected ? AuditBreakKind.Missing : AuditBreakKind.Altered, _expected);
        else if (AuditChain.HashOf(e, e.PreviousHash ?? "") != e.Hash)
            _break = new AuditBreak(e.Id, sequence, AuditBreakKind.Altered);
        else if (e.PreviousHash != _previousHash)
            _break = new AuditBreak(e.Id, sequence, AuditBreakKind.Relinked);
        if (_break is not null) return false;

        if (e.ContentDigest is not null) _rewritten[e.Sequence!.Value] = (e.Id, AuditChain.Digest(e.UserName, e.Before, e.After));
        if (e.Action == AuditChain.PseudonymisedAction) Declare(e.After);
        _previousHash = e.Hash!;
        HeadSequence = e.Sequence;
        _expected++;
        return true;
    }

    /// <summary>A row that has no place in the chain: the chain is broken there, unless it already broke earlier.</summary>
    public void Unsealed(AuditEntry e)
    {
        _entries++;
        _break ??= new AuditBreak(e.Id, null, AuditBreakKind.Unsealed);
    }

    public long? HeadSequence { get; private set; }

    public AuditIntegrity Result()
    {
        // A rewritten entry's content is what its last declaration says it became: otherwise it was changed since.
        var firstBreak = _break ?? _rewritten.OrderBy(r => r.Key)
            .Where(r => !_declared.TryGetValue(r.Key, out var digest) || digest != r.Value.Digest)
            .Select(r => new AuditBreak(r.Value.Id, r.Key, _declared.ContainsKey(r.Key) ? AuditBreakKind.Altered : AuditBreakKind.UndeclaredRewrite))
            .FirstOrDefault();
        return new AuditIntegrity(_entries, HeadSequence, HeadSequence is null ? null : _previousHash, _rewritten.Count, firstBreak);
    }

    private void Declare(string? after)
    {
        if (string.IsNullOrWhiteSpace(after)) return;
        try
        {
            using var doc = JsonDocument.Parse(after);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty(AuditChain.RewrittenEntriesField, out var list) && list.ValueKind == JsonValueKind.Array)
                foreach (var item in list.EnumerateArray())
                    if (item.ValueKind == JsonValueKind.Object
                        && item.TryGetProperty(nameof(AuditRewrite.Sequence), out var sequence) && sequence.TryGetInt64(out var n)
                        && item.TryGetProperty(nameof(AuditRewrite.Digest), out var digest) && digest.ValueKind == JsonValueKind.String)
                        _declared[n] = digest.GetString()!;
        }
        catch (JsonException)
        {
            // A pseudonymisation entry the application wrote always parses; one that does not declares nothing.
        }
    }
}
