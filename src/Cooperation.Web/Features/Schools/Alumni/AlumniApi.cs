namespace Cooperation.Web.Features.Schools.Alumni;

/// <summary>/api/v1/alumni/prominent: the influence network, within the user's scope.</summary>
public sealed class AlumniApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api) =>
        api.MapGet("/alumni/prominent", async ([AsParameters] AlumniFilter filter, ListProminentAlumni list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(filter, ct)))
            .WithTags("Trainees")
            .WithSummary("The influence network: alumni (a session passed) who hold or held a prominent position, counted by country, and a page of them.")
            .WithDescription("Filters zone (code) and country (ISO2) of nationality, domain (code) of a course passed. "
                + "Answers {items, total, page, pageSize, countries: [{country, countryName, count}]}.");
}
