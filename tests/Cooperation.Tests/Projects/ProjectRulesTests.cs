namespace Cooperation.Tests.Projects;

/// <summary>The project's own rules: shares of a whole, the EU part, the cycle and what each step needs, money.</summary>
[Trait("Category", "Unit")]
public class ProjectRulesTests
{
    private static readonly DateOnly Start = new(2027, 3, 1);

    private static Project NewProject(ProjectStatus status = ProjectStatus.Identified) =>
        new() { Title = "Appui", StartDate = Start, EndDate = Start.AddYears(2), Status = status };

    private static DomainException Refusal(Action act) => Should.Throw<DomainException>(act);

    private static TransactionTerms Disbursement(DateOnly date, decimal amount = 1_000m, string currency = "EUR", decimal rate = 1m) =>
        new(TransactionKind.Disbursement, date, amount, currency, rate, "DCSD", "Expertise France", null);

    [Fact]
    public void Shares_of_a_whole_make_exactly_100_and_a_single_one_may_leave_its_share_out()
    {
        Percentages.Split("sectors", [null]).ShouldBe([100m]);
        Percentages.Split("sectors", [33.5m, 66.5m]).ShouldBe([33.5m, 66.5m]);
        var e = Refusal(() => Percentages.Split("sectors", [50m, 49m]));
        (e.Field, e.MessageKey, e.Args[0]).ShouldBe(("sectors", "project.sharesSum", (object)"99"));
        Refusal(() => Percentages.Split("locations", [60m, null])).MessageKey.ShouldBe("project.shareRequired");
        Refusal(() => Percentages.Split("locations", [0m, 100m])).MessageKey.ShouldBe("project.shareRange");
    }

    [Fact]
    public void An_eu_funded_project_has_one_mode_an_operator_to_co_lead_or_support_and_an_eu_region()
    {
        var project = NewProject();
        Refusal(() => project.SetEuFunding(true, null, null, "AFS")).MessageKey.ShouldBe("project.euModeRequired");
        Refusal(() => project.SetEuFunding(true, EuInvolvementMode.Support, null, "AFS")).Field.ShouldBe("operator");
        Refusal(() => project.SetEuFunding(true, EuInvolvementMode.Lead, null, "BAL")).MessageKey.ShouldBe("project.euRegion");
        Refusal(() => project.SetEuFunding(false, EuInvolvementMode.Lead, null, "AFS")).MessageKey.ShouldBe("project.euModeWithoutFunding");
        project.SetEuFunding(true, EuInvolvementMode.Lead, "T05-1", "ASE");
        (project.EuFunded, project.EuMode).ShouldBe((true, EuInvolvementMode.Lead));
    }

    [Fact]
    public void A_disbursement_never_precedes_the_start_by_more_than_the_grace()
    {
        var project = NewProject(ProjectStatus.Running);
        var e = Refusal(() => project.Record(Disbursement(Start.AddDays(-1)), graceDays: 0));
        (e.Field, e.MessageKey).ShouldBe(("date", "project.disbursementBeforeStart"));
        project.Record(Disbursement(Start.AddDays(-10)), graceDays: 10).Date.ShouldBe(Start.AddDays(-10));
        Refusal(() => project.Record(Disbursement(Start.AddDays(-11)), graceDays: 10)).Field.ShouldBe("date");
        // A commitment may come before the start; only disbursements are held to it.
        project.Record(Disbursement(Start.AddDays(-30)) with { Kind = TransactionKind.Commitment }, graceDays: 0);
    }

    [Fact]
    public void An_amount_is_positive_and_its_euro_value_is_the_amount_at_the_rate_used()
    {
        var project = NewProject(ProjectStatus.Running);
        Refusal(() => project.Record(Disbursement(Start, 0m), 0)).Field.ShouldBe("amount");
        Refusal(() => project.Record(Disbursement(Start, 10m, "XOF", 0m), 0)).Field.ShouldBe("rate");
        Refusal(() => project.Record(Disbursement(Start, 10m, "EUR", 1.1m), 0)).MessageKey.ShouldBe("project.euroRate");
        project.Record(Disbursement(Start, 1_000_000m, "XOF", 655.957m), 0).EuroValue.ShouldBe(1524.49m);
        Refusal(() => NewProject(ProjectStatus.InPreparation).Record(Disbursement(Start), 0)).MessageKey.ShouldBe("project.transactionStatus");
    }

    [Fact]
    public void The_cycle_allows_only_its_next_steps_each_asking_for_what_it_needs()
    {
        var project = NewProject();
        Refusal(() => project.MoveTo(ProjectStatus.Approved, Start)).MessageKey.ShouldBe("project.transition");
        project.MoveTo(ProjectStatus.InPreparation, Start);
        Refusal(() => project.MoveTo(ProjectStatus.Approved, Start)).MessageKey.ShouldBe("project.approvalNeedsBudget");
        project.SetBudget([new PlannedAmount(2027, FundingSource.NationalCredits, 10_000m)]);
        project.SetEuFunding(true, EuInvolvementMode.Lead, null, "AFS");
        Refusal(() => project.MoveTo(ProjectStatus.Approved, Start)).MessageKey.ShouldBe("project.approvalNeedsAssessment");
        var met = new CriterionAssessment(CriterionRating.Met, "Oui.");
        project.Assess(met, met, new CriterionAssessment(CriterionRating.NotMet, "Non."), met, "Claire Dupont", Start);
        Refusal(() => project.MoveTo(ProjectStatus.Approved, Start)).MessageKey.ShouldBe("project.assessmentNotMet");
        project.Assess(met, met, met, met, "Claire Dupont", Start);
        project.MoveTo(ProjectStatus.Approved, Start);
        project.MoveTo(ProjectStatus.Running, Start);
        var indicator = project.AddIndicator("Cadres formés", "personnes", 0, 2027, 40, 2029, null);
        Refusal(() => project.MoveTo(ProjectStatus.Closed, Start)).MessageKey.ShouldBe("project.closingNeedsActuals");
        indicator.RecordActual(2027, 12, Start);
        project.MoveTo(ProjectStatus.Closed, Start);
        Refusal(() => project.MoveTo(ProjectStatus.Abandoned, Start)).MessageKey.ShouldBe("project.transition");
        Refusal(() => project.MoveTo(ProjectStatus.Evaluated, Start)).MessageKey.ShouldBe("project.evaluationNeedsSummary");
        project.EvaluationSummary = "Atteint.";
        project.MoveTo(ProjectStatus.Evaluated, Start);
        project.NextStatuses.ShouldBeEmpty();
    }

    [Fact]
    public void A_project_is_published_with_sectors_and_keeps_its_first_IATI_identifier_for_good()
    {
        var project = NewProject(ProjectStatus.Running);
        var refused = Refusal(() => project.SetPublication(true));
        (refused.Field, refused.MessageKey).ShouldBe(("iatiPublished", "project.iatiNeedsSector"));
        project.SetSectors([new SectorShare("15210", null)]);
        project.SetPublication(true);
        project.GiveIatiIdentifier("FR-6-12");
        project.SetPublication(false);
        project.GiveIatiIdentifier("XM-OTHER-12");
        (project.IatiPublished, project.IatiIdentifier).ShouldBe((false, "FR-6-12"));
    }

    [Fact]
    public void An_actual_date_is_never_after_today()
    {
        ActualDates.EnsureNotFuture("date", Start, Start);
        var refused = Refusal(() => ActualDates.EnsureNotFuture("date", Start.AddDays(1), Start));
        (refused.Field, refused.MessageKey).ShouldBe(("date", "project.actualDateInFuture"));
    }
}
