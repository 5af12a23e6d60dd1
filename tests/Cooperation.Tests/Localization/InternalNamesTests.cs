using System.Text.RegularExpressions;
using Cooperation.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Cooperation.Tests.Localization;

/// <summary>
/// No internal name reaches a user: every page (from the application's endpoints, with records of the demo data), read
/// by several roles in both languages, shows no role, status, kind or record type by its name in the code
/// ("SchoolDirector", "UnderReview", "HostAuthorityType"), and no string of theirs lacks its English. The pages' words do
/// not depend on the database: the PostgreSQL run leaves this walk to its own walks of every page (the generated
/// authorisation test, the forms' fuzzing), which look there for what does.
/// </summary>
[Trait("Category", "SqliteOnly")]
public partial class InternalNamesTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    /// <summary>Code names that are also the public name of a thing: an image format is called WebP in every language.</summary>
    private static readonly string[] PublicNames = ["WebP"];

    /// <summary>The code's names made of several words: those a label must stand for (a one-word name may be a word of the language).</summary>
    private static readonly HashSet<string> CodeNames = typeof(IAudited).Assembly.GetTypes()
        .Where(t => t.IsEnum && t.Namespace?.StartsWith("Cooperation.Web.Domain", StringComparison.Ordinal) == true)
        .SelectMany(Enum.GetNames)
        .Concat(typeof(IAudited).Assembly.GetTypes().Where(t => typeof(IAudited).IsAssignableFrom(t)).Select(t => t.Name))
        .Concat(Roles.All)
        .Where(n => Compound().IsMatch(n))
        .Except(PublicNames)
        .ToHashSet();

    [Fact]
    public async Task No_page_shows_a_code_name_to_any_role_in_either_language()
    {
        CodeNames.ShouldContain("SchoolDirector");
        CodeNames.ShouldContain("HostAuthorityType");
        var pages = await SitePages.AddressesAsync(factory);
        var found = new List<string>();
        foreach (var account in new[] { DemoAccounts.Director, DemoAccounts.DeskAfrica, DemoAccounts.SchoolDirector, DemoAccounts.LiaisonCi, DemoAccounts.CooperantSenegal })
            foreach (var language in new[] { "fr", "en" })
            {
                var client = await factory.PageClientAsync(account, language);
                foreach (var address in pages)
                {
                    var response = await client.GetAsync(address);
                    if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                    var text = VisibleText(await response.Content.ReadAsStringAsync());
                    found.AddRange(Word().Matches(text).Select(m => m.Value).Where(CodeNames.Contains).Distinct()
                        .Select(name => $"{address} [{account}, {language}]: {name}"));
                }
            }
        found.ShouldBeEmpty();
        // And no string of these pages went without its English: an English reader would have met it in French.
        var strings = (JsonStringLocalizerFactory)factory.Services.GetRequiredService<IStringLocalizerFactory>();
        strings.MissingInEnglish.Order().ShouldBeEmpty();
    }

    /// <summary>What a reader sees: the text between tags, scripts and styles left out, entities decoded.</summary>
    private static string VisibleText(string html) =>
        WebUtility.HtmlDecode(Tag().Replace(Hidden().Replace(html, " "), " "));

    [GeneratedRegex("^[A-Z][a-z]+[A-Z][A-Za-z]*$")]
    private static partial Regex Compound();

    [GeneratedRegex(@"\b[A-Za-z]+\b")]
    private static partial Regex Word();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();
}
