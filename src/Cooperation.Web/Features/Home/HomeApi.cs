namespace Cooperation.Web.Features.Home;

public sealed class HomeApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api) =>
        api.MapGet("/home", async (GetHome home, CancellationToken ct) => TypedResults.Ok(await home.HandleAsync(ct)))
            .WithTags("Home").WithSummary("What the signed-in user has to do next, within his scope, as his home page shows it. One part is set: "
                + "world (director, auditor, administrator: the key figures of /figures); deskOfficer (by zone of her scope: nominations to screen, "
                + "postings ending within six months, open vacancies, sessions started and still open to nominations, overdue recommendations, "
                + "donations with an overdue check); schoolDirector (his sessions running or to come, nominations to decide, sessions whose results "
                + "are to record); liaisonOfficer (sessions open to his country, his country's seats and accepted candidates in them, his nominations "
                + "by status); cooperant (his posting and its end, his profile, his country's coopérants in post and open vacancies). Each figure "
                + "carries count and href: the list it counts, with its filters set.");
}
