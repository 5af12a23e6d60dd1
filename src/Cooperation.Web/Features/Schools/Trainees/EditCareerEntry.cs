namespace Cooperation.Web.Features.Schools.Trainees;

/// <summary>Changes a position of an alumnus's career, from the trainee's version the user read.</summary>
public class EditCareerEntry(CooperationDbContext db, Access access, IStringLocalizer<EditCareerEntry> text) : IUseCase
{
    /// <summary>Null when the trainee or the entry does not exist, or is out of the user's sight.</summary>
    public async Task<TraineeSaved?> HandleAsync(int traineeId, int entryId, CareerInput input, CancellationToken ct = default)
    {
        if (await CareerRules.TraineeAsync(db, access, traineeId, ct) is not { } trainee) return null;
        if (trainee.Career.FirstOrDefault(c => c.Id == entryId) is not { } existing) return null;
        var errors = new FieldErrors(text);
        errors.Required("version", "Version", input.Version);
        if (CareerRules.Check(input, errors) is not { } entry || errors.Any) return TraineeSaved.Invalid(errors.All);

        CareerRules.Guard(db, trainee, input.Version);
        existing.Position = entry.Position;
        existing.Organisation = entry.Organisation;
        existing.StartDate = entry.StartDate;
        existing.EndDate = entry.EndDate;
        existing.Prominent = entry.Prominent;
        await db.SaveChangesAsync(ct);
        return new TraineeSaved(existing.Id, trainee.Version, errors.All);
    }
}
