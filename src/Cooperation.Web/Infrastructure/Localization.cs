using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Localization;

namespace Cooperation.Web.Infrastructure;

public static class LocalizationSetup
{
    /// <summary>The cookie that keeps the language a user chose.</summary>
    public const string CultureCookie = "coop.culture";

    /// <summary>
    /// French first, English second: a <c>culture</c> query parameter, then the user's choice (a cookie), then the
    /// browser's or API client's Accept-Language; French when none says.
    /// </summary>
    public static IServiceCollection AddCooperationLocalization(this IServiceCollection services)
    {
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddTransient(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = new[] { new CultureInfo("fr-FR"), new CultureInfo("en-GB") };
            o.DefaultRequestCulture = new RequestCulture("fr-FR");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(http => Task.FromResult(Language(http.Request.Query["culture"]))),
                new CookieRequestCultureProvider { CookieName = CultureCookie },
                new CustomRequestCultureProvider(http => Task.FromResult(
                    http.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1)
                        .Select(l => Language(l.Value.Value)).FirstOrDefault(r => r is not null))),
            ];
        });
        return services;
    }

    /// <summary>
    /// GET /culture?c=en&amp;returnUrl=/...: keeps the chosen language in a cookie for a year, back to the page (a path of
    /// this site only; anything else leads to the dashboard).
    /// </summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture", (string c, string? returnUrl, HttpContext http) =>
        {
            var culture = c == "en" ? "en-GB" : "fr-FR";
            http.Response.Cookies.Append(CultureCookie, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(LocalUrls.OrHome(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();

    /// <summary>Any English asks for en-GB, any French for fr-FR (dates read day first in both).</summary>
    private static ProviderCultureResult? Language(string? tag) =>
        tag is null ? null
        : tag.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? new ProviderCultureResult("en-GB")
        : tag.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? new ProviderCultureResult("fr-FR")
        : null;
}

/// <summary>
/// Strings are written in French in the code and pages; Resources/en/*.json gives their English, and
/// Resources/fr/*.json the French of message keys (such as "posting.overlap"). Each feature keeps its own file.
/// </summary>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _byCulture = new();
    private readonly ConcurrentDictionary<string, byte>? _missing;
    private readonly string _folder;

    public JsonStringLocalizerFactory(IConfiguration configuration)
    {
        _folder = Path.Combine(AppContext.BaseDirectory, "Resources");
        if (configuration.GetValue<bool>("Localization:RecordMissing")) _missing = new();
    }

    /// <summary>
    /// The strings asked for in English that have no English (with <c>Localization:RecordMissing</c>, as the tests run):
    /// a reader of English would see them in French.
    /// </summary>
    public IReadOnlyCollection<string> MissingInEnglish => (IReadOnlyCollection<string>?)_missing?.Keys ?? [];

    internal void Missing(string name) => _missing?.TryAdd(name, 0);

    public IStringLocalizer Create(Type resourceSource) => new JsonStringLocalizer(this);
    public IStringLocalizer Create(string baseName, string location) => new JsonStringLocalizer(this);

    // The folder is passed as the factory's argument: a lambda that captured it would be a new delegate at every string.
    internal IReadOnlyDictionary<string, string> Strings(string culture) => _byCulture.GetOrAdd(culture, static (c, folder) =>
    {
        var dict = new Dictionary<string, string>();
        var dir = Path.Combine(folder, c);
        if (Directory.Exists(dir))
            foreach (var file in Directory.EnumerateFiles(dir, "*.json").Order())
                foreach (var (k, v) in JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))!)
                    dict[k] = v;
        return dict;
    }, _folder);
}

public sealed class JsonStringLocalizer(JsonStringLocalizerFactory factory) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            if (factory.Strings(culture).TryGetValue(name, out var value)) return new(name, value);
            if (culture != "fr") factory.Missing(name);
            if (factory.Strings("fr").TryGetValue(name, out var fr)) return new(name, fr, resourceNotFound: culture != "fr");
            return new(name, name, resourceNotFound: culture != "fr");
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var s = this[name];
            return new(name, string.Format(CultureInfo.CurrentCulture, s.Value, arguments.Select(Argument).ToArray()), s.ResourceNotFound);
        }
    }

    /// <summary>
    /// A value of an enumeration in a message (a rule of the domain names a status) is written as its name in the
    /// user's language, the resource "Type.Value" (<c>ProjectStatus.Running</c>), rather than as the code's word.
    /// </summary>
    private object Argument(object argument) =>
        argument is Enum value && this[$"{value.GetType().Name}.{value}"] is { ResourceNotFound: false } label && label.Value != label.Name
            ? label.Value
            : argument;

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        factory.Strings(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName).Select(kv => new LocalizedString(kv.Key, kv.Value));
}

/// <summary>Picks the French or English name of a reference record for the current culture.</summary>
public static class Names
{
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
    public static string Pick(string fr, string en) => English ? en : fr;
}
