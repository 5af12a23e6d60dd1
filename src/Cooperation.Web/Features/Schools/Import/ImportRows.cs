using System.Globalization;
using System.Net.Mail;

namespace Cooperation.Web.Features.Schools.Import;

/// <summary>The data rows of an import file, its columns found by their headers in either language.</summary>
public sealed class ImportSheet
{
    public const int MaxRows = 20_000;
    public const int MaxMegabytes = 10;

    private readonly Dictionary<ImportColumn, int> _columns;

    private ImportSheet(Dictionary<ImportColumn, int> columns, List<SheetRow> rows) => (_columns, Rows) = (columns, rows);

    public IReadOnlyList<SheetRow> Rows { get; }

    /// <summary>The cell's text, trimmed; null when empty or when the optional column is absent.</summary>
    public string? Value(SheetRow row, ImportColumn column) =>
        _columns.TryGetValue(column, out var i) && row[i] is { } v && v.Trim() is { Length: > 0 } t ? t : null;

    /// <summary>Reads the file, or records why it cannot be used (not a workbook, a column missing, no row, too many rows).</summary>
    public static ImportSheet? Open(Stream file, ImportKind kind, ImportErrors errors)
    {
        List<SheetRow> rows;
        try { rows = SpreadsheetRows.Read(file, MaxRows + 2); }
        catch (SpreadsheetRows.NotASpreadsheetException)
        {
            errors.File("file", "import.notSpreadsheet");
            return null;
        }
        if (rows.Count == 0)
        {
            errors.File("file", "import.empty");
            return null;
        }
        var header = rows[0];
        var columns = new Dictionary<ImportColumn, int>(ReferenceEqualityComparer.Instance);
        foreach (var column in ImportColumns.For(kind))
        {
            var index = Array.FindIndex(header.Cells, h => h is not null && column.Matches(h));
            if (index >= 0) columns[column] = index;
            else if (column.Required) errors.File("file", "import.missingColumn", column.Header);
        }
        if (errors.Any) return null;
        if (rows.Count == 1) errors.File("file", "import.empty");
        else if (rows.Count > MaxRows + 1) errors.File("file", "import.tooManyRows", MaxRows);
        return errors.Any ? null : new ImportSheet(columns, rows.GetRange(1, rows.Count - 1));
    }
}

/// <summary>One person is one trainee: the same normalised name, birth date and nationality.</summary>
public readonly record struct PersonKey(string NormalizedName, DateOnly BirthDate, int NationalityId);

/// <summary>The identity columns of a row, read and checked.</summary>
public sealed record CandidateIdentity(
    string FirstName, string LastName, DateOnly BirthDate, Gender Gender, int NationalityId, string NationalityCode,
    int AdministrationId, string AdministrationCode, string Rank, string Position, string? Email)
{
    public string NormalizedName { get; } = Trainee.Normalize(FirstName, LastName);
    public PersonKey Key => new(NormalizedName, BirthDate, NationalityId);

    /// <summary>A nomination tells where the person stands today: a promotion or a new position since his last session.</summary>
    public void UpdateCurrentPosition(Trainee trainee)
    {
        if (Rank.Length > 0) trainee.Rank = Rank;
        if (Position.Length > 0) trainee.Position = Position;
        if (Email is not null) trainee.Email = Email;
    }

    public Trainee NewTrainee() => new()
    {
        FirstName = FirstName, LastName = LastName, NormalizedName = NormalizedName, BirthDate = BirthDate, Gender = Gender,
        NationalityId = NationalityId, AdministrationId = AdministrationId, Rank = Rank, Position = Position, Email = Email,
    };
}

/// <summary>The reference codes a file may use, loaded once per import; and the reading of a row's identity.</summary>
public sealed class ImportReferences
{
    private readonly Dictionary<string, int> _countries;
    private readonly Dictionary<string, int> _administrations;

    private ImportReferences(Dictionary<string, int> countries, Dictionary<string, int> administrations) =>
        (_countries, _administrations) = (countries, administrations);

