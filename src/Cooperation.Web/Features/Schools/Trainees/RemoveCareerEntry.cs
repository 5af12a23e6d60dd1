namespace Cooperation.Web.Features.Schools.Trainees;

/// <summary>Removes a position from an alumnus's career (recorded in the audit trail), from the trainee's version the user read.</summary>
public class RemoveCareerEntry(CooperationDbContext db, Access access, IStringLocalizer<RemoveCareerEntry> text) : IUseCase
{
    public async Task HandleAsync(int traineeId, int entryId, long? version, CancellationToken ct = default)
    {
        var trainee = await CareerRules.TraineeAsync(db, access, traineeId, ct);
        var existing = CareerRules.Entry(trainee, entryId);
        var errors = new FieldErrors(text);
        errors.Required("version", "Version", version);
        errors.ThrowIfAny();

        CareerRules.Guard(db, trainee, version);
        db.CareerEntries.Remove(existing);
        await db.SaveChangesAsync(ct);
    }
}
