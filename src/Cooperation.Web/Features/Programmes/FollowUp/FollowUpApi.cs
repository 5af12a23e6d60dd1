namespace Cooperation.Web.Features.Programmes.FollowUp;

/// <summary>/api/v1/programmes/{id}/follow-up: what has been done of a programme's plan, computed from the records.</summary>
public sealed class FollowUpApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        api.MapGet("/programmes/{id:int}/follow-up", async (int id, GetFollowUp get, CancellationToken ct) => TypedResults.Ok(await get.HandleAsync(id, ct)))
            .WithTags("Programmes")
            .WithSummary("The follow-up of a programme: per planned line, what is done so far (quota places, places used and trainees trained; missions carried out and expert-days; donations handed over and their value; postings; budget committed and disbursed on the projects), the completion rate, the year-end forecast from the pace, and whether it is off course (under 50 % with a quarter of the year left, quota places unused in closed sessions); the programme's completion weighted by budget.");
    }
}