    public static async Task<ImportReferences> LoadAsync(CooperationDbContext db, CancellationToken ct) => new(
        await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Iso2, c => c.Id, StringComparer.OrdinalIgnoreCase, ct),
        await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Id, StringComparer.OrdinalIgnoreCase, ct));

    /// <summary>The row's identity, or null after recording every faulty column of it.</summary>
    public CandidateIdentity? ReadIdentity(ImportSheet sheet, SheetRow row, ImportErrors errors, DateOnly today)
    {
        var before = errors.Count;
        var lastName = Name(ImportColumns.LastName);
        var firstName = Name(ImportColumns.FirstName);
        if (lastName is not null && firstName is not null && Trainee.Normalize(firstName, lastName).Length == 0)
        {
            errors.Row(row.Number, ImportColumns.LastName, lastName, "import.required", ImportColumns.LastName.Header);
            lastName = null;
        }

        var birthText = sheet.Value(row, ImportColumns.BirthDate);
        DateOnly birthDate = default;
        if (Required(ImportColumns.BirthDate, birthText))
        {
            var earliest = today.AddYears(-90);
            var latest = today.AddYears(-16);
            if (ImportValues.Date(birthText) is not { } d)
                errors.Row(row.Number, ImportColumns.BirthDate, birthText, "import.date", birthText!);
            else if (d < earliest || d > latest)
                errors.Row(row.Number, ImportColumns.BirthDate, birthText, "import.birthDateImplausible", Iso(earliest), Iso(latest));
            else birthDate = d;
        }

        var genderText = sheet.Value(row, ImportColumns.Gender);
        Gender gender = default;
        if (Required(ImportColumns.Gender, genderText))
        {
            if (ImportValues.Gender(genderText) is { } g) gender = g;
            else errors.Row(row.Number, ImportColumns.Gender, genderText, "import.gender");
        }

        var nationalityText = sheet.Value(row, ImportColumns.Nationality);
        var nationalityId = 0;
        if (Required(ImportColumns.Nationality, nationalityText) && !_countries.TryGetValue(nationalityText!, out nationalityId))
            errors.Row(row.Number, ImportColumns.Nationality, nationalityText, "import.unknownCountry", nationalityText!);

        var administrationText = sheet.Value(row, ImportColumns.Administration);
        var administrationId = 0;
        if (Required(ImportColumns.Administration, administrationText) && !_administrations.TryGetValue(administrationText!, out administrationId))
            errors.Row(row.Number, ImportColumns.Administration, administrationText, "import.unknownAdministration", administrationText!);

        var rank = Optional(ImportColumns.Rank, 100);
        var position = Optional(ImportColumns.Position, 200);
        var email = Optional(ImportColumns.Email, 256);
        if (email is not null && !(MailAddress.TryCreate(email, out var address) && address.Address == email && email.Contains('.', StringComparison.Ordinal)))
        {
            errors.Row(row.Number, ImportColumns.Email, email, "import.email", email);
            email = null;
        }

        if (errors.Count > before) return null;
        return new CandidateIdentity(firstName!, lastName!, birthDate, gender, nationalityId, nationalityText!.ToUpperInvariant(),
            administrationId, administrationText!.ToUpperInvariant(), rank ?? "", position ?? "", email);

        bool Required(ImportColumn column, string? value)
        {
            if (value is not null) return true;
            errors.Row(row.Number, column, null, "import.required", column.Header);
            return false;
        }

        string? Name(ImportColumn column)
        {
            var value = sheet.Value(row, column);
            if (!Required(column, value)) return null;
            if (value!.Length <= 100) return value;
            errors.Row(row.Number, column, value, "import.tooLong", column.Header, 100);
            return null;
        }

        string? Optional(ImportColumn column, int max)
        {
            var value = sheet.Value(row, column);
            if (value is null || value.Length <= max) return value;
            errors.Row(row.Number, column, value, "import.tooLong", column.Header, max);
            return null;
        }
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The values of the coded columns, as people type them.</summary>
public static class ImportValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "yyyy/MM/dd", "dd.MM.yyyy", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>An ISO or day-first date written as text, or an Excel date (its serial number).</summary>
    public static DateOnly? Date(string? value)
    {
        if (value is null) return null;
        if (DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var text))
            return DateOnly.FromDateTime(text);
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466
            && serial == Math.Floor(serial))
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        return null;
    }

    public static Gender? Gender(string? value) => Text.NormalizeName(value ?? "") switch
    {
        "F" or "FEMME" or "FEMALE" or "FEMININ" => Domain.Gender.Female,
        "M" or "H" or "HOMME" or "MALE" or "MASCULIN" => Domain.Gender.Male,
        _ => null,
    };

    public static TrainingResult? Result(string? value)
    {
        var v = Text.NormalizeName(value ?? "");
        foreach (var (fr, en, result, _, _) in ImportColumns.Results)
            if (v == Text.NormalizeName(fr) || v == Text.NormalizeName(en) || v == result.ToString().ToUpperInvariant())
                return result;
        return null;
    }
}

/// <summary>Finds the trainees a file names who already exist: one query per batch of names, on the matching index.</summary>
public static class ExistingTrainees
{
    private const int BatchSize = 500;

    /// <summary>The existing trainees among the persons, tracked (a nomination refers to them), by person.</summary>
    public static async Task<Dictionary<PersonKey, Trainee>> FindAsync(CooperationDbContext db, IReadOnlyCollection<PersonKey> persons,
        CancellationToken ct)
    {
        var wanted = persons.ToHashSet();
        var found = new Dictionary<PersonKey, Trainee>();
        foreach (var batch in wanted.Select(p => p.NormalizedName).Distinct().Chunk(BatchSize))
        {
            var names = batch.ToList();
            foreach (var trainee in await db.Trainees.Where(t => names.Contains(t.NormalizedName)).ToListAsync(ct))
            {
                var key = new PersonKey(trainee.NormalizedName, trainee.BirthDate, trainee.NationalityId);
                if (wanted.Contains(key)) found.TryAdd(key, trainee);
            }
        }
        return found;
    }
}
