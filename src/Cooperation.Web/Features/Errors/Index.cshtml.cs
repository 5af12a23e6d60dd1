using Microsoft.AspNetCore.Diagnostics;

namespace Cooperation.Web.Features.Errors;

/// <summary>
/// What answers an error that has no body yet (<see cref="Pipeline"/> re-executes the request here): not found (404),
/// refused (403), broken (500)... An API request gets ProblemDetails; a person in a browser gets a page of the design
/// system in his language with the way back, never the API's JSON. It keeps the status it is shown for and says nothing
/// of the record or of the failure.
/// </summary>
[IgnoreAntiforgeryToken]
public class IndexModel(IProblemDetailsService problems, IStringLocalizer<IndexModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Code { get; set; }

    public Task<IActionResult> OnGetAsync() => AnswerAsync();

    public Task<IActionResult> OnPostAsync() => AnswerAsync();

    public Task<IActionResult> OnPutAsync() => AnswerAsync();

    public Task<IActionResult> OnPatchAsync() => AnswerAsync();

    public Task<IActionResult> OnDeleteAsync() => AnswerAsync();

    private async Task<IActionResult> AnswerAsync()
    {
        if (Code is < 400 or > 599) Code = 404;
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        // Reached directly, the page takes its own status; shown in place of a request, it keeps that request's.
        if (original is null) Response.StatusCode = Code;
        if (original is not null && Pipeline.IsApi(original))
        {
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = HttpContext, ProblemDetails = ApiProblem() });
            return new EmptyResult();
        }
        return Page();
    }

    /// <summary>
    /// The API's answer: the status, and what to mend where it can be told — a value of the address that does not read
    /// as its type (a filter's parameters fail without saying which), a body of another type than JSON (routing
    /// refuses it before any route reads it).
    /// </summary>
    private ProblemDetails ApiProblem()
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        if (Response.StatusCode == StatusCodes.Status400BadRequest
            && UnreadableParameters.Find(reExecuted?.Endpoint, reExecuted?.RouteValues, reExecuted?.OriginalQueryString) is var (name, value))
        {
            var (field, message) = UnreadableParameters.Said(text, name, value);
            return UnreadableParameters.Problem(text, field, message);
        }
        var detail = Response.StatusCode == StatusCodes.Status415UnsupportedMediaType ? text["input.bodyNotJson"].Value : null;
        return new ProblemDetails { Status = Response.StatusCode, Detail = detail };
    }

    /// <summary>What an error page says for a status: its title, what happened, what to do.</summary>
    public static (string Title, string Lead, string Hint) Texts(int code, IStringLocalizer T) =>
        code switch
        {
            403 => (T["Accès refusé"], T["Votre rôle ou votre périmètre ne vous donne pas accès à cette page."],
                T["Si vous pensez devoir y accéder, demandez-le à l'administrateur du système."]),
            404 => (T["Page non trouvée"], T["La page ou la fiche que vous cherchez est introuvable, ou n'est pas dans votre périmètre."],
                T["Si vous avez tapé l'adresse, vérifiez-la ; sinon, repartez de la page d'accueil."]),
            >= 500 => (T["Erreur inattendue"], T["Le service a rencontré un problème ; rien n'a été enregistré de votre dernière action."],
                T["Réessayez dans un instant. Si le problème persiste, signalez-le à l'administrateur du système avec l'heure de l'erreur."]),
            _ => (T["Requête impossible"], T["Le service n'a pas pu répondre à cette demande."], T["Repartez de la page d'accueil."]),
        };
}
