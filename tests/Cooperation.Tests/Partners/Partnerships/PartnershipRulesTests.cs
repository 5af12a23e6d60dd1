namespace Cooperation.Tests.Partners.Partnerships;

/// <summary>A partnership's own rules: its period, its contributions by year and party, renewal, the actions it may cover.</summary>
[Trait("Category", "Unit")]
public class PartnershipRulesTests
{
    private static readonly DateOnly Start = new(2024, 1, 1);

    private static Partnership NewPartnership() =>
        new() { AgreementTitle = "En Avant !", AgreementReference = "ACC-OIF-1", StartDate = Start, EndDate = new DateOnly(2027, 12, 31) };

    private static PartnershipContribution Line(int year, ContributionParty party = ContributionParty.Directorate, decimal amount = 1000m, int places = 0) =>
        new() { Year = year, Party = party, Amount = amount, TrainingPlaces = places };

    [Fact]
    public void An_agreement_ends_after_it_starts_and_is_signed_before_it_ends()
    {
        Should.Throw<DomainException>(() => Partnership.ValidateTerms(Start, Start.AddDays(-1), null)).MessageKey.ShouldBe("partnership.endBeforeStart");
        Should.Throw<DomainException>(() => Partnership.ValidateTerms(Start, Start.AddYears(1), Start.AddYears(2))).Field.ShouldBe("signedOn");
        Partnership.ValidateTerms(Start, Start.AddYears(1), Start.AddDays(-30));
    }

    [Fact]
    public void Contributions_are_one_line_a_year_and_party_within_the_agreement_never_negative_nor_empty()
    {
        var p = NewPartnership();
        Should.Throw<DomainException>(() => p.SetContributions([Line(2023)])).MessageKey.ShouldBe("partnership.contributionYearOutside");
        Should.Throw<DomainException>(() => p.SetContributions([Line(2024, amount: -5)])).MessageKey.ShouldBe("partnership.contributionNegative");
        Should.Throw<DomainException>(() => p.SetContributions([Line(2024, amount: 0)])).MessageKey.ShouldBe("partnership.contributionEmpty");
        Should.Throw<DomainException>(() => p.SetContributions([Line(2024), Line(2024, amount: 5)])).MessageKey.ShouldBe("partnership.contributionTwice");

        p.SetContributions([Line(2024), Line(2024, ContributionParty.Organisation, 0, places: 20), Line(2025)]);
        p.Contributions.Count.ShouldBe(3);
        var kept = p.Contributions.Single(c => c.Year == 2024 && c.Party == ContributionParty.Directorate);
        p.SetContributions([Line(2024, amount: 2500)]);
        p.Contributions.ShouldHaveSingleItem().ShouldBeSameAs(kept);
        kept.Amount.ShouldBe(2500);
    }

    [Fact]
    public void An_agreement_ending_within_six_months_is_due_for_renewal_until_it_ends()
    {
        var p = NewPartnership();
        p.IsDueForRenewal(new DateOnly(2027, 6, 30)).ShouldBeFalse();
        p.IsDueForRenewal(new DateOnly(2027, 7, 1)).ShouldBeTrue();
        p.IsDueForRenewal(new DateOnly(2027, 12, 31)).ShouldBeTrue();
        p.IsDueForRenewal(new DateOnly(2028, 1, 1)).ShouldBeFalse();
    }

    [Fact]
    public void An_action_overlaps_the_agreement_s_period()
    {
        var p = NewPartnership();
        Should.Throw<DomainException>(() => p.EnsureCovers("id", new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31))).MessageKey.ShouldBe("partnership.actionOutsidePeriod");
        Should.Throw<DomainException>(() => p.EnsureCovers("id", new DateOnly(2028, 1, 1), null));
        p.EnsureCovers("id", new DateOnly(2023, 6, 1), new DateOnly(2024, 2, 1));
    }
}
