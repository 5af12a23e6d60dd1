// Import benchmark: times the Excel import of 10,000 rows, validation included, through the use cases
// (ImportNominations, ImportTrainees) against a fresh SQLite database, migrated and loaded with the reference data.
//
//   dotnet run -c Release --project bench/Cooperation.ImportBench -- [rows=10000] [runs=3] [demo]
//
// "demo" loads the demo data at scale 1 first (ten years of training, some 24,000 trainees to match against).
// For each kind of import it generates an .xlsx file (French headers, as the template) in which one person in ten is
// already a trainee (to be reused), then imports it `runs` times (the first run includes the JIT's warm-up), each
// time into fresh sessions. A last run with the audit trail switched off shows what the audit costs; the application
// never switches it off.
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using ClosedXML.Excel;
using Cooperation.Web.Data;
using Cooperation.Web.Domain;
using Cooperation.Web.Features.Schools.Import;
using Cooperation.Web.Features.Schools.Results;
using Cooperation.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cooperation.ImportBench;

public static class ImportBench
{
    private static readonly string[] Invited = ["CI", "SN", "ML", "BF", "NE", "TG", "BJ", "CM", "GN", "TD"];
    private static readonly string[] Administrations = ["ARM", "INT", "JUS", "DOU"];
    private static readonly string[] LastNames = ["Kouassi", "Diop", "Traoré", "Ouédraogo", "Ndiaye", "Koné", "Mensah", "Abdou", "Camara", "Diallo", "Sow", "Yao", "Bamba", "Zongo", "Issoufou"];
    private static readonly string[] FirstNames = ["Aya", "Mamadou", "Fatou", "Issa", "Awa", "Moussa", "Mariam", "Ibrahim", "Adjoa", "Seydou", "Aminata", "Kofi"];

