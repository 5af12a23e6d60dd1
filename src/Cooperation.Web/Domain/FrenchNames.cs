using System.Globalization;

namespace Cooperation.Web.Domain;

/// <summary>
/// A name as a French administration writes it in a sentence: with its definite article and the preposition of place
/// it takes ("la Côte d'Ivoire", "au Sénégal", "aux Comores", "en Guinée", "de la Côte d'Ivoire", "du Sénégal").
/// A country's article and preposition come from its reference record (<see cref="Country.ArticleFr"/>,
/// <see cref="Country.PrepositionFr"/>), never from guesswork; a school's from the noun its name starts with
/// (<see cref="School"/>). English needs none of it.
/// </summary>
/// <param name="Article">"le", "la", "l'", "les", or empty when the name takes none (Madagascar, Cuba); null when unknown.</param>
/// <param name="Preposition">"au", "aux", "en" or "à"; null: "à" contracted with the article.</param>
public sealed record FrenchName(string Name, string? Article, string? Preposition = null)
{
    /// <summary>With its article: "la Côte d'Ivoire", "l'École…", "Madagascar".</summary>
    public string Definite => Article switch
    {
        null or "" => Name,
        "l'" => "l'" + Name,
        var a => a + " " + Name,
    };

    /// <summary>Where: "au Sénégal", "en Guinée", "aux Comores", "à Madagascar", "à l'École…", "au Centre…".</summary>
    public string In => Preposition switch
    {
        "au" or "aux" or "en" => $"{Preposition} {Name}",
        _ => Article switch
        {
            "le" => "au " + Name,
            "les" => "aux " + Name,
            _ => "à " + Definite,
        },
    };

    /// <summary>Whose, from where: "du Sénégal", "de la Côte d'Ivoire", "des Comores", "de l'Algérie", "d'Oman".</summary>
    public string Of => Article switch
    {
        "le" => "du " + Name,
        "les" => "des " + Name,
        "la" => "de la " + Name,
        "l'" => "de l'" + Name,
        _ => (StartsWithVowel(Name) ? "d'" : "de ") + Name,
    };

    /// <summary>A country's name with the forms of its reference record.</summary>
    public static FrenchName Country(string nameFr, string? article, string? preposition) => new(nameFr, article, preposition);

    /// <summary>
    /// A school or training centre: its name starts with the noun that gives it its article (l'École, l'Académie,
    /// l'Institut, le Centre, le Collège, le Cours, le Pôle); a name that starts otherwise (a person's, a foreign one)
    /// takes none.
    /// </summary>
    public static FrenchName School(string name)
    {
        var first = name.Split(' ', '-')[0];
        var article = first switch
        {
            "École" or "Ecole" or "Académie" or "Institut" => "l'",
            "Centre" or "Collège" or "Cours" or "Pôle" => "le",
            _ => "",
        };
        return new(name, article);
    }

    private static bool StartsWithVowel(string name) =>
        name.Length > 0 && "aeiouy".Contains(char.ToLowerInvariant(name.Normalize(System.Text.NormalizationForm.FormD)[0]));
}

/// <summary>Dates as letters and certificates write them.</summary>
public static class LetterDates
{
    /// <summary>
    /// A day written out in the culture's words: "1er décembre 2026", "15 novembre 2024" in French (the first of the
    /// month is an ordinal); "1 December 2026" in English.
    /// </summary>
    public static string Long(DateOnly day, CultureInfo culture)
    {
        var rest = day.ToString(" MMMM yyyy", culture);
        var first = culture.TwoLetterISOLanguageName == "fr" && day.Day == 1 ? "1er" : day.Day.ToString(culture);
        return first + rest;
    }

    /// <inheritdoc cref="Long(DateOnly, CultureInfo)"/>
    public static string Long(DateOnly day) => Long(day, CultureInfo.CurrentCulture);
}
