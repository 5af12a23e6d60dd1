using Cooperation.Web.Features.Reporting.Jobs;
using Microsoft.Extensions.Localization;

namespace Cooperation.Tests.Reporting.Jobs;

/// <summary>
/// The series' texts, each year's step told a quarter of a second late: given to an instance whose series a test
/// must see running (its progress, or a stop in the middle), however fast the figures are counted.
/// </summary>
internal sealed class SlowYears(IStringLocalizer inner) : IStringLocalizer<ReportSeries>
{
    public static void Register(IServiceCollection services) => services.AddScoped<IStringLocalizer<ReportSeries>>(
        sp => new SlowYears(new StringLocalizer<ReportSeries>(sp.GetRequiredService<IStringLocalizerFactory>())));

    public LocalizedString this[string name] => inner[name];

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            if (name == "Année {0}") Thread.Sleep(250);
            return inner[name, arguments];
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
}