    public static async Task<int> Main(string[] args)
    {
        var rows = int.Parse(args.ElementAtOrDefault(0) ?? "10000", CultureInfo.InvariantCulture);
        var runs = int.Parse(args.ElementAtOrDefault(1) ?? "3", CultureInfo.InvariantCulture);
        var demo = args.ElementAtOrDefault(2) == "demo";
        var folder = Path.Combine(Path.GetTempPath(), "cooperation-importbench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration["Database:Provider"] = "Sqlite";
            builder.Configuration["ConnectionStrings:Cooperation"] = $"Data Source={Path.Combine(folder, "cooperation.db")}";
            builder.Configuration["Demo:Enabled"] = demo ? "true" : "false";
            builder.Configuration["Demo:Password"] = "Bench-Password-2026!";
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.AddCooperation();
            await using var app = builder.Build();
            var clock = Stopwatch.StartNew();
            await app.PrepareDatabaseAsync();
            Console.WriteLine($"Fresh SQLite database migrated and loaded with reference data{(demo ? " and demo data" : "")} in {clock.Elapsed.TotalSeconds:F1} s ({folder}).");
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr-FR");

            var random = new Random(2026);
            Console.WriteLine();
            Console.WriteLine($"Nominations: {rows:N0} rows into one open session, {Invited.Length} invited countries.");
            var nominations = new List<double>();
            for (var run = 0; run <= runs; run++)
            {
                var audited = run < runs;
                var session = await OpenSessionAsync(app.Services);
                var file = await NominationsFileAsync(app.Services, rows, random, run);
                var (elapsed, imported, refused) = await TimeAsync(app.Services, audited, sp =>
                    sp.GetRequiredService<ImportNominations>().HandleAsync(session, new MemoryStream(file)));
                Report(run, audited, elapsed, imported, refused, file.Length);
                if (audited) nominations.Add(elapsed.Wall.TotalSeconds);
            }

            Console.WriteLine();
            Console.WriteLine($"Past trainees: {rows:N0} rows into the past sessions of one school (one person in five on two sessions).");
            var trainees = new List<double>();
            for (var run = 0; run <= runs; run++)
            {
                var audited = run < runs;
                var (school, sessions) = await PastSessionsAsync(app.Services, rows, run);
                var file = await TraineesFileAsync(app.Services, rows, random, run, sessions);
                var (elapsed, imported, refused) = await TimeAsync(app.Services, audited, sp =>
                    sp.GetRequiredService<ImportTrainees>().HandleAsync(school, new MemoryStream(file)));
                Report(run, audited, elapsed, imported, refused, file.Length);
                if (audited) trainees.Add(elapsed.Wall.TotalSeconds);
            }

            Console.WriteLine();
            Console.WriteLine($"Result: {rows:N0} rows, nominations {nominations[0]:F2} s cold / {nominations.Skip(1).DefaultIfEmpty(nominations[0]).Min():F2} s warm; "
                              + $"past trainees {trainees[0]:F2} s cold / {trainees.Skip(1).DefaultIfEmpty(trainees[0]).Min():F2} s warm (budget: 5 s).");
            return nominations.Concat(trainees).Max() < 5 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static void Report(int run, bool audited, (TimeSpan Wall, TimeSpan Cpu) elapsed, ImportSummary? imported, InvalidImportException? refused,
        int bytes)
    {
        var what = imported is { } s
            ? $"{s.Rows:N0} rows, {s.NewTrainees:N0} new trainees, {s.ReusedTrainees:N0} reused"
            : $"REFUSED: {string.Join(" | ", refused!.Faults.Take(3).Select(e => $"row {e.Row} {e.Field}: {e.Message}"))}";
        var label = audited ? $"run {run + 1}{(run == 0 ? " (cold)" : "")}" : "audit off (measure only)";
        Console.WriteLine($"  {label,-26} {elapsed.Wall.TotalSeconds,6:F2} s (CPU {elapsed.Cpu.TotalSeconds,5:F2} s)   {what}; file {bytes / 1024:N0} KB");
    }

    /// <summary>Runs an import in its own scope, signed in as an administrator, and times it from the file's bytes to the commit.</summary>
    private static async Task<((TimeSpan Wall, TimeSpan Cpu), ImportSummary?, InvalidImportException?)> TimeAsync(IServiceProvider services, bool audited,
        Func<IServiceProvider, Task<ImportSummary>> import)
    {
        using var scope = services.CreateScope();
        var admin = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "bench"), new Claim(ClaimTypes.Name, "bench@local"), new Claim(ClaimTypes.Role, Roles.Administrator)], "bench"));
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = admin };
        scope.ServiceProvider.GetRequiredService<CooperationDbContext>().AuditEnabled = audited;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        ImportSummary? imported = null;
        InvalidImportException? refused = null;
        try { imported = await import(scope.ServiceProvider); }
        catch (InvalidImportException e) { refused = e; }
        return ((clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu), imported, refused);
    }

    private static async Task<int> OpenSessionAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperationDbContext>();
        var school = await db.RegionalSchools.FirstAsync(s => s.Acronym == "EMPABB");
        var course = new Course
        {
            SchoolId = school.Id, Code = "BENCH-" + Guid.NewGuid().ToString("N")[..6], TitleFr = "Session d'essai", TitleEn = "Bench session",
            DomainId = (await db.Domains.FirstAsync()).Id, Level = CourseLevel.Initial, DurationDays = 10,
        };
        var start = DateOnly.FromDateTime(DateTime.Today).AddDays(90);
        var session = new CourseSession { Course = course, StartDate = start, EndDate = start.AddDays(9), Place = school.City, Capacity = 40, Status = SessionStatus.Open };
        foreach (var id in await db.Countries.Where(c => Invited.Contains(c.Iso2)).Select(c => c.Id).ToListAsync())
            session.Quotas.Add(new SessionQuota { CountryId = id, Seats = 4 });
        db.CourseSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    /// <summary>A course with enough completed sessions over the past years for the rows, 40 seats each; their keys by row.</summary>
    private static async Task<(string School, List<(string Code, DateOnly Start)> Sessions)> PastSessionsAsync(IServiceProvider services, int rows, int run)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperationDbContext>();
        db.AuditEnabled = false;
        var school = await db.RegionalSchools.FirstAsync(s => s.Acronym == "EMPABB");
        var domain = (await db.Domains.FirstAsync()).Id;
        var keys = new List<(string, DateOnly)>();
        var needed = rows / 35 + 1;
        for (var c = 0; c * 50 < needed; c++)
        {
            var course = new Course
            {
                SchoolId = school.Id, Code = $"HIST{run}-{c:D2}", TitleFr = "Formation passée", TitleEn = "Past course",
                DomainId = domain, Level = CourseLevel.Initial, DurationDays = 5,
            };
            db.Courses.Add(course);
            for (var s = 0; s < 50 && keys.Count < needed; s++)
            {
                var start = new DateOnly(2016, 1, 4).AddDays(s * 7 * 8 / 5 + c);
                db.CourseSessions.Add(new CourseSession { Course = course, StartDate = start, EndDate = start.AddDays(4), Place = school.City, Capacity = 40, Status = SessionStatus.Completed });
                keys.Add((course.Code, start));
            }
        }
        await db.SaveChangesAsync();
        return (school.Acronym, keys);
    }

    private static (string Last, string First, DateOnly Birth, string Gender, string Country, string Administration) Person(Random random, int run, int i) =>
        ($"{LastNames[random.Next(LastNames.Length)]}-{run}x{i}", FirstNames[random.Next(FirstNames.Length)],
         new DateOnly(1965, 1, 1).AddDays(random.Next(0, 12000)), random.Next(100) < 27 ? "F" : "M",
         Invited[random.Next(Invited.Length)], Administrations[random.Next(Administrations.Length)]);

    /// <summary>One person in ten is made an existing trainee beforehand (written without audit, as the demo generator does).</summary>
    private static async Task SeedExistingAsync(IServiceProvider services, IEnumerable<(string Last, string First, DateOnly Birth, string Gender, string Country, string Administration)> people)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperationDbContext>();
        db.AuditEnabled = false;
        var countries = await db.Countries.ToDictionaryAsync(c => c.Iso2, c => c.Id);
        var administrations = await db.Administrations.ToDictionaryAsync(a => a.Code, a => a.Id);
        foreach (var p in people)
            db.Trainees.Add(new Trainee
            {
                FirstName = p.First, LastName = p.Last, NormalizedName = Trainee.Normalize(p.First, p.Last), BirthDate = p.Birth,
                Gender = p.Gender == "F" ? Gender.Female : Gender.Male, NationalityId = countries[p.Country], AdministrationId = administrations[p.Administration],
            });
        await db.SaveChangesAsync();
    }

    private static async Task<byte[]> NominationsFileAsync(IServiceProvider services, int rows, Random random, int run)
    {
        var people = Enumerable.Range(0, rows).Select(i => Person(random, run, i)).ToList();
        await SeedExistingAsync(services, people.Where((_, i) => i % 10 == 0));
        return Workbook([.. ImportColumns.Identity.Select(c => c.Fr)],
            people.Select(p => new object[] { p.Last, p.First, p.Birth, p.Gender, p.Country, p.Administration, "Capitaine", "Chef de section", "" }));
    }

    private static async Task<byte[]> TraineesFileAsync(IServiceProvider services, int rows, Random random, int run, List<(string Code, DateOnly Start)> sessions)
    {
        // Each session takes 35 rows at most (40 seats); one person in five also attended the next session.
        var people = new List<(string Last, string First, DateOnly Birth, string Gender, string Country, string Administration)>();
        var lines = new List<object[]>(rows);
        for (var i = 0; lines.Count < rows; i++)
        {
            var p = Person(random, run + 100, i);
            people.Add(p);
            var attended = i % 5 == 0 && lines.Count + 1 < rows ? 2 : 1;
            for (var k = 0; k < attended; k++)
            {
                var (code, start) = sessions[(lines.Count / 35 + k) % sessions.Count];
                var passed = random.Next(100) < 85;
                lines.Add([p.Last, p.First, p.Birth, p.Gender, p.Country, p.Administration, "Lieutenant", "Adjoint", "",
                    code, start, passed ? "Réussi" : "Échoué", passed && k == 0 ? CertificateCodes.New() : ""]);
            }
        }
        await SeedExistingAsync(services, people.Where((_, i) => i % 10 == 0));
        return Workbook([.. ImportColumns.For(ImportKind.Trainees).Select(c => c.Fr)], lines);
    }

    private static byte[] Workbook(string[] headers, IEnumerable<object[]> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Données");
        for (var c = 0; c < headers.Length; c++) sheet.Cell(1, c + 1).Value = headers[c];
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] is DateOnly d) sheet.Cell(r, c + 1).Value = d.ToDateTime(TimeOnly.MinValue);
                else if (row[c] is string { Length: > 0 } s) sheet.Cell(r, c + 1).SetValue(s);
            }
            r++;
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
