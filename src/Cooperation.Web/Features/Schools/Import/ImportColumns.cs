namespace Cooperation.Web.Features.Schools.Import;

public enum ImportKind { Nominations = 1, Trainees = 2 }

/// <summary>
/// A column of an import template: the field it fills (the API's name), its header in French and in English, and
/// whether every row must fill it. The header of a file is recognised in either language, hint in brackets or not.
/// </summary>
public sealed record ImportColumn(string Field, string Fr, string En, bool Required, int Width = 18)
{
    public string Header => Names.Pick(Fr, En);

    public bool Matches(string header)
    {
        var h = Key(header);
        return h.Length > 0 && (h == Key(Fr) || h == Key(En) || h == Key(Field));
    }

    private static string Key(string header)
    {
        var bracket = header.IndexOf('(');
        return Text.NormalizeName(bracket >= 0 ? header[..bracket] : header).Replace(" ", "");
    }
}

public static class ImportColumns
{
    public static readonly ImportColumn LastName = new("lastName", "Nom", "Last name", true, 22);
    public static readonly ImportColumn FirstName = new("firstName", "Prénom", "First name", true, 22);
    public static readonly ImportColumn BirthDate = new("birthDate", "Date de naissance (AAAA-MM-JJ)", "Birth date (YYYY-MM-DD)", true, 16);
    public static readonly ImportColumn Gender = new("gender", "Sexe (F/M)", "Gender (F/M)", true, 10);
    public static readonly ImportColumn Nationality = new("nationality", "Nationalité (code ISO2)", "Nationality (ISO2 code)", true, 14);
    public static readonly ImportColumn Administration = new("administration", "Administration (ARM, INT, JUS, DOU, ECO)", "Administration (ARM, INT, JUS, DOU, ECO)", true, 16);
    public static readonly ImportColumn Rank = new("rank", "Grade", "Rank", false, 18);
    public static readonly ImportColumn Position = new("position", "Fonction", "Position", false, 28);
    public static readonly ImportColumn Email = new("email", "Courriel", "Email", false, 28);
    public static readonly ImportColumn CourseCode = new("courseCode", "Code de la formation", "Course code", true, 16);
    public static readonly ImportColumn SessionStart = new("sessionStartDate", "Début de la session (AAAA-MM-JJ)", "Session start date (YYYY-MM-DD)", true, 16);
    public static readonly ImportColumn Result = new("result", "Résultat", "Result", true, 12);
    public static readonly ImportColumn CertificateCode = new("certificateCode", "Code du certificat", "Certificate code", false, 18);

    public static readonly ImportColumn[] Identity = [LastName, FirstName, BirthDate, Gender, Nationality, Administration, Rank, Position, Email];

    private static readonly ImportColumn[] PastTrainee = [.. Identity, CourseCode, SessionStart, Result, CertificateCode];

    public static IReadOnlyList<ImportColumn> For(ImportKind kind) => kind == ImportKind.Nominations ? Identity : PastTrainee;

    /// <summary>The column of a field (its API name); a rule's fault that names no column belongs to the person, by his name.</summary>
    public static ImportColumn Of(string field) => PastTrainee.FirstOrDefault(c => c.Field == field) ?? LastName;

    /// <summary>The codes of the gender column, in the order of the template's list.</summary>
    public static readonly (string Code, string Fr, string En, Domain.Gender Value)[] Genders =
    [
        ("F", "Femme", "Female", Domain.Gender.Female),
        ("M", "Homme", "Male", Domain.Gender.Male),
    ];

    /// <summary>The results a past trainee's row may carry, by their French and English words.</summary>
    public static readonly (string Fr, string En, TrainingResult Value, string HintFr, string HintEn)[] Results =
    [
        ("Réussi", "Passed", TrainingResult.Passed, "a réussi : un code de certificat peut suivre", "passed: a certificate code may follow"),
        ("Échoué", "Failed", TrainingResult.Failed, "a suivi la session sans la réussir", "attended without passing"),
        ("Abandon", "Withdrew", TrainingResult.Withdrew, "a quitté la session avant la fin", "left before the end of the session"),
    ];
}
