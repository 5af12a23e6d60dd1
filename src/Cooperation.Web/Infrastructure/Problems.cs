using Microsoft.AspNetCore.Diagnostics;

namespace Cooperation.Web.Infrastructure;

/// <summary>
/// Turns a use case's refusal into the API's ProblemDetails, in the user's language: invalid fields and broken rules
/// (400, naming each field), a refused access (403), a record out of reach (404), a record changed meanwhile (409).
/// Anything else stays a 500 without details. Pages get theirs from <see cref="UseCaseErrorsPageFilter"/>.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, IStringLocalizer<ProblemExceptionHandler> text) : IExceptionHandler
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
            BadHttpRequestException b => new ProblemDetails { Status = 400, Title = text["Requête invalide"], Detail = b.Message },
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

public static class ProblemsSetup
{
    /// <summary>ProblemDetails for every error the API answers, the use cases' refusals among them.</summary>
    public static IServiceCollection AddCooperationProblems(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }
}
