using Cooperation.Web.Features.Projects;

namespace Cooperation.Web.Features.Donations.Donations;

/// <summary>
/// Proposes a donation to a partner country of the desk officer's zones, with its items, each non-lethal or the whole
/// proposal refused (nothing stored). The proposer is the desk officer in charge.
/// </summary>
public class ProposeDonation(CooperationDbContext db, Access access, DonationTerms terms, ItemReader items, TimeProvider clock,
    IStringLocalizer<ProposeDonation> text) : IUseCase
{
    /// <param name="Country">ISO2 code of the partner country that receives it.</param>
    /// <param name="ReceivingAuthority">The partner's authority (ministry, general staff...).</param>
    /// <param name="ReceivingUnit">The unit that will use the equipment.</param>
    /// <param name="ProjectId">The project it completes, if any.</param>
    /// <param name="Items">At least one item.</param>
    public record Request(
        string? Title, string? Country, string? ReceivingAuthority, string? ReceivingUnit, int? ProjectId = null,
        IReadOnlyList<ItemInput?>? Items = null, string? RiskOfDiversion = null, string? HumanitarianLaw = null,
        string? StorageAndAccountability = null);

    public void Authorize() => ForbiddenException.ThrowUnless(access.CanProposeDonations);

    /// <returns>The id of the new donation.</returns>
    public async Task<int> HandleAsync(Request request, CancellationToken ct = default)
    {
        Authorize();
        var errors = new FieldErrors(text);
        var donation = new Donation { Title = "", ReceivingAuthority = "", ReceivingUnit = "", ProposedOn = clock.Today(), DeskOfficerUserId = access.UserId };
        await terms.ApplyAsync(donation, new DonationTerms.Input(request.Title, request.Country, request.ReceivingAuthority, request.ReceivingUnit,
            request.ProjectId, request.RiskOfDiversion, request.HumanitarianLaw, request.StorageAndAccountability), errors, ct);
        var list = request.Items ?? [];
        if (list.Count == 0) errors.Add("items", "donation.itemsRequired");
        var read = new List<ItemTerms>();
        for (var i = 0; i < list.Count; i++)
            if (await items.ReadAsync(list[i], errors, $"items[{i}]", ct) is { } item) read.Add(item);
        errors.ThrowIfAny();
        for (var i = 0; i < read.Count; i++) donation.AddItem(read[i], $"items[{i}]");
        db.Donations.Add(donation);
        await db.SaveChangesAsync(ct);
        return donation.Id;
    }
}
