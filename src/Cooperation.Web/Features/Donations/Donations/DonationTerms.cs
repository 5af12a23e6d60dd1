using Cooperation.Web.Features.Projects;

namespace Cooperation.Web.Features.Donations.Donations;

/// <summary>
/// The terms of a donation, as proposing and editing read them: its title, the beneficiary (a country of the user's
/// zones, its authority and unit), the project it completes (one the user reads), the three parts of the risk note.
/// </summary>
public sealed class DonationTerms(CooperationDbContext db, Access access, ReferenceCodes codes) : IUseCase
{
    public record Input(
        string? Title, string? Country, string? ReceivingAuthority, string? ReceivingUnit, int? ProjectId,
        string? RiskOfDiversion, string? HumanitarianLaw, string? StorageAndAccountability);

    /// <summary>Checks every field into <paramref name="errors"/> and, when all are good, sets them on the donation (not yet thrown: the caller may add its own).</summary>
    public async Task ApplyAsync(Donation donation, Input input, FieldErrors errors, CancellationToken ct = default)
    {
        var title = errors.Text("title", "Intitulé du don", input.Title, Donation.MaxTitle);
        var country = await codes.CountryAsync(input.Country, errors, ct: ct);
        if (country is { } id && !await access.CanManageDonationAsync(id, ct)) errors.Add("country", "donation.countryOutsideZones");
        var authority = errors.Text("receivingAuthority", "Autorité bénéficiaire", input.ReceivingAuthority);
        var unit = errors.Text("receivingUnit", "Unité bénéficiaire", input.ReceivingUnit);
        if (input.ProjectId is { } projectId
            && !await access.VisibleProjects(db.Projects.AsNoTracking()).AnyAsync(p => p.Id == projectId, ct))
            errors.Add("projectId", "donation.projectUnknown", projectId);
        var diversion = errors.Text("riskOfDiversion", "Risque de mésusage ou de détournement", input.RiskOfDiversion, Donation.MaxText, optional: true);
        var ihl = errors.Text("humanitarianLaw", "Respect du droit international humanitaire par l'unité", input.HumanitarianLaw, Donation.MaxText, optional: true);
        var storage = errors.Text("storageAndAccountability", "Stockage et traçabilité", input.StorageAndAccountability, Donation.MaxText, optional: true);
        if (errors.Any) return;
        (donation.Title, donation.CountryId, donation.ReceivingAuthority, donation.ReceivingUnit, donation.ProjectId) =
            (title!, country!.Value, authority!, unit!, input.ProjectId);
        (donation.RiskOfDiversion, donation.HumanitarianLaw, donation.StorageAndAccountability) = (diversion, ihl, storage);
    }
}
