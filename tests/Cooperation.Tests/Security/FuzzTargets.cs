using System.Text.RegularExpressions;
using Cooperation.Web.Data;

namespace Cooperation.Tests.Security;

/// <summary>
/// Real records of the demo directorate that a route's parameters can name, so that malformed values reach the use
/// cases behind a route rather than stopping at "not found": one record a kind, by the name of the route segment before
/// the parameter (<c>/cooperants/{id}</c>, <c>/Schools/Trainees/{id}/Career/{entryId}</c>).
/// </summary>
public sealed partial class FuzzTargets
{
    private readonly Dictionary<string, string> _bySegment;

    private FuzzTargets(Dictionary<string, string> bySegment) => _bySegment = bySegment;

    public static async Task<FuzzTargets> LoadAsync(CooperationFactory factory)
    {
        var today = Today;
        // The account the administrator's forms are fuzzed on (locked, reset, its role changed): one no fuzzed role signs in with.
        await factory.EnsureTestAccountsAsync();
        return await factory.WithDbAsync(async db =>
        {
            var trainee = await db.CareerEntries.OrderBy(e => e.Id).Select(e => new { e.TraineeId, e.Id }).FirstAsync();
            var account = await db.Users.Where(u => u.Email == TestAccounts.DirectorCpadd).Select(u => u.Id).SingleAsync();
            // A project with an indicator, so that /projects/{id}/indicators/{indicatorId} names both of one project.
            var indicator = await db.Indicators.OrderBy(i => i.Id).Select(i => new { i.ProjectId, i.Id }).FirstAsync();
            // A participant of an international session, so that /international-sessions/{id}/participants/{participantId} names both of one session.
            var participant = await db.SessionParticipants.OrderBy(p => p.Id).Select(p => new { p.SessionId, p.Id }).FirstAsync();
            // A finding of a recorded post-delivery check, so that /donations/{id}/checks/{checkId}/items/{itemId}/photo names one donation's.
            var finding = await db.ItemChecks.OrderBy(f => f.Id).Select(f => new { f.Check!.DonationId, f.CheckId, f.ItemId }).FirstAsync();
            // A notification of the administrator's, so that /notifications/{id}/read reaches its use case (another's: a 404).
            var admin = await db.Users.Where(u => u.Email == DemoAccounts.Admin).Select(u => u.Id).SingleAsync();
            var notification = await db.Notifications.Where(n => n.RecipientId == admin).Select(n => (long?)n.Id).FirstOrDefaultAsync();
            if (notification is null)
            {
                var added = new Notification
                {
                    RecipientId = admin, Kind = NotificationKind.NominationSubmitted, MessageKey = "notification.nominationSubmitted",
                    Arguments = Notification.Serialize(Enumerable.Repeat(NotificationArgument.Same("—"), 6)), Link = "/Schools/Nominations", CreatedAt = DateTime.UtcNow,
                };
                db.Notifications.Add(added);
                await db.SaveChangesAsync();
                notification = added.Id;
            }
            // A report job of the administrator's, so that /reports/jobs/{id} reaches its use case (another's: a 404).
            var reportJob = await db.ReportJobs.Where(j => j.RequestedById == admin).Select(j => (int?)j.Id).FirstOrDefaultAsync();
            if (reportJob is null)
            {
                var added = ReportJob.Queue(admin, "Administrateur", ReportJobKind.AnnualPdf, today.Year - 1, null, "fr", DateTime.UtcNow);
                added.Fail("—", DateTime.UtcNow);
                db.ReportJobs.Add(added);
                await db.SaveChangesAsync();
                reportJob = added.Id;
            }
            var programme = await ProgrammeBuilder.SenegalAsync(db, today);
            var samples = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["programmes"] = programme.ToString(),
                ["notifications"] = notification.Value.ToString(),
                ["jobs"] = reportJob.Value.ToString(),
                ["cooperants"] = (await db.Cooperants.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync()).ToString(),
                ["postings"] = (await db.Postings.Where(p => p.ActualEndDate == null && p.StartDate <= today).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()).ToString(),
                ["vacancies"] = (await db.Vacancies.Where(v => v.FilledByPostingId == null).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync()).ToString(),
                ["courses"] = (await db.Courses.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync()).ToString(),
                ["sessions"] = (await db.CourseSessions.Where(s => s.Status == SessionStatus.Open).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync()).ToString(),
                ["nominations"] = (await db.Nominations.Where(n => n.Status == NominationStatus.Submitted).OrderBy(n => n.Id).Select(n => n.Id).FirstAsync()).ToString(),
                ["trainees"] = trainee.TraineeId.ToString(),
                ["career"] = trainee.Id.ToString(),
                ["audit"] = (await db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync()).ToString(),
                ["users"] = account,
                ["countries"] = "SN",
                ["quotas"] = "SN",
                ["organisations"] = await db.Organisations.OrderBy(o => o.Id).Select(o => o.Acronym).FirstAsync(),
                ["schools"] = "EMPABB",
                ["zones"] = await db.Zones.OrderBy(z => z.Id).Select(z => z.Code).FirstAsync(),
                ["certificates"] = await db.Nominations.Where(n => n.CertificateCode != null).OrderBy(n => n.Id).Select(n => n.CertificateCode!).FirstAsync(),
                ["projects"] = indicator.ProjectId.ToString(),
                ["indicators"] = indicator.Id.ToString(),
                ["partnerships"] = (await db.Partnerships.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()).ToString(),
                ["international-sessions"] = participant.SessionId.ToString(),
                // /Sessions/International/{id}: the same session's page.
                ["International"] = participant.SessionId.ToString(),
                ["participants"] = participant.Id.ToString(),
                ["missions"] = (await db.Missions.Where(m => m.Country!.Iso2 == "SN").OrderBy(m => m.Status == MissionStatus.Reported ? 0 : 1).ThenBy(m => m.Id).Select(m => m.Id).FirstAsync()).ToString(),
                ["recommendations"] = (await db.Recommendations.Where(r => r.Mission!.Country!.Iso2 == "SN")
                    .OrderBy(r => r.Status == RecommendationStatus.Open ? 0 : 1).ThenBy(r => r.Id).Select(r => r.Id).FirstAsync()).ToString(),
                // A donation handed over and checked, so that its checks, files and handover routes reach their use cases.
                ["donations"] = finding.DonationId.ToString(),
                ["checks"] = finding.CheckId.ToString(),
                ["items"] = finding.ItemId.ToString(),
                // /Admin/PersonalData/{kind}/{id} and /personal-data/{kind}/{id}: a trainee's, filled by the "trainees" entry.
                ["PersonalData"] = "trainees",
                ["personal-data"] = "trainees",
                // /Error/{code}: the page an error without a body is answered with.
                ["Error"] = "404",
                // /api/v1/reports/annual/{year}(.pdf|.docx): last year's annual report.
                ["annual"] = (today.Year - 1).ToString(),
                ["verify"] = await db.Nominations.Where(n => n.CertificateCode != null).OrderBy(n => n.Id).Select(n => n.CertificateCode!).FirstAsync(),
            };
            return new FuzzTargets(samples);
        });
    }

    /// <summary>A route template with each parameter replaced by a real record's key, e.g. <c>/api/v1/sessions/{id:int}/quotas/{iso2}</c>.</summary>
    public string Fill(string template, Func<string, string?>? value = null)
    {
        var segments = template.TrimStart('/').Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var match = Parameter().Match(segments[i]);
            if (!match.Success) continue;
            var name = match.Groups["name"].Value;
            var given = value?.Invoke(name) ?? Sample(segments, i, name, optional: match.Groups["optional"].Success);
            segments[i] = segments[i][..match.Index] + given + segments[i][(match.Index + match.Length)..];
        }
        return "/" + string.Join('/', segments).TrimEnd('/');
    }

    /// <summary>The names of a template's parameters.</summary>
    public static IEnumerable<string> Parameters(string template) => Parameter().Matches(template).Select(m => m.Groups["name"].Value);

    private string Sample(string[] segments, int index, string name, bool optional)
    {
        var segment = index > 0 ? segments[index - 1] : "";
        if (name == "entryId") return optional ? "" : _bySegment["career"];
        if (_bySegment.TryGetValue(segment, out var value)) return value;
        // /api/v1/sessions/{id}/quotas/{iso2}: a country's code wherever one is asked.
        if (name == "iso2") return "SN";
        throw new InvalidOperationException($"No record to fill the parameter {{{name}}} after '/{segment}/': add one to {nameof(FuzzTargets)}.");
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z0-9_]+)(:[^}?]+)?(?<optional>\?)?\}")]
    private static partial Regex Parameter();
}
