using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cooperation.Web.Infrastructure;

public static class PagesSetup
{
    /// <summary>
    /// Razor Pages live in the feature folders (Features/Area/Sub), every page needs a signed-in user unless it says
    /// otherwise, and a use case's refusal becomes what a page answers (<see cref="UseCaseErrorsPageFilter"/>).
    /// </summary>
    public static IServiceCollection AddCooperationPages(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/Denied");
            o.Conventions.AllowAnonymousToPage("/Errors/Index");
            // The elements a State site owes everyone, signed in or not: accessibility statement, legal notice, personal data.
            o.Conventions.AllowAnonymousToFolder("/Legal");
        })
        .AddMvcOptions(o => o.Filters.Add<UseCaseErrorsPageFilter>())
        .AddViewLocalization()
        // No MVC controller: the application's types are not searched for one at start.
        .ConfigureApplicationPartManager(m => m.FeatureProviders.Remove(m.FeatureProviders.OfType<ControllerFeatureProvider>().Single()));
        PageOnFirstRequest.Use(services);
        // French pages keep their accented letters as they are instead of &#xE9; escapes: lighter on slow links.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return services;
    }
}

/// <summary>
/// Each page's model (its handlers, its bound properties and their metadata, its filters and conventions) is built when
/// the page is first asked for, not the hundred of them before the first answer (issue 12, start): at scale 10 that was
/// 0.7–1.1 s of the start's endpoints. The routes are still all known at start (from the compiled views' route templates),
/// so links, the route table and a page's not-found answer are unchanged; when a request's candidates hold a page not
/// built yet, it is built (once, by Razor Pages' own <see cref="PageLoader"/>, with the same conventions — the folders'
/// authorization among them — and the route's metadata) and takes its place before authorization reads the endpoint.
/// This is what Razor Pages does for pages compiled at run time (its <c>PageActionDescriptorProvider</c> with a matcher
/// policy), applied to the pages compiled at build time.
/// </summary>
public sealed class PageOnFirstRequest(PageLoader loader) : MatcherPolicy, IEndpointSelectorPolicy
{
    public static void Use(IServiceCollection services)
    {
        var eager = services.Single(d => d.ServiceType == typeof(IActionDescriptorProvider) && d.ImplementationType == typeof(CompiledPageActionDescriptorProvider));
        services.Remove(eager);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActionDescriptorProvider, PageActionDescriptorProvider>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, PageOnFirstRequest>());
    }

    // Before the policies that read a candidate's metadata (HTTP methods, hosts...), as Razor Pages orders its own.
    public override int Order => int.MinValue + 100;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => endpoints.Any(NotBuilt);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!candidates.IsValidCandidate(i) || !NotBuilt(candidates[i].Endpoint)) continue;
            var built = Build(candidates[i].Endpoint);
            if (!built.IsCompletedSuccessfully) return ReplaceAsync(candidates, i, built);
            candidates.ReplaceEndpoint(i, built.Result.Endpoint, candidates[i].Values);
        }
        return Task.CompletedTask;
    }

    private async Task ReplaceAsync(CandidateSet candidates, int from, Task<CompiledPageActionDescriptor> built)
    {
        candidates.ReplaceEndpoint(from, (await built).Endpoint, candidates[from].Values);
        for (var i = from + 1; i < candidates.Count; i++)
        {
            if (!candidates.IsValidCandidate(i) || !NotBuilt(candidates[i].Endpoint)) continue;
            candidates.ReplaceEndpoint(i, (await Build(candidates[i].Endpoint)).Endpoint, candidates[i].Values);
        }
    }

    /// <summary>The page of a route's endpoint, built with the route's metadata (once: the loader keeps it).</summary>
    private Task<CompiledPageActionDescriptor> Build(Endpoint endpoint) =>
        loader.LoadAsync(endpoint.Metadata.GetMetadata<PageActionDescriptor>()!, endpoint.Metadata);

    private static bool NotBuilt(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page && page is not CompiledPageActionDescriptor;
}

