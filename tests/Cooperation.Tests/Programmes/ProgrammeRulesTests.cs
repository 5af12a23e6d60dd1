namespace Cooperation.Tests.Programmes;

/// <summary>The programme's own rules: planned values, budgets adding up, its cycle, revisions against the baseline, closing.</summary>
[Trait("Category", "Unit")]
public class ProgrammeRulesTests
{
    private static readonly DateOnly Day = new(2027, 3, 1);

    private static ProgrammeLineTerms Places(int places, decimal budget = 10_000, int school = 1, int domain = 2) =>
        new(ProgrammeMode.Training, school, domain, null, null, null, places, 0, 0, budget, FundingSource.NationalCredits);

    private static ProgrammePlan PlanOf(params ProgrammeLineTerms[] lines) => new([], lines,
        lines.GroupBy(l => (l.Mode, l.Source)).Select(g => new ProgrammeEnvelopeTerms(g.Key.Mode, g.Key.Source, g.Sum(l => l.Budget))).ToList());

    private static DomainException Refusal(Action act) => Should.Throw<DomainException>(act);

    [Fact]
    public void Planned_values_are_never_negative_and_each_refusal_names_its_line_and_field()
    {
        var programme = new Programme { CountryId = 1, Year = 2027 };
        Refusal(() => programme.Plan(PlanOf(Places(5), Places(-1, domain: 3)))).Field.ShouldBe("lines[1].quantity");
        Refusal(() => programme.Plan(PlanOf(Places(5, budget: -3)))).Field.ShouldBe("lines[0].budget");
        var donation = new ProgrammeLineTerms(ProgrammeMode.Donations, null, null, EquipmentCategory.Surveillance, null, null, 0, 0, -5, 0, FundingSource.NationalCredits);
        Refusal(() => programme.Plan(PlanOf(donation))).Field.ShouldBe("lines[0].value");
        var missions = new ProgrammeLineTerms(ProgrammeMode.Missions, null, 4, null, null, null, 3, 2, 0, 0, FundingSource.NationalCredits);
        Refusal(() => programme.Plan(PlanOf(missions))).MessageKey.ShouldBe("programme.daysBelowMissions");
        var noSchool = Places(4) with { SchoolId = null };
        Refusal(() => programme.Plan(PlanOf(noSchool))).Field.ShouldBe("lines[0].school");
        Refusal(() => programme.Plan(PlanOf(Places(4), Places(6)))).MessageKey.ShouldBe("programme.lineTwice");
        programme.Lines.ShouldBeEmpty();
    }

    [Fact]
    public void Budgets_add_up_mode_by_mode_and_source_by_source_to_the_envelopes()
    {
        var programme = new Programme { CountryId = 1, Year = 2027 };
        var line = Places(10, budget: 12_000);
        var wrong = new ProgrammePlan([], [line], [new(ProgrammeMode.Training, FundingSource.NationalCredits, 10_000)]);
        var refusal = Refusal(() => programme.Plan(wrong));
        (refusal.Field, refusal.MessageKey).ShouldBe(("envelopes", "programme.budgetsDoNotAddUp"));
        var otherSource = new ProgrammePlan([], [line], [new(ProgrammeMode.Training, FundingSource.EuDelegatedFunds, 12_000)]);
        Refusal(() => programme.Plan(otherSource)).Field.ShouldBe("envelopes");
        var negative = new ProgrammePlan([], [], [new(ProgrammeMode.Donations, FundingSource.NationalCredits, -1)]);
        Refusal(() => programme.Plan(negative)).Field.ShouldBe("envelopes[0].amount");

        programme.Plan(new ProgrammePlan([], [line], [new(ProgrammeMode.Training, FundingSource.NationalCredits, 12_000)]));
        programme.Lines.Single().Budget.ShouldBe(12_000);
        programme.Envelopes.Single().Amount.ShouldBe(12_000);
    }

