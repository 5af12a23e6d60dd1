namespace Cooperation.Web.Features.Schools.Trainees;

/// <summary>Removes a position from an alumnus's career (recorded in the audit trail), from the trainee's version the user read.</summary>
public class RemoveCareerEntry(CooperationDbContext db, Access access, IStringLocalizer<RemoveCareerEntry> text) : IUseCase
{
    /// <summary>Null when the trainee or the entry does not exist, or is out of the user's sight.</summary>
    public async Task<TraineeSaved?> HandleAsync(int traineeId, int entryId, long? version, CancellationToken ct = default)
    {
        if (await CareerRules.TraineeAsync(db, access, traineeId, ct) is not { } trainee) return null;
        if (trainee.Career.FirstOrDefault(c => c.Id == entryId) is not { } existing) return null;
        var errors = new FieldErrors(text);
        if (errors.Required("version", "Version", version) is null) return TraineeSaved.Invalid(errors.All);

        CareerRules.Guard(db, trainee, version);
        db.CareerEntries.Remove(existing);
        await db.SaveChangesAsync(ct);
        return new TraineeSaved(entryId, trainee.Version, errors.All);
    }
}
