using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cooperation.Web.Infrastructure;

/// <summary>
/// The values a request carries, checked once at the application's edge before any use case sees them, whatever the
/// entry: every date within the directorate's calendar (<see cref="FieldErrors.Date"/>), no text with a control
/// character (<see cref="FieldErrors.Printable"/>), no list with a missing element. The API checks its path, query and body parameters at any depth
/// (<see cref="Filter"/>, on every route of /api/v1); pages the values their forms and query strings bound
/// (<see cref="Unprintable"/>, from <see cref="UseCaseErrorsPageFilter"/>; their dates are read by
/// <see cref="FormValues.Date"/>); imports their cells, through the same <see cref="FieldErrors"/> rules.
/// </summary>
public static class RequestValues
{
    /// <summary>How deep a body is read (a request holding rows holding values).</summary>
    private const int MaxDepth = 4;

    /// <summary>Enough errors to tell the client what is wrong: a body of a million faulty rows stops here.</summary>
    private const int MaxErrors = 50;

    private static readonly ConcurrentDictionary<Type, (string Name, PropertyInfo Property)[]> PropertiesByType = new();

    private static readonly Type[] NotRequestValues =
    [
        typeof(CancellationToken), typeof(HttpContext), typeof(HttpRequest), typeof(HttpResponse), typeof(ClaimsPrincipal),
        typeof(IFormFile), typeof(IFormFileCollection), typeof(IFormCollection), typeof(Stream), typeof(System.IO.Pipelines.PipeReader),
    ];

    /// <summary>
    /// The endpoint filter of the API: refuses, as any use case would (400 naming each field), a request whose path,
    /// query or body holds a date outside the calendar or a text with a control character. Services are not read.
    /// </summary>
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var services = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var parameters = context.MethodInfo.GetParameters()
            .Select((parameter, index) => (parameter, index))
            .Where(p => IsRequestValue(p.parameter, services))
            // A body or a set of query parameters names its fields itself; a single parameter by its own name.
            .Select(p => (Field: IsComposite(p.parameter.ParameterType) ? "" : JsonNamingPolicy.CamelCase.ConvertName(p.parameter.Name ?? ""), Index: p.index))
            .ToArray();
        if (parameters.Length == 0) return next;
        return invocation =>
        {
            var errors = new FieldErrors(invocation.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<FieldErrors>>());
            foreach (var (field, index) in parameters) Check(errors, field, invocation.Arguments[index], 0);
            errors.ThrowIfAny();
            return next(invocation);
        };
    }

    /// <summary>
    /// A route that reads a form (a file, form fields) sent a request without a body: its form is empty, and its use case
    /// names what is missing (400), as it does for an empty form. Without this the generated request delegate reads
    /// <see cref="HttpRequest.Form"/> of a request that has none, which throws: a 500 (dotnet/aspnetcore#53630). A
    /// body that is not a form still answers 415.
    /// </summary>
    public static WebApplication UseEmptyFormWithoutBody(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (!context.Request.HasFormContentType
                && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != true
                && context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts
                && accepts.ContentTypes.Any(IsFormContentType))
                context.Request.Form = FormCollection.Empty;
            return next(context);
        });
        return app;
    }

    private static bool IsFormContentType(string contentType) =>
        contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    /// <summary>Records the problems of a value (a parameter, or a body at any depth) against its field.</summary>
    public static void Check(FieldErrors errors, string field, object? value, int depth = 0)
    {
        if (errors.Count >= MaxErrors) return;
        switch (value)
        {
            case null:
                return;
            case string text:
                errors.Printable(field, field, text);
                return;
            case DateOnly day:
                errors.Date(field, field, day);
                return;
            case DateTime time:
                errors.Date(field, field, DateOnly.FromDateTime(time));
                return;
            case DateTimeOffset time:
                errors.Date(field, field, DateOnly.FromDateTime(time.UtcDateTime));
                return;
            case JsonElement json:
                Check(errors, field, json, depth);
                return;
            case IEnumerable items when depth < MaxDepth:
                var i = 0;
                foreach (var item in items)
                {
                    // A list's element is a value or a row, never nothing: ["FR", null] or "rows": [null] is refused here.
                    if (item is null) errors.Add($"{field}[{i}]", "common.required", $"{field}[{i}]");
                    Check(errors, $"{field}[{i++}]", item, depth + 1);
                }
                return;
        }
        if (depth >= MaxDepth || !IsComposite(value.GetType())) return;
        foreach (var (name, property) in PropertiesByType.GetOrAdd(value.GetType(), Properties))
            Check(errors, field.Length == 0 ? name : $"{field}.{name}", property.GetValue(value), depth + 1);
    }

    /// <summary>A JSON value read as is (a field that takes more than one type): its strings, which may not even be valid UTF-16.</summary>
    private static void Check(FieldErrors errors, string field, JsonElement json, int depth)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.String:
                try { errors.Printable(field, field, json.GetString()); }
                catch (InvalidOperationException) { errors.Printable(field, field, "\uD800"); }
                break;
            case JsonValueKind.Array when depth < MaxDepth:
                var i = 0;
                foreach (var item in json.EnumerateArray()) Check(errors, $"{field}[{i++}]", item, depth + 1);
                break;
            case JsonValueKind.Object when depth < MaxDepth:
                foreach (var property in json.EnumerateObject())
                    Check(errors, field.Length == 0 ? property.Name : $"{field}.{property.Name}", property.Value, depth + 1);
                break;
        }
    }

    /// <summary>
    /// The values a page bound (its form's fields, its query string, its route) that hold a control character, by
    /// field as a use case names it (the bound property's name in camelCase: <c>Form.LastName</c> → <c>lastName</c>),
    /// so that the page shows the message where it shows that field's other errors (<see cref="FormPageModel.FormField"/>).
    /// </summary>
    public static Dictionary<string, string[]> Unprintable(ModelStateDictionary state, IStringLocalizer text)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (key, entry) in state)
        {
            var values = entry.RawValue switch { string s => [s], string[] a => a, _ => [] };
            if (values.Select(Domain.Text.ForbiddenCharacter).FirstOrDefault(c => c is not null) is { } c)
                errors[FieldOf(key)] = [text["input.controlCharacterHere", Domain.Text.CodePoint(c)].Value];
        }
        return errors;
    }

    /// <summary>"Form.LastName" → "lastName", "Quotas[1].Seats" → "seats".</summary>
    private static string FieldOf(string key)
    {
        var last = key[(key.LastIndexOf('.') + 1)..];
        if (last.IndexOf('[') is var bracket and > 0) last = last[..bracket];
        return JsonNamingPolicy.CamelCase.ConvertName(last);
    }

    private static bool IsRequestValue(ParameterInfo parameter, IServiceProviderIsService? services) =>
        !NotRequestValues.Any(t => t.IsAssignableFrom(parameter.ParameterType))
        && parameter.GetCustomAttribute<FromServicesAttribute>() is null
        && !typeof(IUseCase).IsAssignableFrom(parameter.ParameterType)
        && services?.IsService(parameter.ParameterType) != true;

    /// <summary>A request record of the application (a body, a set of query parameters, a row of a body).</summary>
    private static bool IsComposite(Type type) =>
        type.Assembly == typeof(RequestValues).Assembly && !type.IsEnum && (type.IsClass || type.IsValueType && !type.IsPrimitive);

    private static (string, PropertyInfo)[] Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => (JsonNamingPolicy.CamelCase.ConvertName(p.Name), p))
            .ToArray();
}
