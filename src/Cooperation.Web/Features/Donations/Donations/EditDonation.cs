using Cooperation.Web.Features.Projects;

namespace Cooperation.Web.Features.Donations.Donations;

/// <summary>
/// Changes a donation's terms (beneficiary, project, risk note) until it is handed over, guarded by the version the
/// user read: a donation changed meanwhile is refused (409), never overwritten. Its items are added by
/// <see cref="AddDonationItem"/>, its status moved by <see cref="ChangeDonationStatus"/>.
/// </summary>
public class EditDonation(CooperationDbContext db, DonationAccess donations, DonationTerms terms, IStringLocalizer<EditDonation> text) : IUseCase
{
    public record Request(
        string? Title, string? Country, string? ReceivingAuthority, string? ReceivingUnit, int? ProjectId = null,
        string? RiskOfDiversion = null, string? HumanitarianLaw = null, string? StorageAndAccountability = null, long? Version = null);

    public async Task HandleAsync(int id, Request request, CancellationToken ct = default)
    {
        var donation = await donations.ManageableAsync(id, ct);
        var errors = new FieldErrors(text);
        var version = errors.Required("version", "Version", request.Version);
        if (donation.Status is DonationStatus.HandedOver or DonationStatus.Checked or DonationStatus.Cancelled)
            errors.Add("status", "donation.closed");
        await terms.ApplyAsync(donation, new DonationTerms.Input(request.Title, request.Country, request.ReceivingAuthority, request.ReceivingUnit,
            request.ProjectId, request.RiskOfDiversion, request.HumanitarianLaw, request.StorageAndAccountability), errors, ct);
        errors.ThrowIfAny();
        donations.Guard(donation, version);
        await db.SaveChangesAsync(ct);
    }
}