    [Fact]
    public void The_cycle_goes_from_draft_to_closed_and_approval_freezes_the_baseline()
    {
        var programme = new Programme { CountryId = 1, Year = 2027 };
        Refusal(() => programme.Submit(Day)).MessageKey.ShouldBe("programme.nothingPlanned");
        programme.Plan(PlanOf(Places(10)));
        Refusal(() => programme.Approve(false, "Directeur", Day)).MessageKey.ShouldBe("programme.notSubmitted");
        programme.Submit(Day);
        Refusal(() => programme.Return(" ", "Directeur")).Field.ShouldBe("comment");
        programme.Return("Trop peu de places à l'EMPABB", "Directeur");
        programme.Status.ShouldBe(ProgrammeStatus.Returned);
        programme.Plan(PlanOf(Places(14)));
        programme.Submit(Day);
        Refusal(() => programme.Approve(true, "Directeur", Day)).MessageKey.ShouldBe("programme.alreadyApproved");
        programme.Approve(false, "Directeur", Day);
        programme.Status.ShouldBe(ProgrammeStatus.Approved);
        programme.ReturnComment.ShouldBeNull();
        Programme.SnapshotLines(programme.Baseline).Single().Quantity.ShouldBe(14);

        Refusal(() => programme.Plan(PlanOf(Places(20)))).MessageKey.ShouldBe("programme.approvedNeedsRevision");
        Refusal(() => programme.Revise("", PlanOf(Places(20)), "Claire", Day)).Field.ShouldBe("reason");
        var revision = programme.Revise("Demande du partenaire", PlanOf(Places(20)), "Claire", Day.AddMonths(3));
        (revision.Number, programme.Status, programme.Lines.Single().Quantity).ShouldBe((1, ProgrammeStatus.Revised, 20));
        Programme.SnapshotLines(revision.Before).Single().Quantity.ShouldBe(14);
        Programme.SnapshotLines(programme.Baseline).Single().Quantity.ShouldBe(14, "the baseline stays as approved");

        Refusal(() => programme.Close(null, new DateOnly(2027, 12, 20))).Field.ShouldBe("assessment");
        programme.Close("Année conforme au plan", new DateOnly(2027, 12, 20));
        Refusal(() => programme.Revise("Encore", PlanOf(Places(3)), "Claire", Day)).MessageKey.ShouldBe("programme.closed");
        Refusal(() => programme.Plan(PlanOf(Places(3)))).MessageKey.ShouldBe("programme.closed");
        Refusal(() => programme.Close("Encore", Day)).MessageKey.ShouldBe("programme.closed");
    }

    [Fact]
    public void A_quota_from_a_programme_never_exceeds_the_places_planned_without_a_revision()
    {
        var session = new CourseSession { Place = "Bamako", Capacity = 30 };
        session.SetQuota(5, 4, plannedPlaces: 4);
        Refusal(() => session.SetQuota(5, 6, plannedPlaces: 4)).MessageKey.ShouldBe("session.quotaOverProgramme");
        session.SetQuota(5, 6);
        session.SetQuota(5, 3, plannedPlaces: 0);
        session.QuotaFor(5).ShouldBe(3);
    }

    [Fact]
    public void Progress_rates_forecasts_from_the_pace_and_flags_lines_off_course()
    {
        ProgrammeProgress.Rate(5, 10).ShouldBe(0.5m);
        ProgrammeProgress.Rate(5, 0).ShouldBeNull();
        ProgrammeProgress.Forecast(10, 2027, new DateOnly(2027, 7, 2)).ShouldBe(Math.Round(10m * 365 / 183, 2));
        ProgrammeProgress.Forecast(10, 2026, new DateOnly(2027, 7, 2)).ShouldBe(10);
        ProgrammeProgress.Forecast(10, 2028, new DateOnly(2027, 7, 2)).ShouldBeNull();
        ProgrammeProgress.OffCourse(4, 10, 2027, new DateOnly(2027, 9, 30)).ShouldBeFalse();
        ProgrammeProgress.OffCourse(4, 10, 2027, new DateOnly(2027, 10, 1)).ShouldBeTrue();
        ProgrammeProgress.OffCourse(5, 10, 2027, new DateOnly(2027, 11, 1)).ShouldBeFalse();
        ProgrammeProgress.OffCourse(1, 10, 2026, new DateOnly(2027, 1, 5)).ShouldBeTrue();
        Programme.ProposedPlaces([3, 0, 4], 3).ShouldBe(3);
    }
}
