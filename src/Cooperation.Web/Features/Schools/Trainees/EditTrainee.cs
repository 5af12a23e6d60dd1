namespace Cooperation.Web.Features.Schools.Trainees;

/// <summary>
/// Corrects a trainee's identity and position by the trainee's one rule set (<see cref="TraineeIdentity"/>), from the
/// version the user read (a stale one throws <see cref="DbUpdateConcurrencyException"/>, nothing saved). Allowed to
/// whoever may nominate for his country, and to headquarters; a change of nationality must stay within what the user
/// may edit. One person is one trainee: a change that makes him the double of another record is refused.
/// </summary>
public class EditTrainee(CooperationDbContext db, Access access, ReferenceCodes codes, TimeProvider clock, IStringLocalizer<EditTrainee> text)
    : IUseCase
{
    /// <summary>Whether the user may correct this trainee: not found when out of his sight, forbidden when he may not.</summary>
    public async Task AuthorizeAsync(int id, CancellationToken ct = default)
    {
        var nationality = await (await access.VisibleTraineesAsync(db.Trainees.AsNoTracking(), ct))
            .Where(t => t.Id == id).Select(t => (int?)t.NationalityId).SingleOrDefaultAsync(ct) ?? throw new RecordNotFoundException();
        ForbiddenException.ThrowUnless(await access.CanEditTraineeAsync(nationality, ct));
    }

    public async Task HandleAsync(int id, TraineeInput input, CancellationToken ct = default)
    {
        await AuthorizeAsync(id, ct);
        var errors = new FieldErrors(text);
        var identity = await TraineeIdentity.CheckAsync(input, codes, errors, clock.Today(), ct: ct);
        var version = errors.Required("version", "Version", input.Version);
        errors.ThrowIfAny();

        ForbiddenException.ThrowUnless(await access.CanEditTraineeAsync(identity!.NationalityId, ct));
        var others = db.Trainees.AsNoTracking().Where(t => t.Id != id);
        if ((await ExistingTrainees.FindAsync(others, [identity.Person], ct)).Values.FirstOrDefault() is { } twin)
            throw FieldErrors.One(text, "lastName", "trainees.duplicate", twin.Id);

        var trainee = await db.Trainees.SingleAsync(t => t.Id == id, ct);
        db.Entry(trainee).Property(t => t.Version).OriginalValue = version!.Value;
        identity.Correct(trainee);
        await db.SaveChangesAsync(ct);
    }
}
