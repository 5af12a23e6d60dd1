namespace Cooperation.Tests.Network.Postings;

/// <summary>The rules of postings and vacancies, on the entities themselves.</summary>
public class PostingRulesTests
{
    private static readonly DateOnly Jan2024 = new(2024, 1, 1);

    private static Cooperant NewCooperant() => new() { FirstName = "Claire", LastName = "Martin", Rank = "Colonel", AdministrationId = 1 };

    private static PostingTerms Terms(DateOnly start, DateOnly plannedEnd, DateOnly? actualEnd = null) =>
        new(CountryId: 10, OrganisationId: null, HostAuthorityTypeId: 3, HostAuthorityName: "État-major général", PositionTitle: "Conseiller",
            StartDate: start, PlannedEndDate: plannedEnd, ActualEndDate: actualEnd);

    [Fact]
    public void A_posting_that_overlaps_another_is_refused_naming_the_other()
    {
        var cooperant = NewCooperant();
        cooperant.Post(Terms(Jan2024, Jan2024.AddYears(3)));

        var e = Should.Throw<DomainException>(() => cooperant.Post(Terms(Jan2024.AddYears(2), Jan2024.AddYears(5))));

        e.Field.ShouldBe("startDate");
        e.MessageKey.ShouldBe("posting.overlap");
        e.Args.ShouldBe(["2024-01-01", "2027-01-01"]);
        cooperant.Postings.Count.ShouldBe(1);
    }

    [Fact]
    public void A_posting_may_start_the_day_the_previous_one_ends()
    {
        var cooperant = NewCooperant();
        cooperant.Post(Terms(Jan2024, Jan2024.AddYears(3)));
        cooperant.Post(Terms(Jan2024.AddYears(3), Jan2024.AddYears(6)));
        cooperant.Postings.Count.ShouldBe(2);
    }

    [Fact]
    public void An_early_actual_end_frees_the_cooperant_before_the_planned_end()
    {
        var cooperant = NewCooperant();
        var first = cooperant.Post(Terms(Jan2024, Jan2024.AddYears(3)));
        Should.Throw<DomainException>(() => cooperant.Post(Terms(Jan2024.AddYears(1), Jan2024.AddYears(4))));

        first.End(Jan2024.AddMonths(10));
        cooperant.Post(Terms(Jan2024.AddYears(1), Jan2024.AddYears(4))).StartDate.ShouldBe(Jan2024.AddYears(1));
    }

    [Fact]
    public void A_planned_end_on_or_before_the_start_is_refused()
    {
        var cooperant = NewCooperant();
        var e = Should.Throw<DomainException>(() => cooperant.Post(Terms(Jan2024, Jan2024)));
        e.Field.ShouldBe("plannedEndDate");
        e.MessageKey.ShouldBe("posting.endBeforeStart");
        Should.Throw<DomainException>(() => cooperant.Post(Terms(Jan2024, Jan2024.AddDays(-1)))).Field.ShouldBe("plannedEndDate");
        cooperant.Postings.ShouldBeEmpty();
    }

    [Fact]
    public void An_actual_end_before_the_start_is_refused()
    {
        var posting = NewCooperant().Post(Terms(Jan2024, Jan2024.AddYears(3)));
        var e = Should.Throw<DomainException>(() => posting.End(Jan2024.AddDays(-3)));
        e.Field.ShouldBe("actualEndDate");
        e.MessageKey.ShouldBe("posting.endBeforeStart");
        posting.ActualEndDate.ShouldBeNull();
    }

    [Fact]
    public void A_posting_ends_once()
    {
        var posting = NewCooperant().Post(Terms(Jan2024, Jan2024.AddYears(3)));
        posting.End(Jan2024.AddYears(2));

        var e = Should.Throw<DomainException>(() => posting.End(Jan2024.AddYears(2).AddDays(10)));

        e.Field.ShouldBe("actualEndDate");
        e.MessageKey.ShouldBe("posting.alreadyEnded");
        e.Args.ShouldBe(["2026-01-01"]);
        posting.ActualEndDate.ShouldBe(Jan2024.AddYears(2));
    }

