namespace Cooperation.Web.Features.Donations.Checks;

using Cooperation.Web.Features.Donations.Donations;

/// <summary>
/// The post-delivery checks of donations: those of one donation, recorded by its desk officers or the coopérant of its
/// country; the checks overdue across the user's scope.
/// </summary>
public sealed class ChecksApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var donations = api.MapGroup("/donations").WithTags("Donations");

        donations.MapGet("/{id:int}/checks", async (int id, GetDonation get, CancellationToken ct) => TypedResults.Ok((await get.HandleAsync(id, ct)).Checks))
            .WithSummary("A donation's post-delivery checks, scheduled and done, with their findings (who checked redacted outside the reader's scope).");

        donations.MapPost("/{id:int}/checks", async (int id, RecordCheck.Request request, RecordCheck record, GetDonation get, CancellationToken ct) =>
            {
                await record.HandleAsync(id, request, ct: ct);
                return TypedResults.Created($"/api/v1/donations/{id}/checks", (await get.HandleAsync(id, ct)).Checks);
            })
            .WithSummary("Records a post-delivery check: checkedOn, checkedBy, findings [{itemId, finding (inUse|notInUse|notFound), condition (good|fair|poor|unusable; not when not found), atDeclaredLocation, note}] for every item handed over, version.");

        donations.MapPost("/{id:int}/checks/{checkId:int}/items/{itemId:int}/photo", async (int id, int checkId, int itemId, IFormFile? file,
                [FromForm] long? version, AttachCheckPhoto attach, GetDonation get, CancellationToken ct) =>
            {
                await attach.HandleAsync(id, checkId, itemId, file, version, ct);
                return TypedResults.Ok((await get.HandleAsync(id, ct)).Checks);
            })
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Attaches (or replaces) the photo of an item at a recorded check (multipart field 'file': PNG, JPEG or WebP, recognised by its content, at most 20 MB; optional field 'version').");

        donations.MapGet("/{id:int}/checks/{checkId:int}/items/{itemId:int}/photo", async (int id, int checkId, int itemId, GetDonationFile get,
                CancellationToken ct) => (await get.PhotoAsync(id, checkId, itemId, ct)).ToResult())
            .WithSummary("Downloads the photo of an item taken at a check.");

        api.MapGroup("/checks").WithTags("Donations").MapGet("/overdue", async ([AsParameters] ListOverdueChecks.Query query, ListOverdueChecks list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("Post-delivery checks overdue in your scope (a desk officer: her zones; a coopérant: his country), oldest first; filters country, zone; paging.");
    }
}
