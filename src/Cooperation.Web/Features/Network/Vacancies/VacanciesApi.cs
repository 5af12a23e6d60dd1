using Cooperation.Web.Features.Network.Postings;

namespace Cooperation.Web.Features.Network.Vacancies;

/// <summary>/api/v1/vacancies: positions to fill, in a country (ISO2) or an organisation (acronym); filling one posts a coopérant.</summary>
public sealed class VacanciesApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var vacancies = api.MapGroup("/vacancies").WithTags("Network");

        vacancies.MapGet("/", async ([AsParameters] ListVacancies.Query query, ListVacancies list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("Vacancies of the user's scope: status open (default), filled or all; filters country, organisation, zone, administration.");

        vacancies.MapGet("/{id:int}", async (int id, ListVacancies list, CancellationToken ct) => TypedResults.Ok(await list.GetAsync(id, ct)))
            .WithSummary("One vacancy.");

        vacancies.MapPost("/", async (CreateVacancy.Request request, CreateVacancy create, ListVacancies list, CancellationToken ct) =>
            {
                var id = await create.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/vacancies/{id}", await list.GetAsync(id, ct));
            })
            .WithSummary("Opens a vacancy in a country (ISO2) or an organisation (acronym).");

        vacancies.MapPost("/{id:int}/fill", async (int id, FillVacancy.Request request, FillVacancy fill, ListPostings list, CancellationToken ct) =>
            {
                var postingId = await fill.HandleAsync(id, request, ct);
                return TypedResults.Created($"/api/v1/postings/{postingId}", await list.GetAsync(postingId, ct));
            })
            .WithSummary("Fills a vacancy with a coopérant: answers the posting created.");
    }
}
