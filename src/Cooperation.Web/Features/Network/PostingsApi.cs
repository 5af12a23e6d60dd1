
namespace Cooperation.Web.Features.Network;

/// <summary>
/// /api/v1/postings, /api/v1/vacancies and /api/v1/headcounts. References go by code: country ISO2, organisation
/// acronym, host authority type, administration and domain codes. A list asked for a country outside the user's
/// scope is simply empty; a single record outside it is a 404; a write outside it a 403.
/// </summary>
public static class PostingsApi
{
    public static void MapPostingsApi(this RouteGroupBuilder api)
    {
        var postings = api.MapGroup("/postings").WithTags("Network");

        postings.MapGet("/", async ([AsParameters] ListPostings.Query query, ListPostings list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("Postings of the user's scope: filters country, organisation, zone, administration, active, cooperantId; sort start|end|country|name (\"-\" for descending); paging.");

        postings.MapGet("/{id:int}", async Task<Results<Ok<PostingRow>, ProblemHttpResult>> (int id, ListPostings list, IStringLocalizer<ListPostings> text, CancellationToken ct) =>
                await list.FindAsync(id, ct) is { } row ? TypedResults.Ok(row) : NotFound(text))
            .WithSummary("One posting.");

        postings.MapPost("/", async (CreatePosting.Request request, CreatePosting create, ListPostings list, CancellationToken ct) =>
            {
                var id = await create.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/postings/{id}", await list.FindAsync(id, ct));
            })
            .WithSummary("Posts a coopérant: give country (ISO2) or organisation (acronym). Refused when it overlaps another posting of his.");

        postings.MapPut("/{id:int}", async (int id, EditPosting.Request request, EditPosting edit, ListPostings list, CancellationToken ct) =>
            {
                await edit.HandleAsync(id, request, ct);
                return TypedResults.Ok(await list.FindAsync(id, ct));
            })
            .WithSummary("Changes a posting as a whole; send the version read (a stale version answers 409).");

        postings.MapPost("/{id:int}/end", async (int id, EndPosting.Request request, EndPosting end, ListPostings list, CancellationToken ct) =>
            {
                await end.HandleAsync(id, request, ct);
                return TypedResults.Ok(await list.FindAsync(id, ct));
            })
            .WithSummary("Ends a posting on its actual end date.");

        var vacancies = api.MapGroup("/vacancies").WithTags("Network");

        vacancies.MapGet("/", async ([AsParameters] ListVacancies.Query query, ListVacancies list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("Vacancies of the user's scope: status open (default), filled or all; filters country, organisation, zone, administration.");

        vacancies.MapGet("/{id:int}", async Task<Results<Ok<VacancyRow>, ProblemHttpResult>> (int id, ListVacancies list, IStringLocalizer<ListVacancies> text, CancellationToken ct) =>
                await list.FindAsync(id, ct) is { } row ? TypedResults.Ok(row) : NotFound(text))
            .WithSummary("One vacancy.");

        vacancies.MapPost("/", async (CreateVacancy.Request request, CreateVacancy create, ListVacancies list, CancellationToken ct) =>
            {
                var id = await create.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/vacancies/{id}", await list.FindAsync(id, ct));
            })
            .WithSummary("Opens a vacancy in a country (ISO2) or an organisation (acronym).");

        vacancies.MapPost("/{id:int}/fill", async (int id, FillVacancy.Request request, FillVacancy fill, ListPostings list, CancellationToken ct) =>
            {
                var postingId = await fill.HandleAsync(id, request, ct);
                return TypedResults.Created($"/api/v1/postings/{postingId}", await list.FindAsync(postingId, ct));
            })
            .WithSummary("Fills a vacancy with a coopérant: answers the posting created.");

        api.MapGet("/headcounts", async (CountHeadcounts headcounts, CancellationToken ct) => TypedResults.Ok(await headcounts.HandleAsync(ct)))
            .WithTags("Network")
            .WithSummary("Coopérants in post by administration, zone and destination (counts only).");
    }

    private static ProblemHttpResult NotFound(IStringLocalizer text) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: text["Introuvable"], detail: text["common.notFound"]);
}
