namespace Cooperation.Web.Features.Partners.Partnerships;

/// <summary>
/// /api/v1/partnerships: the multilateral partnerships (UN, OIF, G5 Sahel, AU, EU...) the caller reads, recorded and
/// changed by the desk officers of the zones they touch, the director and administrators.
/// </summary>
public sealed class PartnershipsApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var partnerships = api.MapGroup("/partnerships").WithTags("Partners: partnerships");

        partnerships.MapGet("/", async ([AsParameters] ListPartnerships.Query query, ListPartnerships list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("Partnerships: filters organisation (acronym), zone, country (ISO2), domain, status (running|upcoming|ended), renewal (true: ending within six months), search; sort organisation|title|reference|start|end (\"-\" for descending, default end); paging.");

        partnerships.MapGet("/{id:int}", async (int id, GetPartnership get, CancellationToken ct) => TypedResults.Ok(await get.HandleAsync(id, ct)))
            .WithSummary("One partnership: its agreement, scope, contributions by year of each side, the sessions, postings and projects it covers, and the trainees trained under it by year.");

        partnerships.MapPost("/", async (PartnershipInput request, CreatePartnership create, GetPartnership get, CancellationToken ct) =>
            {
                var id = await create.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/partnerships/{id}", await get.HandleAsync(id, ct));
            })
            .WithSummary("Records a partnership: organisation (acronym), agreementTitle, agreementReference (unique), signedOn, startDate, endDate, domains, countries (ISO2) and zones (at least one of the two; a desk officer's scope touches one of her zones), contributions [{year, party: directorate|organisation, amount, currency, cooperantsPlaced, trainingPlaces}] within the agreement's years.");

        partnerships.MapPut("/{id:int}", async (int id, PartnershipInput request, EditPartnership edit, GetPartnership get, CancellationToken ct) =>
            {
                await edit.HandleAsync(id, request, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithSummary("Changes a partnership as a whole (same body as POST) with the version read: a stale version answers 409.");

        partnerships.MapPost("/{id:int}/agreement", async (int id, IFormFile? agreement, PartnershipAgreement files, GetPartnership get, CancellationToken ct) =>
            {
                await files.AttachAsync(id, agreement, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Attaches (or replaces) the signed agreement (multipart: agreement = PDF, DOCX or ODT by its content, 20 MB at most); a file of another kind or too large is refused and nothing is stored.");

        partnerships.MapGet("/{id:int}/agreement", async (int id, PartnershipAgreement files, CancellationToken ct) => (await files.DownloadAsync(id, ct)).ToResult())
            .WithSummary("The signed agreement's file, under its stored name; 404 when none is attached.");

        partnerships.MapPost("/{id:int}/actions", async (int id, AttachPartnershipAction.Request request, AttachPartnershipAction attach, GetPartnership get, CancellationToken ct) =>
            {
                await attach.HandleAsync(id, request, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithSummary("Attaches an action to the partnership ({kind: session|posting|project, id}), or detaches it (detach: true). It must overlap the agreement's period; a posting must be with the partnership's organisation.");
    }
}
