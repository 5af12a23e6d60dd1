using Cooperation.Web.Features.Projects;

namespace Cooperation.Web.Features.Donations.Donations;

/// <summary>
/// Moves a donation along its cycle: the director approves (with the end-user statement and the risk note), the desk
/// officers order (with the export licence of every item on the Common Military List), declare it delivered, or
/// cancel it before the handover (the director may too), saying why. The handover and the checks have their own use
/// cases. Each change is audited.
/// </summary>
public class ChangeDonationStatus(CooperationDbContext db, DonationAccess donations, Access access, TimeProvider clock,
    IStringLocalizer<ChangeDonationStatus> text) : IUseCase
{
    /// <param name="To">approved, ordered, delivered or cancelled.</param>
    /// <param name="Reason">Why it is cancelled: required to cancel.</param>
    /// <param name="Version">The donation's version as read; a stale one answers 409.</param>
    public record Request(string? To, string? Reason = null, long? Version = null);

    public async Task HandleAsync(int id, Request request, CancellationToken ct = default)
    {
        var country = await donations.ReadableCountryAsync(id, ct);
        var errors = new FieldErrors(text);
        var to = ProjectCodes.Read<DonationStatus>(errors, "to", "Nouveau statut", request.To);
        var reason = errors.Text("reason", "Motif de l'annulation", request.Reason, 1000, optional: true);
        if (to is DonationStatus.Proposed or DonationStatus.HandedOver or DonationStatus.Checked) errors.Add("to", "donation.statusByRecord");
        errors.ThrowIfAny();

        var manages = await access.CanManageDonationAsync(country, ct);
        ForbiddenException.ThrowUnless(to switch
        {
            DonationStatus.Approved => access.CanApproveDonations,
            DonationStatus.Cancelled => manages || access.CanApproveDonations,
            _ => manages,
        });
        var donation = await donations.LoadAsync(id, ct);
        var today = clock.Today();
        switch (to)
        {
            case DonationStatus.Approved: donation.Approve(today); break;
            case DonationStatus.Ordered: donation.Order(today); break;
            case DonationStatus.Delivered: donation.Deliver(today); break;
            default: donation.Cancel(reason ?? "", today); break;
        }
        donations.Guard(donation, request.Version);
        await db.SaveChangesAsync(ct);
    }
}
