using Cooperation.Tests.Infrastructure;
using Cooperation.Web.Data;
using Cooperation.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cooperation.Tests.Schools.Catalogue;

/// <summary>The training demo accounts, and accounts of the tests' own.</summary>
public static class TrainingAccounts
{
    /// <summary>Director of EMPABB (Bamako, Mali).</summary>
    public const string SchoolDirector = "school.director@demo.local";
    /// <summary>Liaison officer of Côte d'Ivoire.</summary>
    public const string LiaisonCi = "liaison.ci@demo.local";
    /// <summary>Director of CPADD (Ouidah, Benin): another school.</summary>
    public const string DirectorCpadd = "director.cpadd@test.local";
    /// <summary>Liaison officer of Senegal.</summary>
    public const string LiaisonSn = "liaison.sn@test.local";
}

/// <summary>Accounts and records the catalogue and session tests create for themselves, each with names of its own.</summary>
public static class TrainingTestData
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now.Date);

    /// <summary>Creates the training accounts the demo data does not hold (yet): idempotent.</summary>
    public static async Task EnsureAccountsAsync(this CooperationFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<CooperationDbContext>();
        async Task EnsureAsync(string email, string role, int? schoolId = null, int? countryId = null)
        {
            if (await users.FindByEmailAsync(email) is not null) return;
            var user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = email,
                ScopeSchoolId = schoolId, ScopeCountryId = countryId,
            };
            (await users.CreateAsync(user, CooperationFactory.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        }
        var schools = await db.RegionalSchools.Where(s => s.Acronym == "EMPABB" || s.Acronym == "CPADD").ToDictionaryAsync(s => s.Acronym, s => s.Id);
        var countries = await db.Countries.Where(c => c.Iso2 == "CI" || c.Iso2 == "SN").ToDictionaryAsync(c => c.Iso2, c => c.Id);
        await EnsureAsync(TrainingAccounts.SchoolDirector, Roles.SchoolDirector, schoolId: schools["EMPABB"]);
        await EnsureAsync(TrainingAccounts.DirectorCpadd, Roles.SchoolDirector, schoolId: schools["CPADD"]);
        await EnsureAsync(TrainingAccounts.LiaisonCi, Roles.LiaisonOfficer, countryId: countries["CI"]);
        await EnsureAsync(TrainingAccounts.LiaisonSn, Roles.LiaisonOfficer, countryId: countries["SN"]);
    }

    /// <summary>A course of a school's catalogue, written straight to the database.</summary>
    public static Task<int> CourseAsync(this CooperationFactory factory, string school, string code, string domain = "PEACEKEEPING",
        string[]? audience = null, bool active = true) =>
        factory.WithDbAsync(async db =>
        {
            var codes = audience ?? ["ARM", "INT"];
            var course = new Course
            {
                SchoolId = await db.RegionalSchools.Where(s => s.Acronym == school).Select(s => s.Id).SingleAsync(),
                Code = code, TitleFr = $"Cours d'essai {code}", TitleEn = $"Test course {code}",
                DomainId = await db.Domains.Where(d => d.Code == domain).Select(d => d.Id).SingleAsync(),
                Level = CourseLevel.Intermediate, DurationDays = 12, Languages = "fr", Active = active,
                Audience = await db.Administrations.Where(a => codes.Contains(a.Code)).ToListAsync(),
            };
            db.Courses.Add(course);
            await db.SaveChangesAsync();
            return course.Id;
        });

    /// <summary>A session of a course with quotas (ISO2 → seats), written straight to the database.</summary>
    public static Task<int> SessionAsync(this CooperationFactory factory, int courseId, DateOnly start, int capacity = 20,
        SessionStatus status = SessionStatus.Planned, params (string Iso2, int Seats)[] quotas) =>
        factory.WithDbAsync(async db =>
        {
            var session = new CourseSession
            {
                CourseId = courseId, StartDate = start, EndDate = start.AddDays(11), Place = "Bamako", Capacity = capacity, Status = status,
            };
            foreach (var (iso2, seats) in quotas)
                session.SetQuota(await db.Countries.Where(c => c.Iso2 == iso2).Select(c => c.Id).SingleAsync(), seats);
            db.CourseSessions.Add(session);
            await db.SaveChangesAsync();
            return session.Id;
        });
}
