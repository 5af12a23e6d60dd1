using Cooperation.Tests.Infrastructure;
using Cooperation.Web.Data;
using Cooperation.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cooperation.Tests.Schools.Trainees;

/// <summary>The training demo accounts (school director of EMPABB, liaison officer of Côte d'Ivoire).</summary>
public static class TrainingAccounts
{
    public const string SchoolDirector = "school.director@demo.local";
    public const string LiaisonCi = "liaison.ci@demo.local";

    /// <summary>Creates the two accounts when the demo data does not (yet) hold them.</summary>
    public static async Task EnsureAsync(CooperationFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<CooperationDbContext>();
        if (await users.FindByEmailAsync(SchoolDirector) is null)
        {
            var school = await db.RegionalSchools.SingleAsync(s => s.Acronym == "EMPABB");
            await CreateAsync(users, SchoolDirector, Roles.SchoolDirector, u => u.ScopeSchoolId = school.Id);
        }
        if (await users.FindByEmailAsync(LiaisonCi) is null)
        {
            var ci = await db.Countries.SingleAsync(c => c.Iso2 == "CI");
            await CreateAsync(users, LiaisonCi, Roles.LiaisonOfficer, u => u.ScopeCountryId = ci.Id);
        }
    }

    private static async Task CreateAsync(UserManager<AppUser> users, string email, string role, Action<AppUser> scope)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        scope(user);
        (await users.CreateAsync(user, CooperationFactory.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
    }
}

/// <summary>A trainee created for a test: his id, his names (unique to the test), and his nominations by session.</summary>
public sealed record TestTrainee(int Id, string FirstName, string LastName, string Nationality);

public sealed record TestSession(int Id, string CourseCode, string TitleFr, string TitleEn, string School);

/// <summary>
/// Sessions, trainees and nominations built through the domain's own methods (nominate, screen, accept), so that tests
/// do not depend on the demo data's training part.
/// </summary>
public static class TrainingData
{
    private static int _counter;

    public static string Unique() => Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    /// <summary>A session of a new course of the school, open, with quotas for the invited countries.</summary>
    public static Task<TestSession> SessionAsync(CooperationFactory factory, string school = "EMPABB", string domain = "PEACEKEEPING",
        DateOnly? start = null, params string[] invited) =>
        factory.WithDbAsync(async db =>
        {
            var s = await db.RegionalSchools.SingleAsync(x => x.Acronym == school);
            var d = await db.Domains.SingleAsync(x => x.Code == domain);
            var n = Interlocked.Increment(ref _counter);
            var code = $"TST-{Unique()}";
            var course = new Course
            {
                SchoolId = s.Id, Code = code, TitleFr = $"Stage d'essai {n} {code}", TitleEn = $"Trial course {n} {code}", DomainId = d.Id,
                Level = CourseLevel.Intermediate, DurationDays = 12, Languages = "fr",
            };
            var begin = start ?? new DateOnly(2024, 3, 4);
            var session = new CourseSession { Course = course, StartDate = begin, EndDate = begin.AddDays(11), Place = s.City, Capacity = 20 };
            var countries = invited.Length == 0 ? ["SN", "CI"] : invited;
            foreach (var iso2 in countries)
                session.SetQuota((await db.Countries.SingleAsync(c => c.Iso2 == iso2)).Id, 20 / countries.Length);
            session.OpenNominations();
            db.Courses.Add(course);
            db.CourseSessions.Add(session);
            await db.SaveChangesAsync();
            return new TestSession(session.Id, code, course.TitleFr, course.TitleEn, school);
        });

    public static Task<TestTrainee> TraineeAsync(CooperationFactory factory, string nationality = "SN", Gender gender = Gender.Female,
        string administration = "ARM") =>
        factory.WithDbAsync(async db =>
        {
            var token = Unique();
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
    public static Task<int> NominateAsync(CooperationFactory factory, int sessionId, TestTrainee trainee, bool accept = true) =>
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

    /// <summary>Records attendance and a pass, and optionally issues a certificate: the code, or null.</summary>
    public static Task<string?> PassAsync(CooperationFactory factory, int nominationId, bool certify = true) =>
        factory.WithDbAsync(async db =>
        {
            var n = await db.Nominations.SingleAsync(x => x.Id == nominationId);
            n.RecordAttendance(true);
            n.RecordResult(TrainingResult.Passed);
            if (certify) n.IssueCertificate(Cooperation.Web.Features.Schools.Results.CertificateCodes.New(), DateTime.UtcNow);
            await db.SaveChangesAsync();
            return n.CertificateCode;
        });

    public static Task<int> CareerAsync(CooperationFactory factory, int traineeId, string position, DateOnly start, DateOnly? end, bool prominent) =>
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
