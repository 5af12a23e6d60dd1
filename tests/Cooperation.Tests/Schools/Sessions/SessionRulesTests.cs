namespace Cooperation.Tests.Schools.Sessions;

/// <summary>The session's own rules: dates and capacity, quotas within the capacity, and its life from planned to completed.</summary>
[Trait("Category", "Unit")]
public class SessionRulesTests
{
    private static readonly DateOnly Start = new(2027, 3, 1);

    private static CourseSession Session(int capacity = 20, SessionStatus status = SessionStatus.Planned) =>
        new() { Place = "Bamako", StartDate = Start, EndDate = Start.AddDays(11), Capacity = capacity, Status = status };

    private static void Accept(CourseSession session, int countryId, int count)
    {
        for (var i = 0; i < count; i++)
            session.Nominations.Add(new Nomination { CountryId = countryId, Status = NominationStatus.Accepted });
    }

    private static DomainException Refusal(Action act) => Should.Throw<DomainException>(act);

    [Fact]
    public void A_session_ends_on_or_after_its_start_and_has_at_least_one_seat()
    {
        CourseSession.ValidateTerms(Start, Start, 1);
        var e = Refusal(() => CourseSession.ValidateTerms(Start, Start.AddDays(-1), 10));
        (e.Field, e.MessageKey).ShouldBe(("endDate", "session.endBeforeStart"));
        e = Refusal(() => CourseSession.ValidateTerms(Start, Start.AddDays(5), 0));
        (e.Field, e.MessageKey).ShouldBe(("capacity", "session.capacityPositive"));
    }

    [Fact]
    public void Quotas_together_never_exceed_the_capacity()
    {
        var session = Session(capacity: 20);
        session.SetQuota(1, 12);
        session.SetQuota(2, 8);
        var e = Refusal(() => session.SetQuota(3, 1));
        (e.Field, e.MessageKey).ShouldBe(("seats", "session.quotasOverCapacity"));
        e.Args.ShouldBe(new object[] { 21, 20 });
        session.SetQuota(1, 10);
        session.SetQuota(3, 2);
        session.Quotas.Sum(q => q.Seats).ShouldBe(20);
        Refusal(() => session.SetQuota(2, -1)).MessageKey.ShouldBe("session.quotaNegative");
    }

    [Fact]
    public void A_quota_never_drops_below_the_country_s_accepted_candidates()
    {
        var session = Session(capacity: 20);
        session.SetQuota(1, 6);
        Accept(session, 1, 4);
        var e = Refusal(() => session.SetQuota(1, 3));
        (e.Field, e.MessageKey).ShouldBe(("seats", "session.quotaBelowAccepted"));
        e.Args.ShouldBe(new object[] { 4 });
        session.SetQuota(1, 4);
        session.QuotaFor(1).ShouldBe(4);
    }

    [Fact]
    public void The_capacity_never_drops_below_the_accepted_candidates_nor_the_quotas()
    {
        var session = Session(capacity: 20);
        session.SetQuota(1, 10);
        session.SetQuota(2, 6);
        Accept(session, 1, 8);
        Refusal(() => session.ChangeTerms(Start, Start.AddDays(3), "Bamako", 7)).MessageKey.ShouldBe("session.capacityBelowAccepted");
        var e = Refusal(() => session.ChangeTerms(Start, Start.AddDays(3), "Bamako", 15));
        (e.Field, e.MessageKey).ShouldBe(("capacity", "session.quotasOverCapacity"));
        Refusal(() => session.ChangeTerms(Start, Start.AddDays(-3), "Bamako", 30)).MessageKey.ShouldBe("session.endBeforeStart");
        session.ChangeTerms(Start.AddDays(7), Start.AddDays(20), "Koulikoro", 16);
        (session.StartDate, session.EndDate, session.Place, session.Capacity).ShouldBe((Start.AddDays(7), Start.AddDays(20), "Koulikoro", 16));
    }

    [Fact]
    public void A_session_opens_closes_reopens_and_completes_once_it_has_run()
    {
        var session = Session();
        Refusal(session.CloseNominations).MessageKey.ShouldBe("session.notOpen");
        Refusal(() => session.Complete(Start.AddDays(30))).MessageKey.ShouldBe("session.cannotComplete");
        session.OpenNominations();
        session.Status.ShouldBe(SessionStatus.Open);
        Refusal(session.OpenNominations).MessageKey.ShouldBe("session.cannotOpen");
        session.CloseNominations();
        session.Status.ShouldBe(SessionStatus.Closed);
        session.OpenNominations();
        session.CloseNominations();
        var early = Refusal(() => session.Complete(session.EndDate.AddDays(-1)));
        (early.Field, early.MessageKey).ShouldBe(("status", "session.notEnded"));
        session.Complete(session.EndDate);
        session.Status.ShouldBe(SessionStatus.Completed);
        Refusal(session.OpenNominations).MessageKey.ShouldBe("session.cannotOpen");
        Refusal(session.Cancel).MessageKey.ShouldBe("session.cannotCancel");
        Refusal(() => session.ChangeTerms(Start, Start, "Bamako", 20)).MessageKey.ShouldBe("session.finished");
    }

    [Fact]
    public void A_cancelled_session_stays_cancelled()
    {
        var session = Session(status: SessionStatus.Open);
        session.Cancel();
        session.Status.ShouldBe(SessionStatus.Cancelled);
        Refusal(session.Cancel).MessageKey.ShouldBe("session.cannotCancel");
        Refusal(session.OpenNominations).MessageKey.ShouldBe("session.cannotOpen");
        Refusal(() => session.Complete(Start.AddYears(1))).MessageKey.ShouldBe("session.cannotComplete");
    }

    [Fact]
    public void Every_training_rule_has_its_message_in_French_and_English()
    {
        var source = Path.Combine(Root(), "src", "Cooperation.Web");
        var domain = File.ReadAllText(Path.Combine(source, "Domain", "Training.cs"));
        var keys = System.Text.RegularExpressions.Regex.Matches(domain, "DomainException\\(\"[a-zA-Z]+\", \"([a-zA-Z.]+)\"")
            .Select(m => m.Groups[1].Value).Distinct().ToList();
        keys.Count.ShouldBeGreaterThan(20);
        foreach (var language in new[] { "fr", "en" })
        {
            var messages = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(
                File.ReadAllText(Path.Combine(source, "Resources", language, "training-rules.json")))!;
            keys.Where(k => !messages.ContainsKey(k)).ShouldBeEmpty($"{language}: messages missing");
        }
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cooperation.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }
}
