namespace Cooperation.Web.Features.Schools.Trainees;

/// <summary>Records a position an alumnus holds or held (headquarters of his country's zone, or an administrator).</summary>
public class AddCareerEntry(CooperationDbContext db, Access access, IStringLocalizer<AddCareerEntry> text) : IUseCase
{
    /// <summary>Whether the user follows this trainee's career: not found when out of his sight, forbidden when he does not.</summary>
    public Task AuthorizeAsync(int traineeId, CancellationToken ct = default) => CareerRules.AuthorizeAsync(db, access, traineeId, ct);

    /// <returns>The id of the new entry. The version, when sent, must be current.</returns>
    public async Task<int> HandleAsync(int traineeId, CareerInput input, CancellationToken ct = default)
    {
        var trainee = await CareerRules.TraineeAsync(db, access, traineeId, ct);
        var errors = new FieldErrors(text);
        var entry = CareerRules.Check(input, errors);
        errors.ThrowIfAny();

        CareerRules.Guard(db, trainee, input.Version);
        var added = new CareerEntry
        {
            Position = entry!.Position, Organisation = entry.Organisation, StartDate = entry.StartDate, EndDate = entry.EndDate,
            Prominent = entry.Prominent,
        };
        trainee.Career.Add(added);
        await db.SaveChangesAsync(ct);
        return added.Id;
    }
}
