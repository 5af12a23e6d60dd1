using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.WebUtilities;

namespace Cooperation.Web.Features.Schools.Catalogue;

/// <summary>How the catalogue and session forms show the errors of their use cases next to the fields, and how their lists sort.</summary>
public static class TrainingForms
{
    /// <summary>The form field that shows an error of the use case's field.</summary>
    public static string PageField(string field) => field switch
    {
        "seats" or "quotas" => "Quotas",
        "" or "status" or "version" or "session" => "",
        _ => char.ToUpperInvariant(field[0]) + field[1..],
    };

    public static void Show(ModelStateDictionary state, InvalidInputException e)
    {
        foreach (var (field, messages) in e.Errors)
        {
            var key = PageField(field);
            if (state[key]?.Errors.Count > 0) continue;
            foreach (var m in messages) state.AddModelError(key, m);
        }
    }

    public static void Show(ModelStateDictionary state, IStringLocalizer text, DomainException e) =>
        state.AddModelError(PageField(e.Field), text[e.MessageKey, e.Args].Value);

    /// <summary>Reads a whole number typed in a form; a field error when it is not one.</summary>
    public static int? Int(ModelStateDictionary state, IStringLocalizer text, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (int.TryParse(value.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var i)) return i;
        state.AddModelError(field, text["sessions.notANumber"]);
        return null;
    }

    /// <summary>The link of a column header: sorts by it, or reverses the order when it already does.</summary>
    public static string SortUrl(HttpRequest request, string? sort, string key)
    {
        var next = sort == key ? "-" + key : key;
        var q = request.Query.Where(kv => kv.Key is not ("sort" or "page" or "handler" or "format"))
            .ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
        q["sort"] = next;
        return QueryHelpers.AddQueryString(request.Path, q);
    }

    public static string AriaSort(string? sort, string fallback, string key) =>
        (sort ?? fallback) == key ? "ascending" : (sort ?? fallback) == "-" + key ? "descending" : "none";

    /// <summary>The current list's query string on another handler (Export, Ics).</summary>
    public static string HandlerUrl(HttpRequest request, string handler)
    {
        var q = request.Query.Where(kv => kv.Key is not ("page" or "format" or "handler"))
            .ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
        q["handler"] = handler;
        return QueryHelpers.AddQueryString(request.Path, q);
    }
}
