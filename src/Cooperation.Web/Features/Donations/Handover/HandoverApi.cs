using Cooperation.Web.Features.Donations.Donations;

namespace Cooperation.Web.Features.Donations.Handover;

/// <summary>The files of a donation: its end-user statement and its handover, sent as multipart forms, and their downloads.</summary>
public sealed class HandoverApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var donations = api.MapGroup("/donations").WithTags("Donations");

        donations.MapPost("/{id:int}/end-user-statement", async (int id, IFormFile? file, [FromForm] long? version, AttachEndUserStatement attach,
                GetDonation get, CancellationToken ct) =>
            {
                await attach.HandleAsync(id, file, version, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Attaches the receiving authority's end-user statement to a proposed donation (multipart field 'file': PDF, DOCX, ODT or an image, recognised by its content, at most 20 MB; optional field 'version').");

        donations.MapGet("/{id:int}/end-user-statement", async (int id, GetDonationFile get, CancellationToken ct) =>
                (await get.HandleAsync(id, GetDonationFile.Kind.EndUserStatement, ct)).ToResult())
            .WithSummary("Downloads the donation's end-user statement.");

        donations.MapPost("/{id:int}/handover", async (int id, [FromForm] DateOnly? date, [FromForm] string? place, [FromForm] string? receivingAuthority,
                [FromForm] string? signatory, [FromForm] string? quantities, [FromForm] long? version, IFormFile? document, RecordHandover record,
                GetDonation get, CancellationToken ct) =>
            {
                await record.HandleAsync(id, new RecordHandover.Request(date, place, receivingAuthority, signatory,
                    RecordHandover.ParseQuantities(quantities), document, version), ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Records the handover of a delivered donation (multipart): date, place, receivingAuthority, signatory, quantities (JSON object of item id to quantity handed over, e.g. {\"12\": 18}; a shortfall is recorded), document (the signed handover record: PDF, DOCX, ODT or an image, at most 20 MB), version. Schedules the post-delivery checks.");

        donations.MapGet("/{id:int}/handover/document", async (int id, GetDonationFile get, CancellationToken ct) =>
                (await get.HandleAsync(id, GetDonationFile.Kind.HandoverDocument, ct)).ToResult())
            .WithSummary("Downloads the signed handover record.");
    }
}
