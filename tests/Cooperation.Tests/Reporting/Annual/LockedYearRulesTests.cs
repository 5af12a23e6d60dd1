namespace Cooperation.Tests.Reporting.Annual;

/// <summary>The rules of a locked year: declared once, after its end; changed only by whom may amend it, with a reason.</summary>
[Trait("Category", "Unit")]
public class LockedYearRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Fact]
    public void A_year_is_declared_final_once_it_has_ended_and_only_once()
    {
        var locked = LockedYear.Declare(2025, Today, alreadyFinal: false, new DateTime(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc), "u1", "directeur@demo.local");
        (locked.Year, locked.LockedByName).ShouldBe((2025, "directeur@demo.local"));
        var current = Should.Throw<DomainException>(() => LockedYear.Declare(2026, Today, false, DateTime.UtcNow, null, "x"));
        (current.Field, current.MessageKey).ShouldBe(("year", "locked.yearNotEnded"));
        Should.Throw<DomainException>(() => LockedYear.Declare(2025, Today, true, DateTime.UtcNow, null, "x")).MessageKey.ShouldBe("locked.alreadyFinal");
    }

    [Fact]
    public void A_record_of_a_locked_year_changes_only_by_whom_may_amend_it_giving_a_reason()
    {
        LockedYearAmendment.CheckReason(2025, mayAmend: true, "  Pièce retrouvée  ").ShouldBe("Pièce retrouvée");
        var refused = Should.Throw<DomainException>(() => LockedYearAmendment.CheckReason(2025, mayAmend: false, "Pièce retrouvée"));
        (refused.Field, refused.MessageKey, refused.Args[0]).ShouldBe(("amendmentReason", "locked.yearLocked", (object)2025));
        Should.Throw<DomainException>(() => LockedYearAmendment.CheckReason(2025, true, " ")).MessageKey.ShouldBe("locked.reasonRequired");
        Should.Throw<DomainException>(() => LockedYearAmendment.CheckReason(2025, true, new string('x', 501))).MessageKey.ShouldBe("locked.reasonTooLong");
    }
}