/// <summary>
/// A page with a form (or filters) that shows the refusals of its use cases. A handler just calls the use case: when it
/// refuses, <see cref="UseCaseErrorsPageFilter"/> puts each message beside its field, calls <see cref="OnRefusedAsync"/>
/// so that the page loads what it shows again (choices, the record), and renders the page.
/// </summary>
public abstract class FormPageModel : PageModel
{
    /// <summary>
    /// The form field (its ModelState key) that shows an error of the use case's field (the API's camelCase name):
    /// by default the same name in PascalCase, as the page's bound properties are named. "" is the form's summary.
    /// </summary>
    public virtual string FormField(string field) =>
        field.Length == 0 ? "" : char.ToUpperInvariant(field[0]) + field[1..];

    /// <summary>The ModelState key of a record changed by someone else since the form was read (shown with a link to reload it).</summary>
    public const string ConflictKey = "$conflict";

    /// <summary>
    /// Loads again what the page shows after a refused request. Nothing by default. Not a handler, although named like
    /// one: Razor Pages would otherwise answer it to a request of the HTTP method "REFUSED".
    /// </summary>
    [NonHandler]
    public virtual Task OnRefusedAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>The errors of a refusal, each beside its field; a field that already shows one keeps it.</summary>
    public void ShowErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in errors)
        {
            var key = field == ConflictKey ? field : FormField(field);
            if (ModelState[key]?.Errors.Count > 0) continue;
            foreach (var message in messages) ModelState.AddModelError(key, message);
        }
    }

    /// <summary>Refuses the post when a value could not even be read (a date, a number): the page shows it again.</summary>
    protected void ThrowIfInvalid()
    {
        if (!ModelState.IsValid) throw new InvalidInputException(new Dictionary<string, string[]>());
    }

    /// <summary>Reads a date typed in a form (yyyy-mm-dd from a date input, or dd/mm/yyyy typed by hand); a field error otherwise.</summary>
    protected DateOnly? Date(string field, string? value) => FormValues.Date(ModelState, FormText, field, value);

    /// <summary>Reads a whole number typed in a form; a field error otherwise.</summary>
    protected int? Number(string field, string? value) => FormValues.Number(ModelState, FormText, field, value);

    /// <summary>Reads a decimal number typed in a form (a comma or a point, spaces between thousands); a field error otherwise.</summary>
    protected decimal? Decimal(string field, string? value) => FormValues.Decimal(ModelState, FormText, field, value);

    private IStringLocalizer FormText => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<FormPageModel>>();
}

/// <summary>How the values typed in a form are read before a use case sees them.</summary>
public static class FormValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    /// <summary>A date typed in a form, within the directorate's calendar (<see cref="Calendar.Earliest"/> to <see cref="Calendar.Latest"/>).</summary>
    public static DateOnly? Date(ModelStateDictionary state, IStringLocalizer text, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!DateOnly.TryParseExact(value.Trim(), DateFormats, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var d))
            state.AddModelError(field, text["common.invalidDate"]);
        else if (!Calendar.IsWithinRange(d))
            state.AddModelError(field, text["input.dateOutOfRangeHere", Calendar.Iso(Calendar.Earliest), Calendar.Iso(Calendar.Latest)]);
        else
            return d;
        return null;
    }

    public static int? Number(ModelStateDictionary state, IStringLocalizer text, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (int.TryParse(value.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var i))
            return i;
        state.AddModelError(field, text["common.notANumber"]);
        return null;
    }

    public static decimal? Decimal(ModelStateDictionary state, IStringLocalizer text, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var clean = new string(value.Where(c => !char.IsWhiteSpace(c) && c != '\u202f').ToArray()).Replace(',', '.');
        if (decimal.TryParse(clean, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d))
            return d;
        state.AddModelError(field, text["common.notANumber"]);
        return null;
    }

    /// <summary>A whole number from a query or hidden field, or null: no message, the value comes from the application itself.</summary>
    public static int? Int(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : null;
}

