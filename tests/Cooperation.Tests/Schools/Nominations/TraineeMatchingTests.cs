using Cooperation.Web.Features.Schools.Nominations;

namespace Cooperation.Tests.Schools.Nominations;

/// <summary>Which trainee records may be the same person (near-matches), short of an exact match.</summary>
[Trait("Category", "Unit")]
public class TraineeMatchingTests
{
    private static readonly DateOnly Born = new(1980, 6, 15);

    private static NearMatchReason? Match(string first, string last, DateOnly born, string otherFirst, string otherLast, DateOnly otherBorn) =>
        TraineeMatching.NearMatch(Trainee.Normalize(first, last), TraineeMatching.NormalizedLastName(last), born,
            Trainee.Normalize(otherFirst, otherLast), TraineeMatching.NormalizedLastName(otherLast), otherBorn);

    [Fact]
    public void An_exact_match_is_not_a_near_one() =>
        Match("Aïcha", "Koné", Born, "AICHA", "KONE", Born).ShouldBeNull();

    [Fact]
    public void Same_last_name_and_birth_date_is_a_near_match() =>
        Match("Seydou", "Ouattara", Born, "Ibrahim", "Ouattara", Born).ShouldBe(NearMatchReason.SameLastName);

    [Fact]
    public void A_name_two_letters_off_with_the_same_birth_date_is_a_near_match()
    {
        Match("Mamadou", "Diarra", Born, "Mamadu", "Diara", Born).ShouldBe(NearMatchReason.SimilarName);
        Match("Mamadou", "Diarra", Born, "Mahamadou", "Diara", Born).ShouldBeNull();
    }

    [Fact]
    public void First_and_last_names_swapped_are_a_near_match() =>
        Match("Traoré", "Moussa", Born, "Moussa", "Traoré", Born).ShouldBe(NearMatchReason.NamesInAnotherOrder);

    [Fact]
    public void The_same_name_born_within_a_year_is_a_near_match_and_not_beyond()
    {
        Match("Awa", "Diallo", Born, "Awa", "Diallo", Born.AddMonths(11)).ShouldBe(NearMatchReason.BirthDateClose);
        Match("Awa", "Diallo", Born, "Awa", "Diallo", Born.AddYears(-1)).ShouldBe(NearMatchReason.BirthDateClose);
        Match("Awa", "Diallo", Born, "Awa", "Diallo", Born.AddYears(1).AddDays(1)).ShouldBeNull();
    }

    [Fact]
    public void Different_people_born_the_same_day_are_not_matched() =>
        Match("Fatou", "Sow", Born, "Omar", "Ndiaye", Born).ShouldBeNull();

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("ABC", "", 3)]
    [InlineData("KITTEN", "SITTING", 3)]
    [InlineData("DIARRA MAMADOU", "DIARA MAMADU", 2)]
    public void Levenshtein_counts_the_edits(string a, string b, int distance) =>
        TraineeMatching.Levenshtein(a, b).ShouldBe(distance);
}