    [Fact]
    public void Changed_dates_that_collide_with_another_posting_are_refused_but_a_posting_never_collides_with_itself()
    {
        var cooperant = NewCooperant();
        var first = cooperant.Post(Terms(Jan2024, Jan2024.AddYears(2)));
        var second = cooperant.Post(Terms(Jan2024.AddYears(2), Jan2024.AddYears(5)));
        // As loaded from the database: the rule tells postings apart by id as well as by reference.
        (first.Id, second.Id) = (1, 2);

        second.PlannedEndDate = Jan2024.AddYears(6);
        cooperant.CheckNoOverlap(second);

        second.StartDate = Jan2024.AddYears(1);
        var e = Should.Throw<DomainException>(() => cooperant.CheckNoOverlap(second));
        e.MessageKey.ShouldBe("posting.overlap");
        e.Args.ShouldBe([first.StartDate.ToString("yyyy-MM-dd"), first.EffectiveEnd.ToString("yyyy-MM-dd")]);
    }

    [Fact]
    public void A_posting_is_active_from_its_start_until_its_actual_end_even_past_its_planned_end()
    {
        var posting = NewCooperant().Post(Terms(Jan2024, Jan2024.AddYears(3)));

        posting.IsActiveOn(Jan2024.AddDays(-1)).ShouldBeFalse();
        posting.IsActiveOn(Jan2024).ShouldBeTrue();
        posting.IsActiveOn(Jan2024.AddYears(4)).ShouldBeTrue();

        posting.End(Jan2024.AddYears(2));
        posting.IsActiveOn(Jan2024.AddYears(2).AddDays(-1)).ShouldBeTrue();
        posting.IsActiveOn(Jan2024.AddYears(2)).ShouldBeFalse();
    }

    private static Vacancy NewVacancy() => new()
    {
        CountryId = 10, OrganisationId = 4, HostAuthorityTypeId = 11, HostAuthorityName = "Union africaine",
        PositionTitle = "Conseiller militaire", WishedStartDate = Jan2024, DurationMonths = 24,
    };

    [Fact]
    public void A_vacancy_filled_becomes_a_posting_of_the_coopérant_at_its_place_and_position()
    {
        var cooperant = NewCooperant();
        var vacancy = NewVacancy();

        var posting = vacancy.Fill(cooperant, Jan2024.AddMonths(1));

        vacancy.IsOpen.ShouldBeFalse();
        vacancy.FilledByPosting.ShouldBeSameAs(posting);
        cooperant.Postings.ShouldBe([posting]);
        posting.CountryId.ShouldBe(10);
        posting.OrganisationId.ShouldBe(4);
        posting.HostAuthorityTypeId.ShouldBe(11);
        posting.HostAuthorityName.ShouldBe("Union africaine");
        posting.PositionTitle.ShouldBe("Conseiller militaire");
        posting.StartDate.ShouldBe(Jan2024.AddMonths(1));
        posting.PlannedEndDate.ShouldBe(Jan2024.AddMonths(25));
    }

    [Fact]
    public void A_vacancy_cannot_be_filled_twice()
    {
        var vacancy = NewVacancy();
        vacancy.Fill(NewCooperant(), Jan2024);

        var other = NewCooperant();
        var e = Should.Throw<DomainException>(() => vacancy.Fill(other, Jan2024));

        e.Field.ShouldBe("vacancy");
        e.MessageKey.ShouldBe("vacancy.alreadyFilled");
        other.Postings.ShouldBeEmpty();
    }

    [Fact]
    public void A_vacancy_already_filled_in_the_database_is_not_open()
    {
        var vacancy = NewVacancy();
        vacancy.FilledByPostingId = 42;
        Should.Throw<DomainException>(() => vacancy.Fill(NewCooperant(), Jan2024)).MessageKey.ShouldBe("vacancy.alreadyFilled");
    }

    [Fact]
    public void Filling_a_vacancy_with_a_coopérant_already_posted_then_is_refused_and_leaves_it_open()
    {
        var cooperant = NewCooperant();
        cooperant.Post(Terms(Jan2024, Jan2024.AddYears(3)));
        var vacancy = NewVacancy();

        Should.Throw<DomainException>(() => vacancy.Fill(cooperant, Jan2024.AddYears(1))).MessageKey.ShouldBe("posting.overlap");

        vacancy.IsOpen.ShouldBeTrue();
        cooperant.Postings.Count.ShouldBe(1);
    }

    [Fact]
    public void A_vacancy_filled_with_an_explicit_planned_end_keeps_it()
    {
        var posting = NewVacancy().Fill(NewCooperant(), Jan2024, Jan2024.AddMonths(6));
        posting.PlannedEndDate.ShouldBe(Jan2024.AddMonths(6));
    }
}
