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

public class ReportJobConfiguration : IEntityTypeConfiguration<ReportJob>
{
    public void Configure(EntityTypeBuilder<ReportJob> b)
    {
        b.Property(x => x.RequestedById).HasMaxLength(450);
        b.Property(x => x.RequestedByName).HasMaxLength(256);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.Step).HasMaxLength(ReportJob.MaxStep);
        b.Property(x => x.Error).HasMaxLength(ReportJob.MaxError);
        // A job is its requester's: it goes with his account; its file goes when the job is purged (by the purge itself).
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RequestedById).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Zone).WithMany().HasForeignKey(x => x.ZoneId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ResultFile).WithMany().HasForeignKey(x => x.ResultFileId).OnDelete(DeleteBehavior.SetNull);
        // His jobs, newest first; the purge reads the finished ones by age.
        b.HasIndex(x => new { x.RequestedById, x.QueuedAt });
        b.HasIndex(x => new { x.Status, x.FinishedAt });
    }
}

/// <summary>The row through which the instances tell each other that they wrote (<see cref="SharedGenerations"/>), there from its migration on.</summary>
public class DataGenerationConfiguration : IEntityTypeConfiguration<DataGeneration>
{
    public void Configure(EntityTypeBuilder<DataGeneration> b)
    {
        b.ToTable("DataGenerations");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasData(new DataGeneration { Id = 1 });
    }
}
