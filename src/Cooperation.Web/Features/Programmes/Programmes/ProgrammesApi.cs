namespace Cooperation.Web.Features.Programmes.Programmes;

/// <summary>
/// /api/v1/programmes: the annual cooperation programmes the caller reads (a desk officer's zones, the world for the
/// director and the auditor, his country's for a coopérant, the training places offered to his country for a liaison
/// officer), drafted by the desk officers of their zones and approved by the director. References by code.
/// </summary>
public sealed class ProgrammesApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var programmes = api.MapGroup("/programmes").WithTags("Programmes");

        programmes.MapGet("/", async ([AsParameters] ListProgrammes.Query query, ListProgrammes list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("Programmes: filters year, country (ISO2), zone, status (draft|submitted|approved|returned|revised|closed); sort country|year|status|budget|completion (\"-\" for descending, default -year); paging. Each row has its completion so far (weighted by budget) and its lines off course.");

        programmes.MapGet("/{id:int}", async (int id, GetProgramme get, CancellationToken ct) => TypedResults.Ok(await get.HandleAsync(id, ct)))
            .WithSummary("One programme: partner, year, status, priorities, planned lines, envelopes, revisions, and the steps of the cycle the caller may take (with the reason when he may not).");

        programmes.MapGet("/{id:int}.pdf", async (int id, ProgrammePdf pdf, CancellationToken ct) =>
            {
                var file = await pdf.HandleAsync(id, ct);
                return TypedResults.File(file.Content, "application/pdf", file.FileName);
            })
            .WithSummary("The programme as the document the director signs (PDF), in the caller's language.");

        programmes.MapPost("/", async (ProgrammeInput request, CreateProgramme create, GetProgramme get, CancellationToken ct) =>
            {
                var id = await create.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/programmes/{id}", await get.HandleAsync(id, ct));
            })
            .WithSummary("Drafts a programme for a partner of your zones: country or organisation, year, priorities [{domain, rationale}], lines [{mode (training|missions|donations|postings|projects), school, domain, category, posting (keep|open|close), projectId, quantity, expertDays, value, budget, source}], envelopes [{mode, source, amount}]. Values are non-negative; the lines' budgets add up, mode by mode and source by source, to the envelopes.");

        programmes.MapPut("/{id:int}", async (int id, ProgrammeInput request, EditProgramme edit, GetProgramme get, CancellationToken ct) =>
            {
                await edit.HandleAsync(id, request, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithSummary("Changes the plan of a draft or returned programme (same body as POST, with the version read): one changed meanwhile answers 409; an approved one changes only by /revise, a closed one never.");

        programmes.MapPost("/{id:int}/revise", async (int id, ProgrammeInput request, ReviseProgramme revise, GetProgramme get, CancellationToken ct) =>
            {
                await revise.HandleAsync(id, request, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithSummary("Revises an approved programme: the new plan (same body as PUT) and its reason; the plan before is kept with the revision, the approved baseline stays.");

        Step(programmes, "submit", ProgrammeCycle.Step.Submit, "The desk officer submits a draft or returned programme to the director; it must plan something.");
        Step(programmes, "approve", ProgrammeCycle.Step.Approve, "The director approves a submitted programme: its plan is frozen as the baseline. One approved programme per partner and year.");
        Step(programmes, "return", ProgrammeCycle.Step.Return, "The director returns a submitted programme with his comments ({\"comment\"}, required).");
        Step(programmes, "close", ProgrammeCycle.Step.Close, "Closes an approved programme with the year's assessment ({\"comment\"}, required): it is read-only afterwards.");

        programmes.MapPost("/{id:int}/next-year", async (int id, PrepareNextYear prepare, GetProgramme get, CancellationToken ct) =>
            {
                var next = await prepare.HandleAsync(id, ct);
                return TypedResults.Created($"/api/v1/programmes/{next}", await get.HandleAsync(next, ct));
            })
            .WithSummary("Prepares next year's draft from this programme: same priorities and lines, training places proposed from the last three years' use.");
    }

    private static void Step(RouteGroupBuilder programmes, string path, ProgrammeCycle.Step step, string summary) =>
        programmes.MapPost($"/{{id:int}}/{path}", async (int id, ProgrammeCycle.Request? request, ProgrammeCycle cycle, GetProgramme get, CancellationToken ct) =>
            {
                await cycle.HandleAsync(id, step, request ?? new ProgrammeCycle.Request(), ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithSummary(summary);
}
