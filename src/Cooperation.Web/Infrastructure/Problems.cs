using System.Globalization;
using Cooperation.Web.Domain;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cooperation.Web.Infrastructure;

/// <summary>
/// Turns the errors a user can cause into ProblemDetails in the user's language: a broken rule (400, naming the field),
/// a refused access (403), a record changed meanwhile (409). Anything else stays a 500 without details.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, IStringLocalizer<ProblemExceptionHandler> text) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // The exception handler runs outside the localization middleware, whose culture did not flow back out with
        // the exception: take the request's culture again, or every message would come out in French.
        if (http.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } culture)
        {
            CultureInfo.CurrentCulture = culture.Culture;
            CultureInfo.CurrentUICulture = culture.UICulture;
        }
        ProblemDetails? problem = exception switch
        {
            DomainException d => Validation(text, d),
            ForbiddenException f => new ProblemDetails { Status = 403, Title = text["Accès refusé"], Detail = text[f.MessageKey] },
            DbUpdateConcurrencyException => new ProblemDetails { Status = 409, Title = text["Conflit de modification"], Detail = text["common.concurrency"] },
            BadHttpRequestException b => new ProblemDetails { Status = 400, Title = text["Requête invalide"], Detail = b.Message },
            _ => null,
        };
        if (problem is null) return false;
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    public static HttpValidationProblemDetails Validation(IStringLocalizer text, DomainException d) =>
        new(new Dictionary<string, string[]> { [d.Field] = [text[d.MessageKey, d.Args].Value] })
        {
            Status = 400,
            Title = text["Données invalides"],
            Detail = text[d.MessageKey, d.Args].Value,
        };
}
