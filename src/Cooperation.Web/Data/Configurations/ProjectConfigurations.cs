using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cooperation.Web.Data.Configurations;

public class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.Property(x => x.Title).HasMaxLength(Project.MaxTitle);
        b.Property(x => x.Summary).HasMaxLength(Project.MaxText);
        b.Property(x => x.Objective).HasMaxLength(Project.MaxText);
        b.Property(x => x.PartnerAuthorities).HasMaxLength(500);
        b.Property(x => x.ResponsibleUserId).HasMaxLength(450);
        b.Property(x => x.ContactName).HasMaxLength(200);
        b.Property(x => x.ContactEmail).HasMaxLength(256);
        b.Property(x => x.EvaluationSummary).HasMaxLength(Project.MaxText);
        b.Property(x => x.EuContractReference).HasMaxLength(100);
        b.Property(x => x.GenderJustification).HasMaxLength(1000);
        b.Property(x => x.Sdg16).HasMaxLength(100);
        b.Property(x => x.OdaEligibleShare).HasPrecision(5, 2);
        b.Property(x => x.OdaReason).HasMaxLength(1000);
        b.Property(x => x.TitleEn).HasMaxLength(Project.MaxTitle);
        b.Property(x => x.SummaryEn).HasMaxLength(Project.MaxText);
        b.Property(x => x.IatiIdentifier).HasMaxLength(100);
        // IATI: an identifier is never given to two activities.
        b.HasIndex(x => x.IatiIdentifier).IsUnique();
        b.HasOne(x => x.Zone).WithMany().HasForeignKey(x => x.ZoneId);
        b.HasOne(x => x.Operator).WithMany().HasForeignKey(x => x.OperatorId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ResponsibleUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Domains).WithMany().UsingEntity("ProjectDomains");
        b.HasMany(x => x.Locations).WithOne(l => l.Project).HasForeignKey(l => l.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Sectors).WithOne(s => s.Project).HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Budget).WithOne(l => l.Project).HasForeignKey(l => l.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Transactions).WithOne(t => t.Project).HasForeignKey(t => t.ProjectId);
        b.HasMany(x => x.Results).WithOne(r => r.Project).HasForeignKey(r => r.ProjectId);
        b.HasMany(x => x.Indicators).WithOne(i => i.Project).HasForeignKey(i => i.ProjectId);
        b.HasOne(x => x.Assessment).WithOne(a => a.Project).HasForeignKey<EuAssessment>(a => a.ProjectId);
        // The one chain: postings and sessions may each belong to a project.
        b.HasMany<Posting>().WithOne(p => p.Project).HasForeignKey(p => p.ProjectId);
        b.HasMany<CourseSession>().WithOne(s => s.Project).HasForeignKey(s => s.ProjectId);
        b.HasIndex(x => new { x.ZoneId, x.Status });
        b.HasIndex(x => x.StartDate);
        b.Ignore(x => x.NextStatuses);
        b.Ignore(x => x.IsFinished);
        b.Ignore(x => x.Sdg16List);
    }
}

public class ProjectLocationConfiguration : IEntityTypeConfiguration<ProjectLocation>
{
    public void Configure(EntityTypeBuilder<ProjectLocation> b)
    {
        b.Property(x => x.Percentage).HasPrecision(5, 2);
        b.HasOne(x => x.Country).WithMany().HasForeignKey(x => x.CountryId);
        b.HasOne(x => x.Zone).WithMany().HasForeignKey(x => x.ZoneId);
        b.HasIndex(x => new { x.CountryId, x.ProjectId });
    }
}

public class ProjectSectorConfiguration : IEntityTypeConfiguration<ProjectSector>
{
    public void Configure(EntityTypeBuilder<ProjectSector> b)
    {
        b.Property(x => x.Code).HasMaxLength(5);
        b.Property(x => x.Percentage).HasPrecision(5, 2);
        b.HasOne<DacSector>().WithMany().HasForeignKey(x => x.Code);
    }
}

public class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> b) => b.Property(x => x.Amount).HasPrecision(18, 2);
}

public class ProjectTransactionConfiguration : IEntityTypeConfiguration<ProjectTransaction>
{
    public void Configure(EntityTypeBuilder<ProjectTransaction> b)
    {
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.Rate).HasPrecision(18, 6);
        b.Property(x => x.EuroValue).HasPrecision(18, 2);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Provider).HasMaxLength(200);
        b.Property(x => x.Receiver).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(500);
        b.HasOne<Currency>().WithMany().HasForeignKey(x => x.Currency);
        b.HasIndex(x => new { x.ProjectId, x.Date });
        b.HasIndex(x => new { x.Kind, x.Date });
    }
}

public class ProjectResultConfiguration : IEntityTypeConfiguration<ProjectResult>
{
    public void Configure(EntityTypeBuilder<ProjectResult> b)
    {
        b.Property(x => x.Title).HasMaxLength(500);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId);
    }
}

public class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Unit).HasMaxLength(100);
        b.Property(x => x.Baseline).HasPrecision(18, 2);
        b.Property(x => x.Target).HasPrecision(18, 2);
        b.HasOne(x => x.Result).WithMany().HasForeignKey(x => x.ResultId);
        b.HasMany(x => x.Values).WithOne(v => v.Indicator).HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.Latest);
    }
}

public class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> b)
    {
        b.Property(x => x.Value).HasPrecision(18, 2);
        b.HasIndex(x => new { x.IndicatorId, x.Year }).IsUnique();
    }
}

public class EuAssessmentConfiguration : IEntityTypeConfiguration<EuAssessment>
{
    public void Configure(EntityTypeBuilder<EuAssessment> b)
    {
        b.HasIndex(x => x.ProjectId).IsUnique();
        b.Property(x => x.PoliticalOrientationComment).HasMaxLength(1000);
        b.Property(x => x.ExpertiseAddedValueComment).HasMaxLength(1000);
        b.Property(x => x.ExpertiseImpactComment).HasMaxLength(1000);
        b.Property(x => x.ComplementarityComment).HasMaxLength(1000);
        b.Property(x => x.AssessedBy).HasMaxLength(200);
        b.Ignore(x => x.AnyNotMet);
    }
}

public class DacSectorConfiguration : IEntityTypeConfiguration<DacSector>
{
    public void Configure(EntityTypeBuilder<DacSector> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(5);
        b.Property(x => x.Category).HasMaxLength(3);
        b.Property(x => x.NameFr).HasMaxLength(300);
        b.Property(x => x.NameEn).HasMaxLength(300);
    }
}

public class CurrencyConfiguration : IEntityTypeConfiguration<Currency>
{
    public void Configure(EntityTypeBuilder<Currency> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(3);
        b.Property(x => x.Name).HasMaxLength(200);
    }
}
