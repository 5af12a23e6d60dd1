namespace Cooperation.Web.Features.Schools.Nominations;

public enum Decision { Review = 1, Accept = 2, Waitlist = 3, Refuse = 4, Withdraw = 5 }

/// <summary>
/// A decision on a nomination: put it under review, accept it (cleared candidate, a seat in the session and in the
/// country's quota), put it on the waiting list, refuse it, or withdraw it. Headquarters for the zone or the school's
/// director decide; the nominating country's liaison officer may also withdraw. Withdrawing an accepted candidate frees
/// a seat that the first cleared candidate of the waiting list takes at once.
/// </summary>
public class DecideNomination(CooperationDbContext db, Access access, TimeProvider clock, IAuditActor actor, NominationNotices notices) : IUseCase
{
    /// <param name="Version">The version read; a nomination changed meanwhile answers 409.</param>
    public record Request(long? Version = null);

    /// <param name="PromotedId">The waitlisted nomination that moved up to take the seat freed by a withdrawal.</param>
    public record Result(int NominationId, int? PromotedId);

    public async Task<Result> HandleAsync(int id, Decision decision, Request request, CancellationToken ct = default)
    {
        var visible = await access.VisibleNominationsAsync(db.Nominations.AsNoTracking(), ct);
        if (!await visible.AnyAsync(n => n.Id == id, ct)) throw new RecordNotFoundException();
        var session = await db.CourseSessions
            .Include(s => s.Course).ThenInclude(c => c!.School)
            .Include(s => s.Quotas)
            .Include(s => s.Nominations)
            .SingleAsync(s => s.Nominations.Any(n => n.Id == id), ct);
        var nomination = session.Nominations.Single(n => n.Id == id);
        var school = session.Course!.School!;

        var allowed = decision == Decision.Withdraw
            ? await access.CanWithdrawNominationAsync(nomination.CountryId, school.Id, school.CountryId, ct)
            : await access.CanDecideNominationAsync(nomination.CountryId, school.Id, school.CountryId, ct);
        if (!allowed) throw new ForbiddenException("common.forbidden");

        var at = clock.GetUtcNow().UtcDateTime;
        var by = actor.Current.UserName;
        Nomination? promoted = null;
        switch (decision)
        {
            case Decision.Review: nomination.Review(at, by); break;
            case Decision.Accept: session.Accept(nomination, at, by); break;
            case Decision.Waitlist: session.Waitlist(nomination, at, by); break;
            case Decision.Refuse: nomination.Refuse(at, by); break;
            case Decision.Withdraw: promoted = session.Withdraw(nomination, at, by); break;
        }
        if (decision is Decision.Accept or Decision.Withdraw)
        {
            // Seats are counted on the session: bumping its version makes two decisions taken at once on the same
            // session conflict (409) instead of both taking the last seat.
            db.Entry(session).Property(s => s.Version).IsModified = true;
        }
        if (request.Version is { } version) db.Entry(nomination).Property(n => n.Version).OriginalValue = version;
        // The decision and what its country's liaison officers hear of it (their e-mails in the outbox): both or neither.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await notices.DecidedAsync(nomination.Id, access.UserId, ct);
        if (promoted is not null) await notices.DecidedAsync(promoted.Id, access.UserId, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Result(nomination.Id, promoted?.Id);
    }
}
