using Microsoft.AspNetCore.Identity;

namespace Cooperation.Tests.Infrastructure;

/// <summary>A session a test made for itself, with the course it runs.</summary>
public sealed record TestSession(int Id, int CourseId, string CourseCode, string TitleFr, string TitleEn, string School);

/// <summary>A trainee a test made for itself: names of its own, so that tests do not see each other's writes.</summary>
public sealed record TestTrainee(int Id, string FirstName, string LastName, string Nationality);

/// <summary>
/// Courses, sessions, trainees and their nominations, written straight to the database through the domain's own
/// methods (nominate, screen, accept, record a result), so that tests do not depend on the demo data's training part.
/// </summary>
public static class TrainingBuilder
{
    private static int _counter;

    /// <summary>Creates the accounts of <see cref="TestAccounts"/>: idempotent.</summary>
    public static async Task EnsureTestAccountsAsync(this CooperationFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<CooperationDbContext>();
        async Task EnsureAsync(string email, string role, int? schoolId = null, int? countryId = null)
        {
            if (await users.FindByEmailAsync(email) is not null) return;
            var user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, ScopeSchoolId = schoolId, ScopeCountryId = countryId,
            };
            (await users.CreateAsync(user, CooperationFactory.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        }
        await EnsureAsync(TestAccounts.DirectorCpadd, Roles.SchoolDirector,
            schoolId: await db.RegionalSchools.Where(s => s.Acronym == "CPADD").Select(s => s.Id).SingleAsync());
        await EnsureAsync(TestAccounts.LiaisonSn, Roles.LiaisonOfficer,
            countryId: await db.Countries.Where(c => c.Iso2 == "SN").Select(c => c.Id).SingleAsync());
    }

    /// <summary>A course of a school's catalogue.</summary>
    public static Task<int> CourseAsync(this CooperationFactory factory, string school = "EMPABB", string? code = null,
        string domain = "PEACEKEEPING", string[]? audience = null, bool active = true) =>
        factory.WithDbAsync(async db =>
        {
            var course = await NewCourseAsync(db, school, code, domain, audience ?? ["ARM", "INT"]);
            course.Active = active;
            db.Courses.Add(course);
            await db.SaveChangesAsync();
            return course.Id;
        });

    /// <summary>
    /// A session of a course (a new one of the school's catalogue unless <paramref name="courseId"/> is given), open to
    /// nominations in two months unless told otherwise, with quotas by ISO2 code (Senegal and Côte d'Ivoire, 10 seats
    /// each, by default). Quotas are written as given: a capacity below them is how a session gets too few seats.
    /// </summary>
    public static Task<TestSession> SessionAsync(this CooperationFactory factory, string school = "EMPABB",
        SessionStatus status = SessionStatus.Open, DateOnly? start = null, int capacity = 20, Dictionary<string, int>? quotas = null,
        string domain = "PEACEKEEPING", string[]? audience = null, string? courseCode = null, int? courseId = null) =>
        factory.WithDbAsync(async db =>
        {
            var course = courseId is { } id
                ? await db.Courses.Include(c => c.School).SingleAsync(c => c.Id == id)
                : await NewCourseAsync(db, school, courseCode, domain, audience ?? []);
            var from = start ?? TestData.Today.AddDays(60);
            var session = new CourseSession
            {
                Course = course, StartDate = from, EndDate = from.AddDays(11), Place = course.School!.City, Capacity = capacity, Status = status,
            };
            foreach (var (iso2, seats) in quotas ?? new Dictionary<string, int> { ["SN"] = 10, ["CI"] = 10 })
                session.Quotas.Add(new SessionQuota { CountryId = await db.Countries.Where(c => c.Iso2 == iso2).Select(c => c.Id).SingleAsync(), Seats = seats });
            db.CourseSessions.Add(session);
            await db.SaveChangesAsync();
            return new TestSession(session.Id, course.Id, course.Code, course.TitleFr, course.TitleEn, course.School.Acronym);
        });

    private static async Task<Course> NewCourseAsync(CooperationDbContext db, string school, string? code, string domain, string[] audience)
    {
        var n = Interlocked.Increment(ref _counter);
        code ??= $"TST-{TestData.Unique()}";
        return new Course
        {
            School = await db.RegionalSchools.SingleAsync(s => s.Acronym == school),
            Code = code, TitleFr = $"Cours d'essai {code}", TitleEn = $"Test course {code}",
            DomainId = await db.Domains.Where(d => d.Code == domain).Select(d => d.Id).SingleAsync(),
            Level = CourseLevel.Intermediate, DurationDays = 12, Languages = n % 2 == 0 ? "fr" : "fr,en",
            Audience = await db.Administrations.Where(a => audience.Contains(a.Code)).ToListAsync(),
        };
    }

    /// <summary>A trainee of a nationality, born on 17 May 1984, with a name of his own.</summary>
    public static Task<TestTrainee> TraineeAsync(this CooperationFactory factory, string nationality = "SN", Gender gender = Gender.Female,
        string administration = "ARM") =>
        factory.WithDbAsync(async db =>
        {
            var token = TestData.Unique();
            var first = gender == Gender.Female ? "Aminata" : "Moussa";
            var last = $"Diallo{token}";
            var trainee = new Trainee
            {
                FirstName = first, LastName = last, NormalizedName = Trainee.Normalize(first, last), BirthDate = new DateOnly(1984, 5, 17),
                Gender = gender, NationalityId = (await db.Countries.SingleAsync(c => c.Iso2 == nationality)).Id,
                AdministrationId = (await db.Administrations.SingleAsync(a => a.Code == administration)).Id,
                Rank = "Commandant", Position = "Chef de bureau opérations", Email = $"{token.ToLowerInvariant()}@example.org",
            };
            db.Trainees.Add(trainee);
            await db.SaveChangesAsync();
            return new TestTrainee(trainee.Id, first, last, nationality);
        });

    /// <summary>Nominates the trainee for his country; with <paramref name="accept"/>, clears the screening and accepts him.</summary>
    public static Task<int> NominateAsync(this CooperationFactory factory, int sessionId, TestTrainee trainee, bool accept = true) =>
        factory.WithDbAsync(async db =>
        {
            var session = await db.CourseSessions.Include(s => s.Quotas).Include(s => s.Nominations).SingleAsync(s => s.Id == sessionId);
            var t = await db.Trainees.SingleAsync(x => x.Id == trainee.Id);
            var now = DateTime.UtcNow;
            var nomination = session.Nominate(t, t.NationalityId, now, null);
            if (accept)
            {
                nomination.Screen(ScreeningStatus.Cleared, now, "test");
                session.Accept(nomination, now, "test");
            }
            await db.SaveChangesAsync();
            return nomination.Id;
        });

    /// <summary>Records attendance and a pass, and optionally issues a certificate: its code, or null.</summary>
    public static Task<string?> PassAsync(this CooperationFactory factory, int nominationId, bool certify = true) =>
        factory.WithDbAsync(async db =>
        {
            var n = await db.Nominations.Include(x => x.Session).SingleAsync(x => x.Id == nominationId);
            n.RecordOutcome(true, TrainingResult.Passed, n.Session!.EndDate, n.Session.EndDate);
            if (certify) n.IssueCertificate(Cooperation.Web.Features.Schools.Results.CertificateCodes.New(), DateTime.UtcNow);
            await db.SaveChangesAsync();
            return n.CertificateCode;
        });

    public static Task<int> CareerAsync(this CooperationFactory factory, int traineeId, string position, DateOnly start, DateOnly? end, bool prominent) =>
        factory.WithDbAsync(async db =>
        {
            var entry = new CareerEntry
            {
                TraineeId = traineeId, Position = position, Organisation = "État-major général des armées", StartDate = start, EndDate = end,
                Prominent = prominent,
            };
            db.CareerEntries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });
}
