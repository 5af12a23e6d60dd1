using Cooperation.Web.Features.Projects;

namespace Cooperation.Web.Features.Donations.Donations;

/// <summary>
/// /api/v1/donations: donations of small non-lethal equipment the caller reads (all for headquarters, those of his
/// country for a coopérant), proposed and run by the desk officers of their zones, approved by the director. Every item
/// passes the non-lethal rule, whoever sends it.
/// </summary>
public sealed class DonationsApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var donations = api.MapGroup("/donations").WithTags("Donations");

        donations.MapGet("/", async ([AsParameters] ListDonations.Query query, ListDonations list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("Donations: filters country (ISO2), zone, status (proposed|approved|ordered|delivered|handedOver|checked|cancelled), category (surveillance|civilProtection|trainingCentres|trainingMeans), year (handed over, or proposed when not yet handed over), projectId, overdue, search; sort title|country|status|proposed|handedOver (\"-\" for descending, default -proposed); paging.");

        donations.MapGet("/{id:int}", async (int id, GetDonation get, CancellationToken ct) => TypedResults.Ok(await get.HandleAsync(id, ct)))
            .WithSummary("One donation: beneficiary, project, items with their euro values and Common Military List category, risk note, handover (the signatory redacted outside the reader's scope), checks with their findings.");

        donations.MapPost("/", async (ProposeDonation.Request request, ProposeDonation propose, GetDonation get, CancellationToken ct) =>
            {
                var id = await propose.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/donations/{id}", await get.HandleAsync(id, ct));
            })
            .WithSummary("Proposes a donation to a country of your zones: title, country (ISO2), receivingAuthority, receivingUnit, projectId, items [{category, description, quantity, unitValue, currency, rate, supplier, mlCategory, exportLicence}], riskOfDiversion, humanitarianLaw, storageAndAccountability. An item that is lethal (ML1-4, 7, 8, 12, 19; a description naming a weapon, ammunition, an explosive or a weapon part; a category other than the four) refuses the whole proposal, naming the item and the rule.");

        donations.MapPut("/{id:int}", async (int id, EditDonation.Request request, EditDonation edit, GetDonation get, CancellationToken ct) =>
            {
                await edit.HandleAsync(id, request, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithSummary("Changes a donation's terms (same fields as POST but items) with the version read: a donation changed meanwhile answers 409.");

        donations.MapPost("/{id:int}/items", async (int id, AddDonationItem.Request request, AddDonationItem add, GetDonation get, CancellationToken ct) =>
            {
                await add.HandleAsync(id, request, ct);
                return TypedResults.Created($"/api/v1/donations/{id}", await get.HandleAsync(id, ct));
            })
            .WithSummary("Adds an item ({\"item\": {...}, \"version\": n}) to a proposed donation, refused unless non-lethal.");

        donations.MapPost("/{id:int}/status", async (int id, ChangeDonationStatus.Request request, ChangeDonationStatus change, GetDonation get, CancellationToken ct) =>
            {
                await change.HandleAsync(id, request, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithSummary("Moves the donation ({\"to\": \"approved\"}): approved (the director; needs the end-user statement and the risk note), ordered (needs the export licence of every item on the Common Military List), delivered, cancelled (before the handover, with a reason). The handover and checks have their own routes.");
    }
}