/// <summary>
/// Turns a use case's refusal into what a page answers: not found (404), forbidden (403), or — on a
/// <see cref="FormPageModel"/> — the page again with the messages beside their fields (invalid input, a broken rule,
/// a record changed since it was read). Registered once for every page. Before the handler runs, it refuses what no
/// handler should see: a request no handler of the page answers (<see cref="Unanswered"/>), and values bound with a
/// control character (<see cref="RequestValues.Unprintable"/>), refused as a use case would refuse them.
/// </summary>
public sealed class UseCaseErrorsPageFilter(IStringLocalizer<UseCaseErrorsPageFilter> text) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (Unanswered(context) is { } unanswered)
        {
            context.Result = unanswered;
            return;
        }
        var form = context.HandlerInstance as FormPageModel;
        if (RequestValues.Unprintable(context.ModelState, text) is { Count: > 0 } unprintable)
        {
            // A form posted, or a list's filters, show the message beside the field (above the list); any other page
            // cannot show itself without what its handler would have read.
            var get = HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method);
            context.Result = form is not null && (!get || form is ListPageModel)
                ? await RefusedAsync(form, unprintable, new PageResult(), context.HttpContext.RequestAborted)
                : new BadRequestObjectResult(string.Join(" ", unprintable.Values.SelectMany(m => m)));
            return;
        }
        var executed = await next();
        if (executed.Exception is not { } exception || executed.ExceptionHandled) return;
        IReadOnlyDictionary<string, string[]>? errors = exception switch
        {
            InvalidInputException e => e.Errors,
            DomainException d => new Dictionary<string, string[]> { [d.Field] = [text[d.MessageKey, d.Args].Value] },
            DbUpdateConcurrencyException => new Dictionary<string, string[]> { [FormPageModel.ConflictKey] = [text["common.concurrency"].Value] },
            _ => null,
        };
        IActionResult? result = exception switch
        {
            RecordNotFoundException => new NotFoundResult(),
            ForbiddenException => new ForbidResult(),
            _ when errors is not null && form is not null => new PageResult(),
            _ when errors is not null => new BadRequestObjectResult(string.Join(" ", errors.Values.SelectMany(m => m))),
            _ => null,
        };
        if (result is null) return;
        executed.ExceptionHandled = true;
        executed.Result = result is PageResult ? await RefusedAsync(form!, errors!, result, context.HttpContext.RequestAborted) : result;
    }

    /// <summary>The form again with the errors beside their fields, once the page loaded what it shows.</summary>
    private static async Task<IActionResult> RefusedAsync(FormPageModel form, IReadOnlyDictionary<string, string[]> errors, IActionResult page,
        CancellationToken ct)
    {
        form.ShowErrors(errors);
        try
        {
            await form.OnRefusedAsync(ct);
            return page;
        }
        catch (RecordNotFoundException) { return new NotFoundResult(); }
        catch (ForbiddenException) { return new ForbidResult(); }
    }

    /// <summary>
    /// A request that no handler of the page answers, which Razor Pages would otherwise answer by rendering the page
    /// without running any handler (a page whose model was never read: a server error). A GET naming a handler the page
    /// lacks is not found (404); another method is not allowed (405) on a page without a handler for it, and a bad
    /// request (400) on a page whose handlers for it all have other names.
    /// </summary>
    private static IActionResult? Unanswered(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is not null) return null;
        var method = context.HttpContext.Request.Method;
        var handlers = context.ActionDescriptor.HandlerMethods;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            var asked = context.RouteData.Values["handler"]?.ToString() ?? context.HttpContext.Request.Query["handler"].ToString();
            return string.IsNullOrEmpty(asked) ? null : new NotFoundResult();
        }
        if (handlers.Any(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase)))
            return new BadRequestResult();
        context.HttpContext.Response.Headers.Allow = string.Join(", ",
            handlers.Select(h => h.HttpMethod.ToUpperInvariant()).Append("GET").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }
}
