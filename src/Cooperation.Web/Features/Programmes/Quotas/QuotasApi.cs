namespace Cooperation.Web.Features.Programmes.Quotas;

/// <summary>/api/v1/programmes/{id}/quotas: an approved programme's training places placed again as its country's quotas.</summary>
public sealed class QuotasApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        api.MapGroup("/programmes").WithTags("Programmes")
            .MapPost("/{id:int}/quotas", async (int id, PlaceQuotas place, CancellationToken ct) => TypedResults.Ok(await place.HandleAsync(id, ct)))
            .WithSummary("Places what is left of an approved programme's training places as its country's quotas in the year's sessions of each "
                + "line's school and domain still open to them (planned or open for nominations, not started), earliest first, each up to its free "
                + "capacity; a plan below the quotas held lowers them, latest first, never below the accepted candidates. The approval and each "
                + "revision do the same. For the desk officers of the country's zone and the director. Answers each line (school, domain, planned, "
                + "given, left) with the sessions changed (sessionId, course, startDate, before, after), and the places left.");
    }
}
