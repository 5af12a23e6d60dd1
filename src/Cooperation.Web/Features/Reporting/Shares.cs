namespace Cooperation.Web.Features.Reporting;

/// <summary>Shares and rates of the figures: computed between 0 and 1, shown as percentages.</summary>
public static class Shares
{
    /// <summary>A share between 0 and 1, rounded to 3 decimals; 0 when there is nothing to share.</summary>
    public static double Of(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 3);

    /// <summary>A share as the user reads it ("66,7 %" in French); a dash where there is none.</summary>
    public static string Percent(double? share) =>
        share is { } s ? (s * 100).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture) + " %" : "—";
}
