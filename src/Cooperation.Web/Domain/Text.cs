using System.Globalization;
using System.Net.Mail;
using System.Text;
using System.Text.RegularExpressions;

namespace Cooperation.Web.Domain;

public static class Text
{
    /// <summary>Upper-case, accents and punctuation removed, single spaces: the form used to match names.</summary>
    public static string NormalizeName(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastSpace = true;
        foreach (var c in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) { sb.Append(char.ToUpperInvariant(c)); lastSpace = false; }
            else if (!lastSpace) { sb.Append(' '); lastSpace = true; }
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>A line of text as typed, trimmed and with single spaces; null when there is nothing in it.</summary>
    public static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The first character no text of the application may hold, or null: a control character other than a tab or a
    /// line break (NUL, escape, backspace, DEL, the C1 controls), or half of a broken surrogate pair. None is typed on
    /// a keyboard; each prints as nothing (a name that hides another), breaks the files people export, and PostgreSQL
    /// refuses NUL outright.
    /// </summary>
    public static char? ForbiddenCharacter(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) return c;
            if (char.IsHighSurrogate(c) && (i + 1 == value.Length || !char.IsLowSurrogate(value[i + 1]))) return c;
            if (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1]))) return c;
        }
        return null;
    }

    /// <summary>How a message names a character: its code point (U+0000).</summary>
    public static string CodePoint(char c) => $"U+{(int)c:X4}";
}

/// <summary>The one rule of an e-mail address, for coopérants, trainees and accounts alike.</summary>
public static partial class EmailAddress
{
    public const int MaxLength = 256;

    /// <summary>A mailbox and a domain with a dot, nothing around it, as a mail client would accept it unchanged.</summary>
    public static bool IsValid(string value) =>
        value.Length <= MaxLength && Shape().IsMatch(value) && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value;

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Shape();
}

/// <summary>
/// A person's telephone number, the one rule for every path that records one (form, API, import): written with its
/// country code (+221 77 123 45 67, or 00221…), a number that exists in that country's numbering plan (libphonenumber),
/// stored in international format ("+221 77 123 45 67") whatever spaces, dots or brackets it was typed with.
/// </summary>
public static class PhoneNumber
{
    public const int MaxLength = 50;
    private static readonly PhoneNumbers.PhoneNumberUtil Numbers = PhoneNumbers.PhoneNumberUtil.GetInstance();

    /// <summary>The number in international format; null when it has no country code or is no valid number.</summary>
    public static string? International(string value)
    {
        var typed = value.Trim();
        if (typed.Length is 0 or > MaxLength) return null;
        if (typed.StartsWith("00", StringComparison.Ordinal)) typed = "+" + typed[2..];
        if (!typed.StartsWith('+')) return null;
        try
        {
            var number = Numbers.Parse(typed, null);
            return Numbers.IsValidNumber(number) ? Numbers.Format(number, PhoneNumbers.PhoneNumberFormat.INTERNATIONAL) : null;
        }
        catch (PhoneNumbers.NumberParseException)
        {
            return null;
        }
    }

    public static bool IsValid(string value) => International(value) is not null;
}
