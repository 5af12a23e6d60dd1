using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Infrastructure;

/// <summary>
/// Turns a use case's refusal into the API's ProblemDetails, in the user's language: invalid fields and broken rules
/// (400, naming each field), a refused access (403), a record out of reach (404), a record changed meanwhile (409).
/// Anything else stays a 500 without details. Pages get theirs from <see cref="UseCaseErrorsPageFilter"/>.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, IStringLocalizer<ProblemExceptionHandler> text,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails? problem = exception switch
        {
            InvalidInputException e => Invalid(e.Errors, e.Detail, e.Extensions),
            DomainException d => Invalid(new Dictionary<string, string[]> { [d.Field] = [text[d.MessageKey, d.Args].Value] }),
            RecordNotFoundException => new ProblemDetails { Status = 404, Title = text["Introuvable"], Detail = text["common.notFound"] },
            ForbiddenException f => new ProblemDetails { Status = 403, Title = text["Accès refusé"], Detail = text[f.MessageKey] },
            DbUpdateConcurrencyException c => await ConflictAsync(c, ct),
            BadHttpRequestException b => Unreadable(http, b),
            _ => null,
        };
        if (problem is null) return false;
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// A record changed by someone else since the caller read it: the message, the version to send again, and for each
    /// field the caller changed that stands otherwise now, what the caller sent and what is stored (both versions, as
    /// the edit page shows them), so that nothing is overwritten unseen. A record deleted meanwhile has the message only.
    /// </summary>
    private async Task<ProblemDetails> ConflictAsync(DbUpdateConcurrencyException conflict, CancellationToken ct)
    {
        var problem = new ProblemDetails { Status = 409, Title = text["Conflit de modification"], Detail = text["common.concurrency"] };
        var entry = conflict.Entries.FirstOrDefault();
        if (entry?.State is not EntityState.Modified || await entry.GetDatabaseValuesAsync(ct) is not { } stored) return problem;
        if (entry.Entity is IVersioned) problem.Extensions["currentVersion"] = stored[nameof(IVersioned.Version)];
        problem.Extensions["conflicts"] = entry.Properties
            .Where(p => p.IsModified && p.Metadata.Name != nameof(IVersioned.Version) && !Equals(p.CurrentValue, stored[p.Metadata]))
            .Select(p => new { field = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Metadata.Name), sent = p.CurrentValue, stored = stored[p.Metadata] })
            .ToList();
        return problem;
    }

    /// <summary>
    /// A request the API could not even read, said in the user's language with what to mend: a body that is not JSON
    /// (its line and position), a value of the wrong type (its field, and what it takes), no body, another content type,
    /// a route or query value that is not of its type. The framework's own message names C# types; it is not shown.
    /// </summary>
    private ProblemDetails Unreadable(HttpContext http, BadHttpRequestException unreadable)
    {
        var (field, message) = unreadable switch
        {
            { StatusCode: 415 } => ("body", text["input.bodyNotJson"].Value),
            // System.Text.Json wraps its reader's syntax error (an internal JsonException) in one with the path.
            { InnerException: JsonException { Path: { Length: > 2 } path } json } when json.InnerException is not JsonException =>
                (path[2..], text["input.jsonType", path[2..], text[ExpectedKind(TypeAt(http, path))]].Value),
            { InnerException: JsonException json } => ("body", text["input.jsonSyntax", (json.LineNumber ?? 0) + 1, (json.BytePositionInLine ?? 0) + 1].Value),
            _ when BoundParameter().Match(unreadable.Message) is { Success: true } p => UnreadableParameters.Said(text, p.Groups[2].Value, p.Groups[3].Value),
            _ when RequiredParameter().Match(unreadable.Message) is { Success: true } p => UnreadableParameters.Said(text, p.Groups[2].Value),
            _ when unreadable.Message.Contains("no body was provided", StringComparison.Ordinal) => ("body", text["input.bodyMissing"].Value),
            _ => ("body", text["input.unreadable"].Value),
        };
        return UnreadableParameters.Problem(text, field, message, unreadable.StatusCode);
    }

    /// <summary>
    /// The type of the value at a JSON path of the route's body (<c>$.quotas[0].seats</c>), from the contracts the API
    /// reads it with; null when the path leads nowhere known.
    /// </summary>
    private Type? TypeAt(HttpContext http, string path)
    {
        // The exception handler has cleared the request's endpoint; its feature keeps the one that failed.
        var endpoint = http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint();
        var type = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        foreach (Match step in PathStep().Matches(path))
        {
            if (type is null) return null;
            var info = json.Value.SerializerOptions.GetTypeInfo(type);
            type = step.Groups[1].Success ? info.Properties.FirstOrDefault(p => p.Name == step.Groups[1].Value)?.PropertyType : info.ElementType;
        }
        return type;
    }

    /// <summary>What a value of a type takes, in words a user knows.</summary>
    private static string ExpectedKind(Type? type) => (type is null ? null : Nullable.GetUnderlyingType(type) ?? type) switch
    {
        null => "input.kind.other",
        var t when t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) => "input.kind.integer",
        var t when t == typeof(decimal) || t == typeof(double) || t == typeof(float) => "input.kind.number",
        var t when t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) => "input.kind.date",
        var t when t == typeof(bool) => "input.kind.boolean",
        var t when t == typeof(string) || t.IsEnum => "input.kind.text",
        var t when t.IsAssignableTo(typeof(System.Collections.IEnumerable)) => "input.kind.list",
        { IsClass: true } => "input.kind.object",
        _ => "input.kind.other",
    };

    [GeneratedRegex("""\.([^.\[]+)|\[\d+\]""")]
    private static partial Regex PathStep();

    [GeneratedRegex("""^Failed to bind parameter "(\S+) (\S+)" from "(.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BoundParameter();

    [GeneratedRegex("""^Required parameter "(\S+) (\S+)" was not provided""")]
    private static partial Regex RequiredParameter();

    private HttpValidationProblemDetails Invalid(IReadOnlyDictionary<string, string[]> errors, string? detail = null,
        IDictionary<string, object?>? extensions = null)
    {
        var problem = new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = 400,
            Title = text["Données invalides"],
            Detail = detail ?? errors.Values.SelectMany(m => m).FirstOrDefault(),
        };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>()) problem.Extensions[key] = value;
        return problem;
    }
}

/// <summary>
/// A route or query value that does not read as its parameter's type (<c>?page=two</c>, <c>?from=2025-13-01</c>): a
/// filter's parameters fail without telling which, and the error page (<c>Features/Errors</c>) names it from this.
/// </summary>
public static class UnreadableParameters
{
    /// <summary>
    /// What a request that cannot be read answers, whoever finds it (<see cref="ProblemExceptionHandler"/>, the error
    /// page): the field and what to mend, in the user's language.
    /// </summary>
    public static HttpValidationProblemDetails Problem(IStringLocalizer text, string field, string message, int status = 400) =>
        new(new Dictionary<string, string[]> { [field] = [message] }) { Status = status, Title = text["Requête invalide"], Detail = message };

    /// <summary>
    /// A route or query parameter that does not read (its value given) or is missing: its name as in the query string
    /// (camelCase), and the message.
    /// </summary>
    public static (string Field, string Message) Said(IStringLocalizer text, string name, string? value = null)
    {
        var field = JsonNamingPolicy.CamelCase.ConvertName(name);
        return (field, value is null ? text["input.parameterRequired", field].Value : text["input.parameter", field, Shown(value)].Value);
    }

    /// <summary>The first parameter of the endpoint whose value in the original request does not read as its type.</summary>
    public static (string Field, string Value)? Find(Endpoint? endpoint, RouteValueDictionary? route, string? query)
    {
        if (endpoint is null) return null;
        var values = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        foreach (var parameter in endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>().Where(p => p.HasTryParse))
        {
            var given = route?.TryGetValue(parameter.Name, out var v) == true ? v?.ToString()
                : values.FirstOrDefault(q => q.Key.Equals(parameter.Name, StringComparison.OrdinalIgnoreCase)).Value.ToString();
            if (!string.IsNullOrEmpty(given) && !Reads(parameter.ParameterInfo.ParameterType, given))
                return (parameter.Name, given);
        }
        return null;
    }

    /// <summary>A value as an error message repeats it: its first 60 characters.</summary>
    private static string Shown(string value) => value.Length <= 60 ? value : string.Concat(value.AsSpan(0, 60), "…");

    private static bool Reads(Type type, string value)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(int) => int.TryParse(value, invariant, out _),
            var t when t == typeof(long) => long.TryParse(value, invariant, out _),
            var t when t == typeof(decimal) => decimal.TryParse(value, invariant, out _),
            var t when t == typeof(double) => double.TryParse(value, invariant, out _),
            var t when t == typeof(bool) => bool.TryParse(value, out _),
            var t when t == typeof(DateOnly) => DateOnly.TryParse(value, invariant, out _),
            var t when t == typeof(DateTime) => DateTime.TryParse(value, invariant, out _),
            var t when t == typeof(Guid) => Guid.TryParse(value, out _),
            { IsEnum: true } t => Enum.TryParse(t, value, ignoreCase: true, out _),
            _ => true,
        };
    }
}

public static class ProblemsSetup
{
    /// <summary>ProblemDetails for every error the API answers, the use cases' refusals among them.</summary>
    public static IServiceCollection AddCooperationProblems(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // A body or value the API cannot read reaches the handler above in every environment, not a bare 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }
}
