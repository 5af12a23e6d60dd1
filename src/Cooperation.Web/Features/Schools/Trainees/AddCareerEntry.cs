namespace Cooperation.Web.Features.Schools.Trainees;

/// <summary>Records a position an alumnus holds or held (headquarters of his country's zone, or an administrator).</summary>
public class AddCareerEntry(CooperationDbContext db, Access access, IStringLocalizer<AddCareerEntry> text) : IUseCase
{
    /// <summary>Null when the trainee does not exist or is out of the user's sight; the version, when sent, must be current.</summary>
    public async Task<TraineeSaved?> HandleAsync(int traineeId, CareerInput input, CancellationToken ct = default)
    {
        if (await CareerRules.TraineeAsync(db, access, traineeId, ct) is not { } trainee) return null;
        var errors = new FieldErrors(text);
        if (CareerRules.Check(input, errors) is not { } entry) return TraineeSaved.Invalid(errors.All);

        CareerRules.Guard(db, trainee, input.Version);
        var added = new CareerEntry
        {
            Position = entry.Position, Organisation = entry.Organisation, StartDate = entry.StartDate, EndDate = entry.EndDate,
            Prominent = entry.Prominent,
        };
        trainee.Career.Add(added);
        await db.SaveChangesAsync(ct);
        return new TraineeSaved(added.Id, trainee.Version, errors.All);
    }
}
