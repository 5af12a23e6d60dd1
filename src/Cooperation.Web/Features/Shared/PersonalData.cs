namespace Cooperation.Web.Features.Shared;

/// <summary>
/// How a person's name and contact appear to someone whose scope does not cover them: the record stays visible
/// (position, country, administration are not personal), the person does not.
/// </summary>
public static class PersonalData
{
    /// <summary>What pages and the API show in place of a redacted value.</summary>
    public const string Redacted = "•••";

    public static string? Show(bool visible, string? value) => visible ? value : Redacted;
}
