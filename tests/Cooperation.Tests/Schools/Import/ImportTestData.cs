using ClosedXML.Excel;
using Cooperation.Tests.Infrastructure;
using Cooperation.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Tests.Schools.Import;

/// <summary>The training demo accounts: the director of EMPABB (Bamako), the liaison officer of Côte d'Ivoire.</summary>
public static class TrainingAccounts
{
    public const string SchoolDirector = "school.director@demo.local";
    public const string LiaisonCi = "liaison.ci@demo.local";
}

/// <summary>A row of an import file, by column header; values as a user would type them.</summary>
public sealed record Candidate(string LastName, string FirstName, object? BirthDate, string Gender, string Nationality, string Administration,
    string Rank = "Capitaine", string Position = "Chef de section", string? Email = null);

public static class ImportTestData
{
    public static readonly string[] FrenchIdentityHeaders =
        ["Nom", "Prénom", "Date de naissance (AAAA-MM-JJ)", "Sexe (F/M)", "Nationalité (code ISO2)", "Administration (ARM, INT, JUS, DOU, ECO)", "Grade", "Fonction", "Courriel"];
    public static readonly string[] EnglishIdentityHeaders =
        ["Last name", "First name", "Birth date (YYYY-MM-DD)", "Gender (F/M)", "Nationality (ISO2 code)", "Administration (ARM, INT, JUS, DOU, ECO)", "Rank", "Position", "Email"];
    public static readonly string[] FrenchTraineeHeaders =
        [.. FrenchIdentityHeaders, "Code de la formation", "Début de la session (AAAA-MM-JJ)", "Résultat", "Code du certificat"];

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now.Date);

    /// <summary>A short unique suffix, so that each test's people and courses are its own.</summary>
    public static string Unique() => Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    /// <summary>An .xlsx file: a header row and rows of cells (a DateOnly cell is written as an Excel date).</summary>
    public static byte[] Workbook(string[] headers, IEnumerable<object?[]> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Données");
        for (var c = 0; c < headers.Length; c++) sheet.Cell(1, c + 1).Value = headers[c];
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                var cell = sheet.Cell(r, c + 1);
                switch (row[c])
                {
                    case null: break;
                    case DateOnly d: cell.Value = d.ToDateTime(TimeOnly.MinValue); break;
                    case var v: cell.SetValue(v.ToString()); break;
                }
            }
            r++;
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public static byte[] Nominations(IEnumerable<Candidate> candidates, bool english = false) =>
        Workbook(english ? EnglishIdentityHeaders : FrenchIdentityHeaders,
            candidates.Select(c => new object?[] { c.LastName, c.FirstName, c.BirthDate, c.Gender, c.Nationality, c.Administration, c.Rank, c.Position, c.Email }));

    public static MultipartFormDataContent Upload(byte[] file, string field = "file")
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(part, field, "import.xlsx");
        return content;
    }

    /// <summary>A course of its own at a school, and a session of it; open to nominations unless told otherwise, with quotas by ISO2.</summary>
    public static Task<int> SessionAsync(this CooperationFactory factory, string school = "EMPABB", SessionStatus status = SessionStatus.Open,
        DateOnly? start = null, int capacity = 30, IDictionary<string, int>? quotas = null, string[]? audience = null, string? courseCode = null) =>
        factory.WithDbAsync(async db =>
        {
            var schoolRecord = await db.RegionalSchools.SingleAsync(s => s.Acronym == school);
            var domain = await db.Domains.OrderBy(d => d.Id).FirstAsync();
            var course = new Course
            {
                SchoolId = schoolRecord.Id, Code = courseCode ?? "IMP-" + Unique(), TitleFr = "Formation d'essai", TitleEn = "Test course",
                DomainId = domain.Id, Level = CourseLevel.Initial, DurationDays = 10,
                Audience = audience is null ? [] : await db.Administrations.Where(a => audience.Contains(a.Code)).ToListAsync(),
            };
            var from = start ?? Today.AddDays(60);
            var session = new CourseSession { Course = course, StartDate = from, EndDate = from.AddDays(9), Place = schoolRecord.City, Capacity = capacity, Status = status };
            foreach (var (iso2, seats) in quotas ?? new Dictionary<string, int> { ["CI"] = 5, ["SN"] = 5 })
                session.Quotas.Add(new SessionQuota { CountryId = await db.Countries.Where(c => c.Iso2 == iso2).Select(c => c.Id).SingleAsync(), Seats = seats });
            db.CourseSessions.Add(session);
            await db.SaveChangesAsync();
            return session.Id;
        });

    public static Task<string> CourseCodeAsync(this CooperationFactory factory, int sessionId) =>
        factory.WithDbAsync(db => db.CourseSessions.Where(s => s.Id == sessionId).Select(s => s.Course!.Code).SingleAsync());

    public static Task<(int Trainees, int Nominations)> CountsAsync(this CooperationFactory factory) =>
        factory.WithDbAsync(async db => (await db.Trainees.CountAsync(), await db.Nominations.CountAsync()));
}
