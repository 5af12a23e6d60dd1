namespace Cooperation.Web.Features.Schools.Trainees;

/// <summary>Changes a position of an alumnus's career, from the trainee's version the user read.</summary>
public class EditCareerEntry(CooperationDbContext db, Access access, IStringLocalizer<EditCareerEntry> text) : IUseCase
{
    public async Task HandleAsync(int traineeId, int entryId, CareerInput input, CancellationToken ct = default)
    {
        var trainee = await CareerRules.TraineeAsync(db, access, traineeId, ct);
        var existing = CareerRules.Entry(trainee, entryId);
        var errors = new FieldErrors(text);
        errors.Required("version", "Version", input.Version);
        var entry = CareerRules.Check(input, errors);
        errors.ThrowIfAny();

        CareerRules.Guard(db, trainee, input.Version);
        existing.Position = entry!.Position;
        existing.Organisation = entry.Organisation;
        existing.StartDate = entry.StartDate;
        existing.EndDate = entry.EndDate;
        existing.Prominent = entry.Prominent;
        await db.SaveChangesAsync(ct);
    }
}
