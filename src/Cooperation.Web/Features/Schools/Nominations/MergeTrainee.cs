namespace Cooperation.Web.Features.Schools.Nominations;

/// <summary>
/// The desk officer decides that a nomination's candidate is a trainee already on record (one of its near-matches):
/// the candidate's record is merged into that trainee — his nominations, results, certificates and career move to
/// it — and then deleted. Each change lands in the audit trail.
/// </summary>
public class MergeTrainee(CooperationDbContext db, Access access, FindNearMatches nearMatches, IStringLocalizer<MergeTrainee> text) : IUseCase
{
    /// <param name="TraineeId">The trainee on record the candidate is, among the nomination's near-matches.</param>
    /// <param name="Version">The nomination's version read; a nomination changed meanwhile answers 409.</param>
    public record Request(int? TraineeId, long? Version = null);

    /// <returns>The id of the trainee kept.</returns>
    public async Task<int> HandleAsync(int nominationId, Request request, CancellationToken ct = default)
    {
        var visible = await access.VisibleNominationsAsync(db.Nominations.AsNoTracking(), ct);
        var found = await visible.Where(n => n.Id == nominationId)
            .Select(n => new { n.TraineeId, n.Trainee!.NationalityId }).SingleOrDefaultAsync(ct) ?? throw new RecordNotFoundException();
        if (!await access.CanMergeTraineesAsync(found.NationalityId, ct)) throw new ForbiddenException("common.forbidden");

        var errors = new FieldErrors(text);
        var targetId = errors.Required("traineeId", "Stagiaire", request.TraineeId);
        errors.ThrowIfAny();
        if ((await nearMatches.ForTraineeAsync(found.TraineeId, ct)).All(m => m.TraineeId != targetId))
            throw new DomainException("traineeId", "nominations.notNearMatch", targetId!.Value);

        var duplicate = await db.Trainees.Include(t => t.Nominations).Include(t => t.Career).SingleAsync(t => t.Id == found.TraineeId, ct);
        var kept = await db.Trainees.Include(t => t.Nominations).SingleAsync(t => t.Id == targetId, ct);
        var keptSessions = kept.Nominations.Where(n => n.Status is not (NominationStatus.Withdrawn or NominationStatus.Refused))
            .Select(n => n.SessionId).ToHashSet();
        if (duplicate.Nominations.FirstOrDefault(n => n.Status is not (NominationStatus.Withdrawn or NominationStatus.Refused)
                                                      && keptSessions.Contains(n.SessionId)) is { } twice)
            throw new DomainException("traineeId", "nominations.mergeSameSession", twice.SessionId);

        var nomination = duplicate.Nominations.Single(n => n.Id == nominationId);
        if (request.Version is { } version) db.Entry(nomination).Property(n => n.Version).OriginalValue = version;
        foreach (var n in duplicate.Nominations.ToList()) n.Trainee = kept;
        foreach (var entry in duplicate.Career.ToList()) entry.Trainee = kept;
        kept.Email ??= duplicate.Email;
        if (kept.Rank.Length == 0) kept.Rank = duplicate.Rank;
        if (kept.Position.Length == 0) kept.Position = duplicate.Position;
        // Moves the records off the duplicate before it goes, or its deletion would take its career along.
        db.ChangeTracker.DetectChanges();
        db.Trainees.Remove(duplicate);
        await db.SaveChangesAsync(ct);
        return kept.Id;
    }
}
