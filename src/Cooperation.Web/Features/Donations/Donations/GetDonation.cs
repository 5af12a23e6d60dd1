using Cooperation.Web.Features.Projects;

namespace Cooperation.Web.Features.Donations.Donations;

public record DonationItemView(
    int Id, string Category, string CategoryName, string Description, int Quantity, decimal UnitValue, string Currency, decimal Rate,
    decimal EuroValue, string? Supplier, string? MlCategory, string? ExportLicence, int? QuantityHandedOver, int Shortfall);

public record HandoverView(DateOnly Date, string? Place, string? ReceivingAuthority, string? Signatory, int? DocumentFileId);

public record FindingView(
    int ItemId, string Description, string Finding, string FindingName, string? Condition, string? ConditionName, bool? AtDeclaredLocation,
    string? Note, int? PhotoFileId);

public record CheckView(int Id, DateOnly DueOn, DateOnly? CheckedOn, string? CheckedBy, bool Overdue, IReadOnlyList<FindingView> Findings);

public record RiskNoteView(string? RiskOfDiversion, string? HumanitarianLaw, string? StorageAndAccountability);

/// <summary>A donation as its page and the API show it; the names of signatories and checkers redacted outside the reader's scope.</summary>
public record DonationDetails(
    int Id, string Title, string Country, string CountryName, string ReceivingAuthority, string ReceivingUnit, int? ProjectId,
    string? ProjectTitle, string? DeskOfficer, string Status, string StatusName, DateOnly ProposedOn, DateOnly? ApprovedOn,
    DateOnly? StatusChangedOn, int? EndUserStatementFileId, RiskNoteView RiskNote, string? CancellationReason,
    IReadOnlyList<DonationItemView> Items, decimal EuroValue, HandoverView? Handover, IReadOnlyList<CheckView> Checks,
    IReadOnlyList<string> NextStatuses, IReadOnlyDictionary<string, string> Missing, bool CanManage, bool CanApprove, bool CanRecordHandover, long Version)
{
    /// <summary>Items not found at the latest check that found them: an alert for the desk officer and the director.</summary>
    public int ItemsNotFound => Checks.Where(c => c.CheckedOn is not null).OrderByDescending(c => c.CheckedOn).FirstOrDefault()?
        .Findings.Count(f => f.Finding == ProjectCodes.Of(ItemFinding.NotFound)) ?? 0;

    /// <summary>Whether the reader is one who moves the donation to a status: the director approves, its managers do the rest.</summary>
    public bool MovesTo(string status) => status == ProjectCodes.Of(DonationStatus.Approved) ? CanApprove : CanManage;
}

/// <summary>One donation the user reads (<see cref="Access.VisibleDonations"/>).</summary>
public class GetDonation(CooperationDbContext db, Access access, DonationAccess donations, TimeProvider clock, IStringLocalizer<GetDonation> text) : IUseCase
{
    public async Task<DonationDetails> HandleAsync(int id, CancellationToken ct = default)
    {
        var countryId = await donations.ReadableCountryAsync(id, ct);
        var d = await db.Donations.AsNoTracking().Where(x => x.Id == id)
            .Include(x => x.Country).Include(x => x.Project).Include(x => x.Items)
            .Include(x => x.Checks).ThenInclude(c => c.Findings)
            .AsSplitQuery().SingleAsync(ct);
        var names = await access.SeesDonationSignatoriesAsync(countryId, ct);
        var desk = d.DeskOfficerUserId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == d.DeskOfficerUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        var today = clock.Today();
        var items = d.Items.OrderBy(i => i.Id).ToList();
        var manages = await access.CanManageDonationAsync(countryId, ct);
        var next = Donation.StatusesAfter(d.Status).Where(s => s is not (DonationStatus.HandedOver or DonationStatus.Checked)).ToList();
        return new DonationDetails(
            d.Id, d.Title, d.Country!.Iso2, Names.Pick(d.Country.NameFr, d.Country.NameEn), d.ReceivingAuthority, d.ReceivingUnit,
            d.ProjectId, d.Project?.Title, desk is null ? null : PersonalData.Show(names, desk), ProjectCodes.Of(d.Status), d.Status.Name(text),
            d.ProposedOn, d.ApprovedOn, d.StatusChangedOn, d.EndUserStatementFileId,
            new RiskNoteView(d.RiskOfDiversion, d.HumanitarianLaw, d.StorageAndAccountability), d.CancellationReason,
            items.Select(i => new DonationItemView(i.Id, ProjectCodes.Of(i.Category), i.Category.Name(text), i.Description, i.Quantity,
                i.UnitValue, i.Currency, i.Rate, i.EuroValue, i.Supplier, DonationLabels.Ml(i.MlCategory), i.ExportLicence,
                i.QuantityHandedOver, i.Shortfall)).ToList(),
            items.Sum(i => i.EuroValue),
            d.HandedOverOn is { } on ? new HandoverView(on, d.HandoverPlace, d.HandoverAuthority, PersonalData.Show(names, d.HandoverSignatory),
                d.HandoverDocumentFileId) : null,
            d.Checks.OrderBy(c => c.DueOn).Select(c => new CheckView(c.Id, c.DueOn, c.CheckedOn,
                c.CheckedBy is null ? null : PersonalData.Show(names, c.CheckedBy), c.IsOverdue(today),
                c.Findings.OrderBy(f => f.ItemId).Select(f => new FindingView(f.ItemId, items.First(i => i.Id == f.ItemId).Description,
                    ProjectCodes.Of(f.Finding), f.Finding.Name(text), ProjectCodes.Of(f.Condition), f.Condition?.Name(text), f.AtDeclaredLocation,
                    f.Note, f.PhotoFileId)).ToList())).ToList(),
            next.Select(s => ProjectCodes.Of(s)).ToList(),
            next.Select(s => (Status: s, Missing: d.Blocker(s))).Where(b => b.Missing is not null)
                .ToDictionary(b => ProjectCodes.Of(b.Status), b => text[b.Missing!.MessageKey, b.Missing.Args].Value),
            manages, access.CanApproveDonations, await access.CanRecordHandoverAsync(countryId, ct), d.Version);
    }
}
