using Cooperation.Web.Features.Admin.Audit;

namespace Cooperation.Tests.Admin.Audit;

/// <summary>The trail names its records in the reader's language: every audited type has a label, in French and English.</summary>
[Trait("Category", "Unit")]
public class AuditLabelsTests
{
    [Fact]
    public void Every_audited_record_type_has_a_label_translated_into_English()
    {
        var audited = typeof(IAudited).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAudited).IsAssignableFrom(t))
            .Select(t => t.Name).ToList();
        audited.ShouldContain("HostAuthorityType");
        audited.Where(t => !AuditLabels.EntityTypes.ContainsKey(t)).ShouldBeEmpty();

        var english = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Resources", "en"), "*.json")
            .SelectMany(f => JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(f))!.Keys).ToHashSet();
        AuditLabels.EntityTypes.Values.Append(AuditLabels.EntityType("Unknown")).Where(l => !english.Contains(l)).ShouldBeEmpty();
        AuditLabels.EntityType("AppUser").ShouldBe("Compte utilisateur");
        AuditLabels.EntityType("SomethingNew").ShouldNotContain("SomethingNew");
    }
}
