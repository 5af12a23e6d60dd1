namespace Cooperation.Tests.Sessions.International;

/// <summary>An international session's own rules (its slot, its participants' path) and the rotation planner's arithmetic.</summary>
[Trait("Category", "Unit")]
public class InternationalSessionRulesTests
{
    private static readonly RotationZone Africa = new(1, "AFS", "Afrique subsaharienne", StrategicPriority.High);
    private static readonly RotationZone Levant = new(2, "MOY", "Moyen-Orient", StrategicPriority.High);
    private static readonly RotationZone IndoPacific = new(3, "IPA", "Indo-Pacifique", StrategicPriority.Medium);
    private static readonly RotationZone Balkans = new(4, "BAL", "Balkans", StrategicPriority.Medium);
    private static readonly RotationZone LatinAmerica = new(5, "AML", "Amérique latine", StrategicPriority.Low);
    private static readonly RotationZone[] Zones = [Africa, Levant, IndoPacific, Balkans, LatinAmerica];

    private static InternationalSession NewSession(DateOnly start) =>
        new() { Theme = "Sahel", Year = start.Year, Number = 1, StartDate = start, EndDate = start.AddDays(10), InvitedCountries = [new Country { Id = 7, Iso2 = "SN", Iso3 = "SEN", NumericCode = "686", NameFr = "Sénégal", NameEn = "Senegal" }] };

    private static Trainee Person(int id) => new() { Id = id, FirstName = "Awa", LastName = "Diop" };

    [Fact]
    public void A_session_is_one_of_three_of_its_year_and_ends_after_it_starts()
    {
        Should.Throw<DomainException>(() => InternationalSession.ValidateTerms(2027, 4, new(2027, 3, 1), new(2027, 3, 10))).Field.ShouldBe("number");
        Should.Throw<DomainException>(() => InternationalSession.ValidateTerms(2027, 1, new(2026, 3, 1), new(2027, 3, 10))).Field.ShouldBe("startDate");
        Should.Throw<DomainException>(() => InternationalSession.ValidateTerms(2027, 1, new(2027, 3, 10), new(2027, 3, 1))).Field.ShouldBe("endDate");
        InternationalSession.ValidateTerms(2027, 3, new(2027, 10, 1), new(2027, 10, 12));
    }

    [Fact]
    public void A_participant_comes_from_an_invited_country_once_and_attends_only_once_the_session_has_begun()
    {
        var session = NewSession(new DateOnly(2027, 3, 1));
        Should.Throw<DomainException>(() => session.Add(Person(1), 99, proposed: true, DateTime.UtcNow, null)).MessageKey.ShouldBe("participant.countryNotInvited");
        var proposed = session.Add(Person(1), 7, proposed: true, DateTime.UtcNow, null);
        proposed.Status.ShouldBe(ParticipantStatus.Proposed);
        Should.Throw<DomainException>(() => session.Add(Person(1), 7, proposed: false, DateTime.UtcNow, null)).MessageKey.ShouldBe("participant.duplicate");
        session.Add(Person(2), 7, proposed: false, DateTime.UtcNow, null).Status.ShouldBe(ParticipantStatus.Invited);

        Should.Throw<DomainException>(() => proposed.MoveTo(ParticipantStatus.Attended, new DateOnly(2027, 3, 5))).MessageKey.ShouldBe("participant.transition");
        proposed.MoveTo(ParticipantStatus.Invited, new DateOnly(2027, 1, 1));
        proposed.MoveTo(ParticipantStatus.Confirmed, new DateOnly(2027, 1, 1));
        Should.Throw<DomainException>(() => proposed.MoveTo(ParticipantStatus.Attended, new DateOnly(2027, 2, 28))).MessageKey.ShouldBe("participant.notStarted");
        proposed.MoveTo(ParticipantStatus.Attended, new DateOnly(2027, 3, 1));
        proposed.CanMoveTo(ParticipantStatus.Declined).ShouldBeFalse();
        Should.Throw<DomainException>(() => session.EnsureCanUninvite(7)).MessageKey.ShouldBe("intlSession.countryHasParticipants");
    }

    [Fact]
    public void The_planner_proposes_the_longest_uncovered_zones_weighted_by_priority_for_the_free_numbers()
    {
        RotationSession[] sessions =
        [
            new(2024, 1, Africa.Id), new(2024, 2, IndoPacific.Id), new(2024, 3, LatinAmerica.Id),
            new(2025, 1, Africa.Id), new(2025, 2, Balkans.Id), new(2025, 3, Levant.Id),
            new(2026, 1, Africa.Id), new(2026, 2, IndoPacific.Id), new(2026, 3, Balkans.Id),
            new(2027, 2, Africa.Id),
        ];
        var proposals = SessionRotation.Propose(2027, Zones, sessions);
        // Free numbers 1 and 3; Africa is taken this year. Levant: 2 years × 3 = 6; Latin America: 3 × 1 = 3; Balkans 1 × 2; Indo-Pacific 1 × 2.
        proposals.Select(p => (p.Number, p.Zone.Code, p.Score)).ShouldBe([(1, "MOY", 6), (3, "AML", 3)]);
        proposals[0].LastCovered.ShouldBe(2025);

        // A zone never covered in the window waits longest of all.
        SessionRotation.Propose(2027, [.. Zones, new RotationZone(6, "ASE", "Asie du Sud-Est", StrategicPriority.Medium)], sessions)[0].Zone.Code.ShouldBe("ASE");
    }

    [Fact]
    public void The_planner_warns_of_a_year_without_three_sessions_and_of_a_priority_zone_uncovered_too_long()
    {
        var sessions = Enumerable.Range(2016, 11).SelectMany(y => new[]
            { new RotationSession(y, 1, Africa.Id), new RotationSession(y, 2, y % 2 == 0 ? IndoPacific.Id : Balkans.Id), new RotationSession(y, 3, y <= 2022 ? Levant.Id : LatinAmerica.Id) })
            .Where(s => s.Year != 2019 || s.Number != 3).ToList();
        var warnings = SessionRotation.Warnings(2026, Zones, sessions, maxUncoveredYears: 3);
        warnings.Where(w => w.Kind == RotationWarningKind.IncompleteYear).Select(w => (w.Year, w.Sessions)).ShouldBe([(2019, 2), (2027, 0)]);
        var zone = warnings.Single(w => w.Kind == RotationWarningKind.ZoneUncovered);
        (zone.Zone!.Code, zone.LastCovered, zone.YearsUncovered).ShouldBe(("MOY", 2022, 4));
        // Latin America is of low priority: the planner proposes it in turn but does not warn of it.
        SessionRotation.Warnings(2026, Zones, sessions, maxUncoveredYears: 4).ShouldNotContain(w => w.Kind == RotationWarningKind.ZoneUncovered);
    }
}
