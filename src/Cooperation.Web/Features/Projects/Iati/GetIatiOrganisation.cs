using System.Xml.Linq;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Features.Projects.Iati;

/// <summary>
/// The IATI 2.03 organisation file of the reporting organisation: its identifier and names, and per calendar year the
/// total budget of its published projects (their planned amounts) and their total expenditure (the expenditure
/// transactions, in euros). Public, like the activity file, and computed from the same projects.
/// </summary>
public sealed class GetIatiOrganisation(CooperationDbContext db, IOptions<IatiOptions> options, FigureCache cache, TimeProvider clock) : IUseCase
{
    /// <summary>The file, written once and kept like the figures, as the activity file (<see cref="GetIatiActivities.HandleAsync"/>).</summary>
    public Task<byte[]> HandleAsync() => cache.GetOrComputeSharedAsync("iati:organisation", WriteAsync, byLanguage: false);

    private async Task<byte[]> WriteAsync()
    {
        var iati = options.Value;
        var today = clock.Today();
        var published = db.Projects.Where(p => p.IatiPublished && p.IatiIdentifier != null);
        var budgets = await db.Set<BudgetLine>().AsNoTracking().Where(b => published.Any(p => p.Id == b.ProjectId))
            .GroupBy(b => b.Year).Select(g => new { Year = g.Key, Amount = g.Sum(b => b.Amount) }).ToListAsync();
        var spent = (await db.Set<ProjectTransaction>().AsNoTracking()
                .Where(t => t.Kind == TransactionKind.Expenditure && t.Date <= today && published.Any(p => p.Id == t.ProjectId))
                .Select(t => new { t.Date, t.EuroValue }).ToListAsync())
            .GroupBy(t => t.Date.Year).Select(g => new { Year = g.Key, Amount = g.Sum(t => t.EuroValue) }).ToList();

        var organisation = new XElement("iati-organisation",
            new XAttribute(XNamespace.Xml + "lang", "fr"), new XAttribute("default-currency", "EUR"),
            new XAttribute("last-updated-datetime", clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)),
            new XElement("organisation-identifier", iati.ReportingOrgRef),
            new XElement("name", GetIatiActivities.Narratives(iati.ReportingOrgName, iati.ReportingOrgNameEn)),
            GetIatiActivities.ReportingOrg(iati));
        foreach (var year in budgets.OrderBy(b => b.Year))
            organisation.Add(Period("total-budget", year.Year, year.Amount, new XAttribute("status", year.Year < today.Year ? "2" : "1")));
        foreach (var year in spent.OrderBy(s => s.Year))
            organisation.Add(Period("total-expenditure", year.Year, year.Amount));
        var root = new XElement("iati-organisations", new XAttribute("version", "2.03"),
            new XAttribute("generated-datetime", clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)),
            organisation);
        return await IatiApi.WriteAsync(writer =>
        {
            root.WriteTo(writer);
            return Task.CompletedTask;
        });
    }

    private static XElement Period(string name, int year, decimal amount, params object[] attributes)
    {
        var start = new DateOnly(year, 1, 1);
        return new XElement(name, attributes,
            new XElement("period-start", new XAttribute("iso-date", GetIatiActivities.Iso(start))),
            new XElement("period-end", new XAttribute("iso-date", GetIatiActivities.Iso(new DateOnly(year, 12, 31)))),
            new XElement("value", new XAttribute("currency", "EUR"), new XAttribute("value-date", GetIatiActivities.Iso(start)), GetIatiActivities.Number(amount)));
    }
}
