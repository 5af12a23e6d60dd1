using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cooperation.Web.Data.Configurations;

public class DonationConfiguration : IEntityTypeConfiguration<Donation>
{
    public void Configure(EntityTypeBuilder<Donation> b)
    {
        b.Property(x => x.Title).HasMaxLength(Donation.MaxTitle);
        b.Property(x => x.ReceivingAuthority).HasMaxLength(200);
        b.Property(x => x.ReceivingUnit).HasMaxLength(200);
        b.Property(x => x.DeskOfficerUserId).HasMaxLength(450);
        b.Property(x => x.RiskOfDiversion).HasMaxLength(Donation.MaxText);
        b.Property(x => x.HumanitarianLaw).HasMaxLength(Donation.MaxText);
        b.Property(x => x.StorageAndAccountability).HasMaxLength(Donation.MaxText);
        b.Property(x => x.CancellationReason).HasMaxLength(1000);
        b.Property(x => x.HandoverPlace).HasMaxLength(200);
        b.Property(x => x.HandoverAuthority).HasMaxLength(200);
        b.Property(x => x.HandoverSignatory).HasMaxLength(200);
        b.HasOne(x => x.Country).WithMany().HasForeignKey(x => x.CountryId);
        b.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.DeskOfficerUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.EndUserStatement).WithMany().HasForeignKey(x => x.EndUserStatementFileId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.HandoverDocument).WithMany().HasForeignKey(x => x.HandoverDocumentFileId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Items).WithOne(i => i.Donation).HasForeignKey(i => i.DonationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Checks).WithOne(c => c.Donation).HasForeignKey(c => c.DonationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CountryId, x.Status });
        b.HasIndex(x => x.ProjectId);
        b.HasIndex(x => x.HandedOverOn);
        // The donations' list, newest proposal first, walks this index to its page.
        b.HasIndex(x => x.ProposedOn);
        // The same order within a country: a country's donations, on its page too (ListFilters.OfCountries).
        b.HasIndex(x => new { x.CountryId, x.ProposedOn, x.Id });
        b.Ignore(x => x.ItemsOpen);
        b.Ignore(x => x.EuroValue);
        b.Ignore(x => x.HasShortfall);
    }
}

public class DonationItemConfiguration : IEntityTypeConfiguration<DonationItem>
{
    public void Configure(EntityTypeBuilder<DonationItem> b)
    {
        b.Property(x => x.Description).HasMaxLength(DonationItem.MaxDescription);
        b.Property(x => x.UnitValue).HasPrecision(18, 2);
        b.Property(x => x.Rate).HasPrecision(18, 6);
        b.Property(x => x.EuroValue).HasPrecision(18, 2);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Supplier).HasMaxLength(200);
        b.Property(x => x.ExportLicence).HasMaxLength(100);
        b.Ignore(x => x.Shortfall);
    }
}

public class DonationCheckConfiguration : IEntityTypeConfiguration<DonationCheck>
{
    public void Configure(EntityTypeBuilder<DonationCheck> b)
    {
        b.Property(x => x.CheckedBy).HasMaxLength(200);
        b.Property(x => x.CheckedByUserId).HasMaxLength(450);
        b.HasMany(x => x.Findings).WithOne(f => f.Check).HasForeignKey(f => f.CheckId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CheckedOn, x.DueOn });
        // A donation's overdue checks (the donations list counts them per row) are found on this index alone.
        b.HasIndex(x => new { x.DonationId, x.CheckedOn, x.DueOn });
    }
}

public class ItemCheckConfiguration : IEntityTypeConfiguration<ItemCheck>
{
    public void Configure(EntityTypeBuilder<ItemCheck> b)
    {
        b.Property(x => x.Note).HasMaxLength(1000);
        b.HasOne(x => x.Item).WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Photo).WithMany().HasForeignKey(x => x.PhotoFileId).OnDelete(DeleteBehavior.Restrict);
    }
}
