using ClosedXML.Excel;

namespace Cooperation.Tests.Schools.Import;

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

    public static Task<string> CourseCodeAsync(this CooperationFactory factory, int sessionId) =>
        factory.WithDbAsync(db => db.CourseSessions.Where(s => s.Id == sessionId).Select(s => s.Course!.Code).SingleAsync());

    public static Task<(int Trainees, int Nominations)> CountsAsync(this CooperationFactory factory) =>
        factory.WithDbAsync(async db => (await db.Trainees.CountAsync(), await db.Nominations.CountAsync()));
}
