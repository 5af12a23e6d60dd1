namespace Cooperation.Web.Features.Schools.Nominations;

/// <summary>Why two trainee records may be the same person, though not matched exactly.</summary>
public enum NearMatchReason { SameLastName = 1, SimilarName = 2, NamesInAnotherOrder = 3, BirthDateClose = 4 }

/// <summary>
/// One person is one trainee. An exact match (normalised name, birth date, nationality) is the same person; these
/// rules find the records that may be the same person under a misspelt name or a mistyped birth date, for a desk
/// officer to decide.
/// </summary>
public static class TraineeMatching
{
    public const int MaxNameDistance = 2;

    /// <summary>The reason the other record is a near-match of this one (same nationality assumed), or null.</summary>
    public static NearMatchReason? NearMatch(string normalizedName, string normalizedLastName, DateOnly birthDate,
        string otherNormalizedName, string otherNormalizedLastName, DateOnly otherBirthDate)
    {
        if (birthDate == otherBirthDate)
        {
            if (normalizedName == otherNormalizedName) return null; // an exact match, not a near one
            if (normalizedLastName.Length > 0 && normalizedLastName == otherNormalizedLastName) return NearMatchReason.SameLastName;
            if (Levenshtein(normalizedName, otherNormalizedName) <= MaxNameDistance) return NearMatchReason.SimilarName;
            if (Tokens(normalizedName).SequenceEqual(Tokens(otherNormalizedName))) return NearMatchReason.NamesInAnotherOrder;
            return null;
        }
        if (normalizedName == otherNormalizedName && otherBirthDate >= birthDate.AddYears(-1) && otherBirthDate <= birthDate.AddYears(1))
            return NearMatchReason.BirthDateClose;
        return null;
    }

    public static string NormalizedLastName(string lastName) => Text.NormalizeName(lastName);

    private static IEnumerable<string> Tokens(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);

    /// <summary>Edits (insertions, deletions, substitutions) that turn one string into the other.</summary>
    public static int Levenshtein(string a, string b)
    {
        if (a.Length == 0) return b.Length;
        if (b.Length == 0) return a.Length;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
