using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cooperation.Web.Data.Configurations;

public class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> b)
    {
        b.Property(x => x.ReturnComment).HasMaxLength(Programme.MaxText);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.Property(x => x.Assessment).HasMaxLength(Programme.MaxText);
        b.HasOne(x => x.Country).WithMany().HasForeignKey(x => x.CountryId);
        b.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId);
        b.HasMany(x => x.Priorities).WithOne(p => p.Programme).HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Lines).WithOne(p => p.Programme).HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Envelopes).WithOne(p => p.Programme).HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Revisions).WithOne(p => p.Programme).HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        // The year's list and the one-approved rule read a country's programmes of a year.
        b.HasIndex(x => new { x.Year, x.CountryId, x.Status });
        b.Ignore(x => x.Approved);
        b.Ignore(x => x.PlanEditable);
    }
}

public class ProgrammeLineConfiguration : IEntityTypeConfiguration<ProgrammeLine>
{
    public void Configure(EntityTypeBuilder<ProgrammeLine> b)
    {
        b.Property(x => x.Value).HasPrecision(18, 2);
        b.Property(x => x.Budget).HasPrecision(18, 2);
        b.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId);
        b.HasOne(x => x.Domain).WithMany().HasForeignKey(x => x.DomainId);
        b.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId);
        b.HasIndex(x => new { x.ProgrammeId, x.Number });
        b.Ignore(x => x.Terms);
    }
}

public class ProgrammeEnvelopeConfiguration : IEntityTypeConfiguration<ProgrammeEnvelope>
{
    public void Configure(EntityTypeBuilder<ProgrammeEnvelope> b) => b.Property(x => x.Amount).HasPrecision(18, 2);
}

public class ProgrammePriorityConfiguration : IEntityTypeConfiguration<ProgrammePriority>
{
    public void Configure(EntityTypeBuilder<ProgrammePriority> b)
    {
        b.Property(x => x.Rationale).HasMaxLength(Programme.MaxText);
        b.HasOne(x => x.Domain).WithMany().HasForeignKey(x => x.DomainId);
    }
}

public class ProgrammeRevisionConfiguration : IEntityTypeConfiguration<ProgrammeRevision>
{
    public void Configure(EntityTypeBuilder<ProgrammeRevision> b)
    {
        b.Property(x => x.Reason).HasMaxLength(Programme.MaxText);
        b.Property(x => x.RevisedBy).HasMaxLength(200);
    }
}
