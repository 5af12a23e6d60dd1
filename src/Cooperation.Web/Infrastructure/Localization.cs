using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Cooperation.Web.Infrastructure;

/// <summary>
/// Strings are written in French in the code and pages; Resources/en/*.json gives their English, and
/// Resources/fr/*.json the French of message keys (such as "posting.overlap"). Each feature keeps its own file.
/// </summary>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _byCulture = new();
    private readonly string _folder;

    public JsonStringLocalizerFactory(IWebHostEnvironment env) =>
        _folder = Path.Combine(AppContext.BaseDirectory, "Resources");

    public IStringLocalizer Create(Type resourceSource) => new JsonStringLocalizer(this);
    public IStringLocalizer Create(string baseName, string location) => new JsonStringLocalizer(this);

    internal IReadOnlyDictionary<string, string> Strings(string culture) => _byCulture.GetOrAdd(culture, c =>
    {
        var dict = new Dictionary<string, string>();
        var dir = Path.Combine(_folder, c);
        if (Directory.Exists(dir))
            foreach (var file in Directory.EnumerateFiles(dir, "*.json").Order())
                foreach (var (k, v) in JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))!)
                    dict[k] = v;
        return dict;
    });
}

public sealed class JsonStringLocalizer(JsonStringLocalizerFactory factory) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            if (factory.Strings(culture).TryGetValue(name, out var value)) return new(name, value);
            if (factory.Strings("fr").TryGetValue(name, out var fr)) return new(name, fr, resourceNotFound: culture != "fr");
            return new(name, name, resourceNotFound: culture != "fr");
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var s = this[name];
            return new(name, string.Format(CultureInfo.CurrentCulture, s.Value, arguments), s.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        factory.Strings(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName).Select(kv => new LocalizedString(kv.Key, kv.Value));
}

/// <summary>Picks the French or English name of a reference record for the current culture.</summary>
public static class Names
{
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
    public static string Pick(string fr, string en) => English ? en : fr;
}
