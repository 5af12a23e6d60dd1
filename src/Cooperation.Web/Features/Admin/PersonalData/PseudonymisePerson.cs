using System.Text.Json;

namespace Cooperation.Web.Features.Admin.PersonalData;

/// <param name="Reason">Why (the person's request and its reference): recorded in the audit trail, so without a name.</param>
/// <param name="Version">The version of the record read, when the request comes from its page (409 if stale).</param>
public record PseudonymisationRequest(string? Reason, long? Version = null);

/// <summary>What a pseudonymisation did: how many audit entries had their personal content replaced.</summary>
public record PseudonymisationResult(PersonKind Kind, int Id, string Name, int RewrittenAuditEntries);

/// <summary>
/// Pseudonymises a person on request, or at the end of his retention period (<see cref="RetentionPass"/>): his names,
/// e-mail, phone and birth day are replaced (<see cref="Trainee.Pseudonymise"/>, <see cref="Cooperant.Pseudonymise"/>;
/// a coopérant's account too, locked for good), his records kept, so that sessions, postings, figures and counts stay
/// as they were. The audit trail's own snapshots of him get the same replacement (<see cref="AuditChain.Rewrite"/>):
/// each rewritten entry keeps the digest of what it first held, so the hash chain still verifies, and one entry of the
/// trail records the pseudonymisation — its reason, the fields replaced, and which entries were rewritten — without a
/// single original value. All in one transaction; the change of the record itself is recorded by that entry only.
/// </summary>
public class PseudonymisePerson(CooperationDbContext db, Access access, PersonRecords records, IAuditActor actor, TimeProvider clock,
    IStringLocalizer<PseudonymisePerson> text) : IUseCase
{
    public const int MaxReason = 200;

    public async Task<PseudonymisationResult> HandleAsync(PersonKind kind, int id, PseudonymisationRequest request, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.CanManagePersonalData);
        var errors = new FieldErrors(text);
        var reason = errors.Text("reason", "Motif", request.Reason, MaxReason);
        errors.ThrowIfAny();
        return await ApplyAsync(kind, id, reason!, request.Version, null, ct);
    }

    /// <summary>The pseudonymisation itself, for whoever already decided it may happen (the request above, the retention pass).</summary>
    public async Task<PseudonymisationResult> ApplyAsync(PersonKind kind, int id, string reason, long? version, TraineeHistory? history,
        CancellationToken ct = default)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        var replaced = new Dictionary<string, IReadOnlyDictionary<string, object?>>();
        IVersioned person;
        string name;
        AppUser? account = null;
        if (kind == PersonKind.Trainee)
        {
            var trainee = await db.Trainees.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new RecordNotFoundException();
            replaced[nameof(Trainee)] = trainee.Pseudonymise(at);
            (person, name) = (trainee, trainee.FullName);
        }
        else
        {
            var cooperant = await db.Cooperants.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new RecordNotFoundException();
            replaced[nameof(Cooperant)] = cooperant.Pseudonymise(at);
            account = await db.Users.SingleOrDefaultAsync(u => u.CooperantId == id, ct);
            if (account is not null) replaced[nameof(AppUser)] = account.Pseudonymise(id);
            (person, name) = (cooperant, cooperant.FullName);
        }
        if (version is { } read) db.Entry(person).Property(nameof(IVersioned.Version)).OriginalValue = read;

        var trail = await records.TrailAsync(kind, id, account?.Id, tracked: true, history, ct);
        var rewritten = new List<AuditRewrite>();
        var none = new Dictionary<string, object?>();
        var about = trail.About.Select(e => e.Id).ToHashSet();
        // Only sealed entries can be rewritten; a row without a seal is already a break that verification reports.
        foreach (var entry in trail.About.Concat(trail.ByHim).Where(e => e.Hash is not null))
        {
            var values = about.Contains(entry.Id) ? replaced.GetValueOrDefault(entry.EntityType) ?? none : none;
            var author = account is not null && entry.UserId == account.Id ? account.UserName : null;
            if (AuditChain.Rewrite(entry, values, author)) rewritten.Add(AuditChain.Declaration(entry));
        }

        var (actorId, actorName) = actor.Current;
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), UserId = actorId, UserName = actorName, Action = AuditChain.PseudonymisedAction,
            EntityType = kind.ToString(), EntityKey = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            After = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["Reason"] = reason,
                ["Fields"] = replaced[kind.ToString()].Keys,
                ["Account"] = account?.Id,
                [AuditChain.RewrittenEntriesField] = rewritten.OrderBy(r => r.Sequence),
            }),
        });
        // The record's own "Updated" entry would hold the names it replaces: this entry records the change instead.
        db.AuditEnabled = false;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.AuditEnabled = true;
        }
        return new PseudonymisationResult(kind, id, name, rewritten.Count);
    }
}
