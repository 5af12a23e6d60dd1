namespace Cooperation.Web.Features.Reporting.Oda;

/// <summary>/api/v1/oda: official development assistance of a year by zone and DAC code, with the reasons.</summary>
public sealed class OdaApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api) =>
        api.MapGroup("/oda").WithTags("Reporting").MapGet("", async ([AsParameters] ListOda.Query query, ListOda list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("ODA of a year (year required): the disbursements of the year in euros by zone and DAC purpose code, under the projects' eligibility — eligible, partly (in full, and its eligibleShare in partlyEligible), notEligible, undecided — their odaTotal and the reasons. Filter zone; a desk officer reads her zones only. Sort zone|code|oda.");
}
