namespace Cooperation.Web.Features.Projects.Projects;

/// <summary>
/// /api/v1/projects: the cooperation projects the caller reads (all for headquarters, those of his country for a
/// coopérant), created and changed by the desk officers of their zones. References go by code: country ISO2, zone,
/// domain, operator, DAC purpose code.
/// </summary>
public sealed class ProjectsApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var projects = api.MapGroup("/projects").WithTags("Projects");

        projects.MapGet("/", async ([AsParameters] ListProjects.Query query, ListProjects list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("Projects: filters country (ISO2), zone, status (identified|inPreparation|approved|running|closed|evaluated|abandoned), euFunded, domain, year (running during it), search; sort title|start|end|status|zone (\"-\" for descending, default -start); paging.");

        projects.MapGet("/{id:int}", async (int id, GetProject get, CancellationToken ct) => TypedResults.Ok(await get.HandleAsync(id, ct)))
            .WithSummary("One project: terms, places with their shares, strategic priority (of its zone), EU involvement, DAC sectors, policy markers, SDG 16 targets, ODA, money by year (planned, committed, disbursed, spent) with warnings, results chain and indicators, the postings and sessions attached with their figures. Named contacts are redacted outside the reader's scope.");

        projects.MapPost("/", async (ProjectInput request, CreateProject create, GetProject get, CancellationToken ct) =>
            {
                var id = await create.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/projects/{id}", await get.HandleAsync(id, ct));
            })
            .WithSummary("Creates a project (identified) in one of your zones: title, locations [{country|zone, percentage}] (shares summing to 100), domains, operator, dates, euFunded with euMode (lead|coLead|support; coLead and support need an operator; EU's regions only), budgetLines [{year, source, amount}], sectors [{code, percentage}] (summing to 100), markers {gender, genderJustification, ssr, crisisPrevention} (0-2), sdg16Targets, oda {eligibility, eligibleShare, reason}.");

        projects.MapPut("/{id:int}", async (int id, ProjectInput request, EditProject edit, GetProject get, CancellationToken ct) =>
            {
                await edit.HandleAsync(id, request, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithSummary("Changes a project as a whole (same body as POST) with the version read: a project changed meanwhile answers 409, never a silent overwrite.");

        projects.MapPost("/{id:int}/status", async (int id, ChangeProjectStatus.Request request, ChangeProjectStatus change, GetProject get, CancellationToken ct) =>
            {
                await change.HandleAsync(id, request, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithSummary("Moves the project along its cycle ({\"to\": \"approved\"}): identified → inPreparation → approved → running → closed → evaluated, abandoned before closed. Approval needs a budget and, EU-funded, the assessment with no criterion unmet; closing needs an actual value for every indicator; evaluated needs evaluationSummary.");
    }
}
