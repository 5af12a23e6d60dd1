using Cooperation.Web.Features.Projects;

namespace Cooperation.Tests.Donations;

/// <summary>The non-lethal rule on its own: the table of items, the parsing of Common Military List categories.</summary>
[Trait("Category", "Unit")]
public class NonLethalRuleTests
{
    [Theory]
    [MemberData(nameof(NonLethalTable.Items), MemberType = typeof(NonLethalTable))]
    public void An_item_is_refused_for_the_rule_it_breaks_naming_itself(string category, string description, string? ml, string expected)
    {
        var parsed = ProjectCodes.Parse<EquipmentCategory>(category);
        var act = () => NonLethalRule.Check("items", description, parsed, NonLethalRule.ParseMl("mlCategory", ml));
        if (expected == NonLethalTable.Accepted)
        {
            act.ShouldNotThrow();
            return;
        }
        var refusal = Should.Throw<DomainException>(act);
        refusal.MessageKey.ShouldBe(expected);
        refusal.Args[0].ShouldBe(description);
    }

    [Fact]
    public void The_table_holds_fifty_items_and_more_accepted_and_refused_in_both_languages()
    {
        var rows = NonLethalTable.Items.Select(r => (string)r[3]).ToList();
        rows.Count.ShouldBeGreaterThanOrEqualTo(50);
        rows.Count(r => r == NonLethalTable.Accepted).ShouldBeGreaterThanOrEqualTo(20);
        rows.Count(r => r == NonLethalTable.LethalTerm).ShouldBeGreaterThanOrEqualTo(20);
    }

    [Theory]
    [InlineData("ML13", 13)]
    [InlineData("ml 10", 10)]
    [InlineData("22", 22)]
    [InlineData("aucune", null)]
    [InlineData("", null)]
    public void A_common_military_list_category_reads_as_written(string code, int? expected) =>
        NonLethalRule.ParseMl("mlCategory", code).ShouldBe(expected);

    [Theory]
    [InlineData("ML23")]
    [InlineData("ML0")]
    [InlineData("MLX")]
    [InlineData("-3")]
    public void What_is_no_category_of_the_list_is_refused(string code) =>
        Should.Throw<DomainException>(() => NonLethalRule.ParseMl("mlCategory", code)).MessageKey.ShouldBe("donation.mlUnknown");

    [Fact]
    public void Every_lethal_category_of_the_list_is_refused_and_the_others_pass()
    {
        for (var ml = 1; ml <= NonLethalRule.LastMlCategory; ml++)
        {
            var act = () => NonLethalRule.Check("items", "Matériel", EquipmentCategory.TrainingMeans, ml);
            if (ml is 1 or 2 or 3 or 4 or 7 or 8 or 12 or 19) Should.Throw<DomainException>(act).Args[1].ShouldBe("ML" + ml);
            else act.ShouldNotThrow();
        }
    }
}
