using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cooperation.Web.Data.Configurations;

public class LockedYearConfiguration : IEntityTypeConfiguration<LockedYear>
{
    public void Configure(EntityTypeBuilder<LockedYear> b)
    {
        b.HasIndex(x => x.Year).IsUnique();
        b.Property(x => x.LockedByUserId).HasMaxLength(450);
        b.Property(x => x.LockedByName).HasMaxLength(256);
    }
}

public class LockedYearAmendmentConfiguration : IEntityTypeConfiguration<LockedYearAmendment>
{
    public void Configure(EntityTypeBuilder<LockedYearAmendment> b)
    {
        b.HasIndex(x => new { x.Year, x.At });
        b.Property(x => x.RecordType).HasMaxLength(64);
        b.Property(x => x.RecordKey).HasMaxLength(64);
        b.Property(x => x.Reason).HasMaxLength(LockedYearAmendment.MaxReason);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.UserName).HasMaxLength(256);
    }
}
