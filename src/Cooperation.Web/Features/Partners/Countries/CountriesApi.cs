namespace Cooperation.Web.Features.Partners.Countries;

public sealed class CountriesApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var countries = api.MapGroup("/countries").WithTags("Partners");

        countries.MapGet("", async ([AsParameters] ListCountries.Query query, ListCountries list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("Partner countries with active coopérants, open vacancies and ENVR; filters q, zone, withNetwork; sort name|zone|cooperants.");
        countries.MapGet("/{iso2}", async (string iso2, GetCountry get, CancellationToken ct) => TypedResults.Ok(await get.HandleAsync(iso2, ct)))
            .WithSummary("A partner country and everything connected to it; 404 when unknown or outside the caller's scope.");
    }
}
