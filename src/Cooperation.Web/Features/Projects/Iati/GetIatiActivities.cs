using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Features.Projects.Iati;

/// <summary>
/// The IATI 2.03 activity file: every project marked for publication, as the public may read it — no personal data
/// (no contact, no responsible desk officer, no assessor): the reporting organisation, the identifier it got at its
/// first publication, titles and descriptions in French and English, status, planned and actual dates, participating
/// organisations (funding, accountable, extending, implementing), recipient countries and regions with their shares,
/// DAC sectors with theirs, policy markers, budgets by year, transactions with their value dates, and the projects
/// serving the same partnership as related activities. Anonymous: it is the ministry's transparency.
/// </summary>
public sealed class GetIatiActivities(CooperationDbContext db, IOptions<IatiOptions> options, FigureCache cache, TimeProvider clock) : IUseCase
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The OECD DAC regional codes (IATI Region codelist, vocabulary 1) of the zones, for a regional share.</summary>
    public static readonly IReadOnlyDictionary<string, string> RegionOfZone = new Dictionary<string, string>
    {
        ["AFS"] = "289", ["AFN"] = "189", ["MOY"] = "589", ["ASE"] = "789", ["IPA"] = "798", ["BAL"] = "89", ["EUR"] = "89", ["AML"] = "498",
    };

    /// <summary>Projects read at a time: the file is written activity by activity, never held whole as a tree.</summary>
    private const int Batch = 200;

    /// <summary>
    /// The file, written once and kept like the figures (<see cref="FigureCache.GetOrComputeSharedAsync{T}"/>, written
    /// again after any write, at most <see cref="FigureOptions.MaxAgeSeconds"/> old): it is the same for everyone and
    /// anonymous. Built at every request, it took 0.5-0.8 s and allocated 57 MB at scale 10 (5.9 MB of XML).
    /// </summary>
    public Task<byte[]> HandleAsync() => cache.GetOrComputeSharedAsync("iati:activities", WriteAsync, byLanguage: false, bytes: file => file.Length);

    private async Task<byte[]> WriteAsync()
    {
        var iati = options.Value;
        var today = clock.Today();
        var published = db.Projects.AsNoTracking().Where(p => p.IatiPublished && p.IatiIdentifier != null);
        // Related activities: the other published projects serving the same multilateral partnership.
        var siblings = (await published.Where(p => p.PartnershipId != null).OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.PartnershipId, p.IatiIdentifier }).ToListAsync())
            .ToLookup(p => p.PartnershipId!.Value, p => (p.Id, Identifier: p.IatiIdentifier!));
        return await IatiApi.WriteAsync(async writer =>
        {
            writer.WriteStartElement("iati-activities");
            writer.WriteAttributeString("version", "2.03");
            writer.WriteAttributeString("generated-datetime", clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", Invariant));
            var after = 0;
            while (true)
            {
                var batch = await published.Where(p => p.Id > after)
                    .Include(p => p.Locations).ThenInclude(l => l.Country)
                    .Include(p => p.Locations).ThenInclude(l => l.Zone)
                    .Include(p => p.Sectors).Include(p => p.Budget).Include(p => p.Transactions).Include(p => p.Operator)
                    .OrderBy(p => p.Id).Take(Batch).AsSplitQuery().ToListAsync();
                foreach (var p in batch)
                    Activity(p, p.PartnershipId is { } partnership ? siblings[partnership].Where(s => s.Id != p.Id).Select(s => s.Identifier) : [], iati, today)
                        .WriteTo(writer);
                if (batch.Count < Batch) break;
                after = batch[^1].Id;
            }
            writer.WriteEndElement();
        });
    }

    private static XElement Activity(Project p, IEnumerable<string> related, IatiOptions iati, DateOnly today)
    {
        var activity = new XElement("iati-activity",
            new XAttribute(XNamespace.Xml + "lang", "fr"), new XAttribute("default-currency", "EUR"), new XAttribute("hierarchy", "1"),
            new XElement("iati-identifier", p.IatiIdentifier),
            ReportingOrg(iati),
            new XElement("title", Narratives(p.Title, p.TitleEn)));
        if (!string.IsNullOrWhiteSpace(p.Summary)) activity.Add(new XElement("description", new XAttribute("type", "1"), Narratives(p.Summary, p.SummaryEn)));
        if (!string.IsNullOrWhiteSpace(p.Objective)) activity.Add(new XElement("description", new XAttribute("type", "2"), Narratives(p.Objective, null)));

        // Participating organisations: the ministry funds, answers for and extends the money; the EU co-funds its part;
        // the operator (else the partner authorities) implements.
        activity.Add(Org("1", iati.ReportingOrgRef, iati.ReportingOrgType, iati.ReportingOrgName, iati.ReportingOrgNameEn));
        if (p.EuFunded) activity.Add(Org("1", null, "40", "Union européenne", "European Union"));
        activity.Add(Org("2", iati.ReportingOrgRef, iati.ReportingOrgType, iati.ReportingOrgName, iati.ReportingOrgNameEn));
        activity.Add(Org("3", iati.ReportingOrgRef, iati.ReportingOrgType, iati.ReportingOrgName, iati.ReportingOrgNameEn));
        if (p.Operator is { } op) activity.Add(Org("4", null, null, op.Name, null));
        else if (!string.IsNullOrWhiteSpace(p.PartnerAuthorities)) activity.Add(Org("4", null, "10", p.PartnerAuthorities, null));

        activity.Add(new XElement("activity-status", new XAttribute("code", Status(p.Status))));
        activity.Add(Date("1", p.StartDate));
        if (p.Status is ProjectStatus.Running or ProjectStatus.Closed or ProjectStatus.Evaluated && p.StartDate <= today) activity.Add(Date("2", p.StartDate));
        activity.Add(Date("3", p.EndDate));
        if (p.Status is ProjectStatus.Closed or ProjectStatus.Evaluated && p.EndDate <= today) activity.Add(Date("4", p.EndDate));

        foreach (var l in p.Locations.Where(l => l.Country is not null).OrderByDescending(l => l.Percentage).ThenBy(l => l.Id))
            activity.Add(new XElement("recipient-country", new XAttribute("code", l.Country!.Iso2), new XAttribute("percentage", Number(l.Percentage)),
                Narratives(l.Country.NameFr, l.Country.NameEn)));
        foreach (var l in p.Locations.Where(l => l.Country is null && l.Zone is not null).OrderByDescending(l => l.Percentage).ThenBy(l => l.Id))
            activity.Add(new XElement("recipient-region", new XAttribute("code", RegionOfZone.GetValueOrDefault(l.Zone!.Code, "998")),
                new XAttribute("vocabulary", "1"), new XAttribute("percentage", Number(l.Percentage)), Narratives(l.Zone.NameFr, l.Zone.NameEn)));
        foreach (var s in p.Sectors.OrderByDescending(s => s.Percentage).ThenBy(s => s.Code))
            activity.Add(new XElement("sector", new XAttribute("vocabulary", "1"), new XAttribute("code", s.Code), new XAttribute("percentage", Number(s.Percentage))));

        activity.Add(new XElement("policy-marker", new XAttribute("vocabulary", "1"), new XAttribute("code", "1"),
            new XAttribute("significance", ((int)p.GenderMarker).ToString(Invariant))));
        activity.Add(new XElement("policy-marker", new XAttribute("vocabulary", "99"), new XAttribute("code", "SSR"),
            new XAttribute("significance", ((int)p.SsrMarker).ToString(Invariant)), Narratives("Réforme du secteur de la sécurité", "Security sector reform")));
        activity.Add(new XElement("policy-marker", new XAttribute("vocabulary", "99"), new XAttribute("code", "CRISIS"),
            new XAttribute("significance", ((int)p.CrisisPreventionMarker).ToString(Invariant)), Narratives("Prévention des crises", "Crisis prevention")));

        activity.Add(new XElement("collaboration-type", new XAttribute("code", "1")));
        // ODA: an eligible or partly eligible project is ODA (10), a project out of it another official flow (20).
        if (p.Oda is { } oda) activity.Add(new XElement("default-flow-type", new XAttribute("code", oda == OdaEligibility.NotEligible ? "20" : "10")));
        activity.Add(new XElement("default-finance-type", new XAttribute("code", "110")));

        var budgetStatus = p.Status is ProjectStatus.Identified or ProjectStatus.InPreparation ? "1" : "2";
        foreach (var year in p.Budget.GroupBy(b => b.Year).OrderBy(g => g.Key))
        {
            var start = Later(new DateOnly(year.Key, 1, 1), p.StartDate);
            var end = Earlier(new DateOnly(year.Key, 12, 31), p.EndDate);
            activity.Add(new XElement("budget", new XAttribute("type", "1"), new XAttribute("status", budgetStatus),
                new XElement("period-start", new XAttribute("iso-date", Iso(start))),
                new XElement("period-end", new XAttribute("iso-date", Iso(end))),
                new XElement("value", new XAttribute("currency", "EUR"), new XAttribute("value-date", Iso(start)), Number(year.Sum(b => b.Amount)))));
        }

        foreach (var t in p.Transactions.Where(t => t.Date <= today).OrderBy(t => t.Date).ThenBy(t => t.Id))
        {
            var transaction = new XElement("transaction",
                new XElement("transaction-type", new XAttribute("code", TransactionType(t.Kind))),
                new XElement("transaction-date", new XAttribute("iso-date", Iso(t.Date))),
                new XElement("value", new XAttribute("currency", t.Currency), new XAttribute("value-date", Iso(t.Date)), Number(t.Amount)));
            if (!string.IsNullOrWhiteSpace(t.Description)) transaction.Add(new XElement("description", Narratives(t.Description, null)));
            transaction.Add(new XElement("provider-org", Narratives(t.Provider, null)));
            transaction.Add(new XElement("receiver-org", Narratives(t.Receiver, null)));
            activity.Add(transaction);
        }

        // Related activities: the other published projects serving the same multilateral partnership (siblings).
        foreach (var sibling in related)
            activity.Add(new XElement("related-activity", new XAttribute("ref", sibling), new XAttribute("type", "3")));
        return activity;
    }

    internal static XElement ReportingOrg(IatiOptions iati) =>
        new("reporting-org", new XAttribute("ref", iati.ReportingOrgRef), new XAttribute("type", iati.ReportingOrgType),
            Narratives(iati.ReportingOrgName, iati.ReportingOrgNameEn));

    private static XElement Org(string role, string? reference, string? type, string name, string? nameEn)
    {
        var org = new XElement("participating-org");
        if (reference is not null) org.Add(new XAttribute("ref", reference));
        if (type is not null) org.Add(new XAttribute("type", type));
        org.Add(new XAttribute("role", role), Narratives(name, nameEn));
        return org;
    }

    /// <summary>A text in French (the activity's language) and, when there is one, in English.</summary>
    internal static IEnumerable<XElement> Narratives(string french, string? english)
    {
        yield return new XElement("narrative", french.Trim());
        if (!string.IsNullOrWhiteSpace(english)) yield return new XElement("narrative", new XAttribute(XNamespace.Xml + "lang", "en"), english.Trim());
    }

    private static XElement Date(string type, DateOnly date) => new("activity-date", new XAttribute("type", type), new XAttribute("iso-date", Iso(date)));

    /// <summary>IATI ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled.</summary>
    public static string Status(ProjectStatus status) => status switch
    {
        ProjectStatus.Identified or ProjectStatus.InPreparation or ProjectStatus.Approved => "1",
        ProjectStatus.Running => "2",
        ProjectStatus.Closed => "3",
        ProjectStatus.Evaluated => "4",
        _ => "5",
    };

    /// <summary>IATI TransactionType: 2 outgoing commitment, 3 disbursement, 4 expenditure.</summary>
    public static string TransactionType(TransactionKind kind) => kind switch
    {
        TransactionKind.Commitment => "2",
        TransactionKind.Disbursement => "3",
        _ => "4",
    };

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);
    internal static string Number(decimal value) => value.ToString("0.##", Invariant);
    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;
}
