using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace Cooperation.Tests.Infrastructure;

/// <summary>
/// Every page of the application, as its endpoints declare them (a page added tomorrow is in the list), with route
/// values taken from the demo data: records of Senegal, Côte d'Ivoire's nominations to EMPABB, so that each role finds
/// some of them in its scope.
/// </summary>
public static class SitePages
{
    /// <summary>
    /// Pages not walked: signing out ends the walk's session; the error and refusal pages answer an error status (the
    /// error pages' own tests cover them); an import's report shows only right after an import.
    /// </summary>
    private static readonly string[] Skipped = ["/Account/Logout", "/Error/{code:int}", "/Account/Denied", "/Schools/Import/Report"];

    public static async Task<IReadOnlyList<string>> AddressesAsync(CooperationFactory factory)
    {
        var templates = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(t => !t.EndsWith("/Index", StringComparison.Ordinal) && !Skipped.Contains(t))
            .Distinct().Order().ToList();
        var ids = await factory.WithDbAsync(async db =>
        {
            var cooperant = await db.Users.Where(u => u.Email == DemoAccounts.CooperantSenegal).Select(u => u.CooperantId!.Value).SingleAsync();
            var nomination = await db.Nominations.Where(n => n.Country!.Iso2 == "CI" && n.Session!.Course!.School!.Acronym == "EMPABB")
                .OrderBy(n => n.Id).Select(n => new { n.Id, n.SessionId, n.TraineeId, n.Session!.CourseId }).FirstAsync();
            return new Dictionary<string, string>
            {
                ["/Admin/Audit/"] = (await db.AuditEntries.MaxAsync(a => a.Id)).ToString(),
                ["/Admin/PersonalData/"] = $"cooperants/{cooperant}",
                ["/Admin/Users/"] = await db.Users.Where(u => u.Email == DemoAccounts.DeskAfrica).Select(u => u.Id).SingleAsync(),
                ["/Donations/"] = (await SenegalElseFirstAsync(db.Donations, d => d.Country!.Iso2 == "SN", d => d.Id)).ToString(),
                ["/Programmes/"] = (await ProgrammeBuilder.SenegalAsync(db, TestData.Today)).ToString(),
                ["/Missions/"] = (await SenegalElseFirstAsync(db.Missions, m => m.Country!.Iso2 == "SN", m => m.Id)).ToString(),
                ["/Network/Cooperants/"] = cooperant.ToString(),
                ["/Network/Postings/"] = (await db.Postings.Where(p => p.CooperantId == cooperant).Select(p => p.Id).FirstAsync()).ToString(),
                ["/Network/Vacancies/"] = (await db.Vacancies.Where(v => v.FilledByPostingId == null).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync()).ToString(),
                ["/Partners/Countries/"] = "SN",
                ["/Partners/Organisations/"] = await db.Organisations.OrderBy(o => o.Id).Select(o => o.Acronym).FirstAsync(),
                ["/Partners/Partnerships/"] = (await db.Partnerships.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()).ToString(),
                ["/Projects/"] = (await SenegalElseFirstAsync(db.Projects, p => p.Locations.Any(l => l.Country!.Iso2 == "SN"), p => p.Id)).ToString(),
                ["/Schools/Certificates/"] = await db.Nominations.Where(n => n.CertificateCode != null).Select(n => n.CertificateCode!).FirstAsync(),
                ["/verify/"] = await db.Nominations.Where(n => n.CertificateCode != null).Select(n => n.CertificateCode!).FirstAsync(),
                ["/Schools/Courses/"] = nomination.CourseId.ToString(),
                ["/Schools/Nominations/"] = nomination.Id.ToString(),
                ["/Schools/Sessions/"] = nomination.SessionId.ToString(),
                ["/Schools/Trainees/"] = nomination.TraineeId.ToString(),
                ["/Sessions/International/"] = (await db.InternationalSessions.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync()).ToString(),
                ["/Schools/"] = "EMPABB",
            };
        });
        return templates.Select(t => Fill(t, ids)).ToList();
    }

    /// <summary>
    /// A record of Senegal, else the first of its table: the demo data are drawn for a seed and a day, and on some days
    /// Senegal has no donation, mission or project (the walk then reads one out of the coopérant's reach, a 404 it skips).
    /// </summary>
    private static async Task<int> SenegalElseFirstAsync<T>(IQueryable<T> records, System.Linq.Expressions.Expression<Func<T, bool>> ofSenegal,
        System.Linq.Expressions.Expression<Func<T, int>> id) =>
        await records.Where(ofSenegal).OrderBy(id).Select(id).FirstOrDefaultAsync() is var found and > 0 ? found : await records.OrderBy(id).Select(id).FirstAsync();

    /// <summary>The address of a route template: its first parameter from the record of its area, optional ones left out.</summary>
    private static string Fill(string template, Dictionary<string, string> ids)
    {
        var brace = template.IndexOf('{');
        if (brace < 0) return template;
        var prefix = template[..brace];
        var value = ids.GetValueOrDefault(prefix) ?? throw new InvalidOperationException($"No demo record for the page {template}: add one to SitePages.");
        var rest = template[(template.IndexOf('}', brace) + 1)..];
        // /Admin/PersonalData/{kind}/{id:int}: the value holds both.
        if (rest.StartsWith("/{", StringComparison.Ordinal) && rest.IndexOf('}') is var end and > 0 && !rest[..end].Contains('?')) rest = rest[(end + 1)..];
        rest = System.Text.RegularExpressions.Regex.Replace(rest, @"/\{[^}]*\?\}", "");
        return prefix + value + rest;
    }
}
