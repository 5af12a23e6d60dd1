using Cooperation.Web.Features.Projects;

namespace Cooperation.Web.Features.Donations.Donations;

/// <summary>Adds an item to a proposed donation, once it passes the non-lethal rule; the donation's version moves.</summary>
public class AddDonationItem(CooperationDbContext db, DonationAccess donations, ItemReader items, IStringLocalizer<AddDonationItem> text) : IUseCase
{
    /// <param name="Item">The item.</param>
    /// <param name="Version">The donation's version as read; a stale one answers 409.</param>
    public record Request(ItemInput? Item, long? Version = null);

    /// <returns>The id of the new item.</returns>
    public async Task<int> HandleAsync(int id, Request request, CancellationToken ct = default)
    {
        var donation = await donations.ManageableAsync(id, ct);
        var errors = new FieldErrors(text);
        var terms = await items.ReadAsync(request.Item, errors, "item", ct);
        errors.ThrowIfAny();
        var item = donation.AddItem(terms!, "item");
        donations.Guard(donation, request.Version);
        await db.SaveChangesAsync(ct);
        return item.Id;
    }
}
