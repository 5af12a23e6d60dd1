namespace Cooperation.Tests.Missions;

/// <summary>The mission's own rules: its cycle and what each step needs, staffing, recommendations and their follow-up.</summary>
[Trait("Category", "Unit")]
public class MissionRulesTests
{
    private static readonly DateOnly Start = new(2027, 3, 1);

    private static ExpertiseMission NewMission() => new()
    {
        HostAuthorityName = "État-major général", RequestedBy = "Colonel Diop", Subject = "Audit du commandement", RequestedOn = Start.AddMonths(-2),
        PlannedStartDate = Start, PlannedEndDate = Start.AddDays(10), Form = MissionForm.Short,
    };

    private static DomainException Refusal(Action act) => Should.Throw<DomainException>(act);

    private static ExpertiseMission Reported()
    {
        var mission = NewMission();
        mission.Assess("Priorité de la zone", "Faisable", "Faibles", "Claire", Start.AddMonths(-1));
        mission.Decide(true, null, "Directeur", Start.AddMonths(-1));
        mission.Assign(7, null, Start, Start.AddDays(9), 10);
        mission.Start(Start);
        mission.Report(Start.AddDays(9), "Synthèse", hasFile: true, Start.AddDays(20));
        return mission;
    }

    [Fact]
    public void Each_step_of_the_cycle_refuses_until_the_one_before_is_done()
    {
        var mission = NewMission();
        Refusal(() => mission.Decide(true, null, "Directeur", Start)).MessageKey.ShouldBe("mission.assessFirst");
        Refusal(() => mission.Assign(1, null, Start, Start, 1)).MessageKey.ShouldBe("mission.approveFirst");
        Refusal(() => mission.Start(Start)).MessageKey.ShouldBe("mission.cannotStart");

        mission.Assess("Pertinente", "Faisable", "Aucun", "Claire", Start);
        mission.Status.ShouldBe(MissionStatus.Assessed);
        mission.Decide(true, null, "Directeur", Start);
        mission.Status.ShouldBe(MissionStatus.Approved);
        Refusal(() => mission.Decide(false, "Trop tard", "Directeur", Start)).MessageKey.ShouldBe("mission.alreadyDecided");
        Refusal(() => mission.Start(Start)).MessageKey.ShouldBe("mission.staffFirst");
        Refusal(() => mission.Recommend("R", "Ministère", Start, RecommendationPriority.High)).MessageKey.ShouldBe("mission.recommendationsNotNow");

        mission.Assign(null, 3, Start, Start.AddDays(4), 5);
        mission.Status.ShouldBe(MissionStatus.Staffed);
        Refusal(() => mission.Close(null, Start)).MessageKey.ShouldBe("mission.reportFirst");
        mission.Start(Start.AddDays(1));
        Refusal(() => mission.Assign(1, null, Start, Start, 1)).MessageKey.ShouldBe("mission.staffingClosed");
        var early = Refusal(() => mission.Report(Start, "Synthèse", true, Start));
        (early.Field, early.MessageKey).ShouldBe(("actualEndDate", "mission.endBeforeStart"));
        Refusal(() => mission.Report(Start.AddDays(5), "Synthèse", false, Start)).Field.ShouldBe("report");
        mission.Report(Start.AddDays(5), "Synthèse", true, Start.AddDays(6));
        (mission.Status, mission.ActualEndDate, mission.ExpertDays).ShouldBe((MissionStatus.Reported, Start.AddDays(5), 5));
    }

    [Fact]
    public void A_decline_gives_its_reason_and_ends_the_cycle()
    {
        var mission = NewMission();
        mission.Assess("Hors priorités", "Difficile", "Élevés", "Claire", Start);
        Refusal(() => mission.Decide(false, " ", "Directeur", Start)).Field.ShouldBe("reason");
        mission.Decide(false, "Hors des priorités de la zone", "Directeur", Start);
        mission.Status.ShouldBe(MissionStatus.Declined);
        Refusal(() => mission.Assign(1, null, Start, Start, 1)).MessageKey.ShouldBe("mission.approveFirst");
        Refusal(() => mission.Assess("a", "b", "c", "d", Start)).MessageKey.ShouldBe("mission.requestDecided");
    }

    [Fact]
    public void Staffing_takes_one_expert_once_with_dates_in_order_and_days_they_hold()
    {
        var mission = NewMission();
        mission.Assess("a", "b", "c", "Claire", Start);
        mission.Decide(true, null, "Directeur", Start);
        Refusal(() => mission.Assign(1, 2, Start, Start, 1)).MessageKey.ShouldBe("mission.oneExpert");
        Refusal(() => mission.Assign(null, null, Start, Start, 1)).MessageKey.ShouldBe("mission.oneExpert");
        Refusal(() => mission.Assign(1, null, Start, Start.AddDays(-1), 1)).Field.ShouldBe("endDate");
        var days = Refusal(() => mission.Assign(1, null, Start, Start.AddDays(2), 4));
        (days.Field, days.Args[0]).ShouldBe(("days", (object)3));
        mission.Assign(1, null, Start, Start.AddDays(2), 3);
        Refusal(() => mission.Assign(1, null, Start.AddDays(5), Start.AddDays(6), 2)).MessageKey.ShouldBe("mission.expertTwice");
        mission.Assign(null, 1, Start, Start.AddDays(2), 2);
        Refusal(() => mission.Assign(null, 1, Start, Start, 1)).Field.ShouldBe("expertId");
        mission.ExpertDays.ShouldBe(5);
    }

    [Fact]
    public void A_mission_closes_when_its_recommendations_are_finished_or_with_a_reason()
    {
        var mission = Reported();
        var a = mission.Recommend("Créer un centre de doctrine", "Ministère de la défense", Start.AddMonths(6), RecommendationPriority.High);
        var b = mission.Recommend("Former les formateurs", "État-major", Start.AddMonths(3), RecommendationPriority.Medium);
        var refused = Refusal(() => mission.Close(null, Start.AddYears(1)));
        (refused.Field, refused.Args[0]).ShouldBe(("reason", (object)2));

        a.FollowUp("Décret signé", RecommendationStatus.Implemented, "Coopérant", Start.AddMonths(5));
        (a.Status, a.FinishedOn, a.FollowUps.Count).ShouldBe((RecommendationStatus.Implemented, Start.AddMonths(5), 1));
        Refusal(() => a.FollowUp("Revenir", RecommendationStatus.Open, "Coopérant", Start.AddMonths(6))).MessageKey.ShouldBe("recommendation.finished");
        a.FollowUp("Le centre fonctionne", null, "Coopérant", Start.AddMonths(7));
        a.FollowUps.Count.ShouldBe(2);

        b.IsOverdue(Start.AddMonths(4)).ShouldBeTrue();
        b.FollowUp("Abandonnée faute de budget", RecommendationStatus.Abandoned, "Coopérant", Start.AddMonths(4));
        b.IsOverdue(Start.AddMonths(5)).ShouldBeFalse();
        mission.Close(null, Start.AddYears(1));
        mission.Status.ShouldBe(MissionStatus.Closed);
    }

    [Fact]
    public void A_mission_closed_with_recommendations_open_says_why()
    {
        var mission = Reported();
        mission.Recommend("Réviser la doctrine", "État-major", Start.AddMonths(6), RecommendationPriority.Low);
        mission.Close("Le partenaire a mis fin à la coopération", Start.AddYears(1));
        (mission.Status, mission.ClosingReason).ShouldBe((MissionStatus.Closed, "Le partenaire a mis fin à la coopération"));
    }
}
