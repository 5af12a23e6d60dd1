using System.Text.RegularExpressions;

namespace Cooperation.Tests.Localization;

/// <summary>The English interface is complete and coherent: each French string of a page has one English translation.</summary>
[Trait("Category", "Unit")]
public partial class TranslationsTests
{
    private static readonly string Source = FindSource();

    [Fact]
    public void No_string_is_translated_two_ways_in_two_files()
    {
        foreach (var language in new[] { "en", "fr" })
        {
            var conflicts = Files(language)
                .SelectMany(f => Read(f).Select(kv => (File: Path.GetFileName(f), kv.Key, kv.Value)))
                .GroupBy(e => e.Key)
                .Where(g => g.Select(e => e.Value).Distinct().Count() > 1)
                .Select(g => $"{language}: \"{g.Key}\" → " + string.Join(" / ", g.Select(e => $"{e.Value} ({e.File})")))
                .ToList();
            conflicts.ShouldBeEmpty();
        }
    }

    [Fact]
    public void Every_literal_string_of_the_pages_has_an_English_translation()
    {
        var english = Files("en").SelectMany(Read).Select(kv => kv.Key).ToHashSet();
        var missing = Directory.EnumerateFiles(Path.Combine(Source, "Features"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => PageString().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(Source, f), Key: m.Groups[1].Value)))
            .Where(e => !english.Contains(e.Key))
            .Select(e => $"{e.File}: {e.Key}")
            .Distinct()
            .ToList();
        missing.ShouldBeEmpty();
    }

    [GeneratedRegex("""@T\["((?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex PageString();

    private static IEnumerable<string> Files(string language) =>
        Directory.EnumerateFiles(Path.Combine(Source, "Resources", language), "*.json");

    private static Dictionary<string, string> Read(string file) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))!;

    private static string FindSource()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cooperation.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Repository root not found"), "src", "Cooperation.Web");
    }
}
