using Microsoft.AspNetCore.Html;

namespace Cooperation.Web.Features.Schools.Nominations;

/// <summary>The words of a nomination's status and screening, in the user's language, and how codes sent by clients are read.</summary>
public static class NominationLabels
{
    public static string Status(IStringLocalizer text, NominationStatus status) => text[status switch
    {
        NominationStatus.Submitted => "Soumise",
        NominationStatus.UnderReview => "En cours d'examen",
        NominationStatus.Accepted => "Acceptée",
        NominationStatus.Waitlisted => "En liste d'attente",
        NominationStatus.Refused => "Refusée",
        _ => "Retirée",
    }].Value;

    public static string Screening(IStringLocalizer text, ScreeningStatus screening) => text[screening switch
    {
        ScreeningStatus.Pending => "Criblage en attente",
        ScreeningStatus.Cleared => "Criblage favorable",
        _ => "Criblage défavorable",
    }].Value;

    public static string Gender(IStringLocalizer text, Gender gender) => text[gender == Domain.Gender.Female ? "Femme" : "Homme"].Value;

    /// <summary>DSFR badge class of a status.</summary>
    public static string StatusBadge(NominationStatus status) => status switch
    {
        NominationStatus.Accepted => "fr-badge--success",
        NominationStatus.Waitlisted => "fr-badge--warning",
        NominationStatus.Refused => "fr-badge--error",
        NominationStatus.Withdrawn => "",
        _ => "fr-badge--info",
    };

    public static string ScreeningBadge(ScreeningStatus screening) => screening switch
    {
        ScreeningStatus.Cleared => "fr-badge--success",
        ScreeningStatus.Refused => "fr-badge--error",
        _ => "fr-badge--new",
    };

    /// <summary>
    /// The status and screening badges of a nomination (its page, and each row of a list of them): written here rather
    /// than by a partial view, which would cost a view of its own for every row.
    /// </summary>
    public static IHtmlContent Badges(NominationRow n) => new HtmlContentBuilder(10)
        .AppendHtml("<p class=\"fr-badge fr-badge--sm fr-badge--no-icon ").Append(StatusBadge(n.StatusValue)).AppendHtml("\" data-testid=\"status\">")
        .Append(n.StatusName).AppendHtml("</p>\n")
        .AppendHtml("<p class=\"fr-badge fr-badge--sm fr-badge--no-icon ").Append(ScreeningBadge(n.ScreeningValue)).AppendHtml("\" data-testid=\"screening\">")
        .Append(n.ScreeningName).AppendHtml("</p>");

    /// <summary>A status code as the API and the filters send it ("Accepted", "underreview"…); null when absent, false when unknown.</summary>
    public static bool TryParse<T>(string? value, out T? parsed) where T : struct, Enum
    {
        parsed = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        if (Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var v) && Enum.IsDefined(v) && !int.TryParse(value, out _))
        {
            parsed = v;
            return true;
        }
        return false;
    }
}
