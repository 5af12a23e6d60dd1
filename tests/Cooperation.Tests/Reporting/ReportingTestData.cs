namespace Cooperation.Tests.Reporting;

/// <summary>Training records the Reporting tests add to the demo data, each test its own.</summary>
public static class ReportingTestData
{
    /// <summary>The year the dashboard's training figures cover: the previous calendar year.</summary>
    public static int LastYear => Today.Year - 1;

    /// <summary>Distinct trainees accepted to the sessions (not cancelled) that started in a year, counted from the tables.</summary>
    public static Task<decimal> AcceptedTraineesAsync(this CooperationFactory factory, int year) => factory.WithDbAsync(async db =>
        (decimal)await db.Nominations.Where(n => n.Status == NominationStatus.Accepted && n.Session!.Status != SessionStatus.Cancelled
                && n.Session.StartDate >= new DateOnly(year, 1, 1) && n.Session.StartDate <= new DateOnly(year, 12, 31))
            .Select(n => n.TraineeId).Distinct().CountAsync());

    /// <summary>A session of its own at a school, starting on the day given, with trainees: (gender, status) each.</summary>
    public static Task<int> SessionWithTraineesAsync(this CooperationFactory factory, string school, DateOnly start, int capacity, SessionStatus status, params (Gender Gender, NominationStatus Status)[] trainees) =>
        factory.WithDbAsync(async db =>
        {
            var sessionId = (await factory.SessionAsync(school: school, status: status, start: start, capacity: capacity)).Id;
            var ci = await db.Countries.Where(c => c.Iso2 == "CI").Select(c => c.Id).SingleAsync();
            var arm = await db.Administrations.Where(a => a.Code == "ARM").Select(a => a.Id).SingleAsync();
            var suffix = Unique(6);
            var i = 0;
            foreach (var (gender, nominationStatus) in trainees)
            {
                var trainee = new Trainee
                {
                    FirstName = $"Test{i}", LastName = $"Figures-{suffix}", NormalizedName = Trainee.Normalize($"Test{i}", $"Figures-{suffix}"),
                    BirthDate = new DateOnly(1980, 1, 1).AddDays(i++), Gender = gender, NationalityId = ci, AdministrationId = arm,
                };
                db.Nominations.Add(new Nomination
                {
                    SessionId = sessionId, Trainee = trainee, CountryId = ci, Status = nominationStatus, Screening = ScreeningStatus.Cleared,
                    SubmittedAt = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-30),
                });
            }
            await db.SaveChangesAsync();
            return sessionId;
        });
}
