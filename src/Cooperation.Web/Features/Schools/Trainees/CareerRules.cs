namespace Cooperation.Web.Features.Schools.Trainees;

/// <summary>
/// What the three career use cases share: the trainee must be in sight (else not found) and his career the user's to
/// follow (else forbidden); an entry names a position and an organisation and ends, if at all, after it starts. A career
/// entry has no version of its own: the trainee's version guards his career, and every change of it increments that version.
/// </summary>
internal static class CareerRules
{
    public sealed record Clean(string Position, string Organisation, DateOnly StartDate, DateOnly? EndDate, bool Prominent);

    /// <summary>Whether the user follows this trainee's career: not found when out of his sight, forbidden when he does not.</summary>
    public static async Task AuthorizeAsync(CooperationDbContext db, Access access, int traineeId, CancellationToken ct)
    {
        var nationality = await (await access.VisibleTraineesAsync(db.Trainees.AsNoTracking(), ct))
            .Where(t => t.Id == traineeId).Select(t => (int?)t.NationalityId).SingleOrDefaultAsync(ct) ?? throw new RecordNotFoundException();
        ForbiddenException.ThrowUnless(await access.CanEditCareerAsync(nationality, ct));
    }

    /// <summary>The trainee, tracked, with his career, once the user may follow it.</summary>
    public static async Task<Trainee> TraineeAsync(CooperationDbContext db, Access access, int traineeId, CancellationToken ct)
    {
        await AuthorizeAsync(db, access, traineeId, ct);
        return await db.Trainees.Include(t => t.Career).SingleAsync(t => t.Id == traineeId, ct);
    }

    /// <summary>An entry of the trainee's career; not found when he has none of this id.</summary>
    public static CareerEntry Entry(Trainee trainee, int entryId) =>
        trainee.Career.FirstOrDefault(c => c.Id == entryId) ?? throw new RecordNotFoundException();

    public static Clean? Check(CareerInput input, FieldErrors errors)
    {
        var position = errors.Text("position", "Poste occupé", input.Position);
        var organisation = errors.Text("organisation", "Organisme", input.Organisation);
        var start = errors.Required("startDate", "Date de début", input.StartDate);
        if (start is { } s && input.EndDate is { } e && e < s) errors.Add("endDate", "trainees.careerEndBeforeStart");
        return errors.Any ? null : new Clean(position!, organisation!, start!.Value, input.EndDate, input.Prominent);
    }

    /// <summary>Checks the trainee's version the user read and makes the save increment it.</summary>
    public static void Guard(CooperationDbContext db, Trainee trainee, long? version)
    {
        var property = db.Entry(trainee).Property(t => t.Version);
        if (version is { } v) property.OriginalValue = v;
        property.IsModified = true;
    }
}
