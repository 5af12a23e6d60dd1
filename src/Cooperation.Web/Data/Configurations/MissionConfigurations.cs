using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cooperation.Web.Data.Configurations;

public class ExpertiseMissionConfiguration : IEntityTypeConfiguration<ExpertiseMission>
{
    public void Configure(EntityTypeBuilder<ExpertiseMission> b)
    {
        b.Property(x => x.HostAuthorityName).HasMaxLength(200);
        b.Property(x => x.RequestedBy).HasMaxLength(200);
        b.Property(x => x.Subject).HasMaxLength(ExpertiseMission.MaxSubject);
        b.Property(x => x.Relevance).HasMaxLength(ExpertiseMission.MaxText);
        b.Property(x => x.Feasibility).HasMaxLength(ExpertiseMission.MaxText);
        b.Property(x => x.Risks).HasMaxLength(ExpertiseMission.MaxText);
        b.Property(x => x.AssessedBy).HasMaxLength(200);
        b.Property(x => x.DecisionReason).HasMaxLength(ExpertiseMission.MaxText);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(ExpertiseMission.MaxText);
        b.Property(x => x.ClosingReason).HasMaxLength(ExpertiseMission.MaxText);
        b.HasOne(x => x.Country).WithMany().HasForeignKey(x => x.CountryId);
        b.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId);
        b.HasOne(x => x.HostAuthorityType).WithMany().HasForeignKey(x => x.HostAuthorityTypeId);
        b.HasOne(x => x.Domain).WithMany().HasForeignKey(x => x.DomainId);
        // The one chain: a mission may belong to a project.
        b.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId);
        b.HasOne(x => x.RequestLetter).WithMany().HasForeignKey(x => x.RequestLetterId);
        b.HasOne(x => x.ReportFile).WithMany().HasForeignKey(x => x.ReportFileId);
        b.HasMany(x => x.Experts).WithOne(e => e.Mission).HasForeignKey(e => e.MissionId);
        b.HasMany(x => x.Recommendations).WithOne(r => r.Mission).HasForeignKey(r => r.MissionId);
        b.HasIndex(x => new { x.CountryId, x.Status });
        b.HasIndex(x => x.PlannedStartDate);
        // The missions' list, newest request first, walks this index to its page.
        b.HasIndex(x => x.RequestedOn);
        b.Ignore(x => x.ExpertDays);
    }
}

public class MissionExpertConfiguration : IEntityTypeConfiguration<MissionExpert>
{
    public void Configure(EntityTypeBuilder<MissionExpert> b)
    {
        b.HasOne(x => x.Cooperant).WithMany().HasForeignKey(x => x.CooperantId);
        b.HasOne(x => x.Expert).WithMany().HasForeignKey(x => x.ExpertId);
        b.HasOne(x => x.Posting).WithMany().HasForeignKey(x => x.PostingId);
        b.HasIndex(x => new { x.CooperantId, x.StartDate });
        b.HasIndex(x => new { x.ExpertId, x.StartDate });
    }
}

public class ExpertConfiguration : IEntityTypeConfiguration<Expert>
{
    public void Configure(EntityTypeBuilder<Expert> b)
    {
        b.Property(x => x.FirstName).HasMaxLength(100);
        b.Property(x => x.LastName).HasMaxLength(100);
        b.Property(x => x.NormalizedName).HasMaxLength(200);
        b.Property(x => x.Grade).HasMaxLength(100);
        b.Property(x => x.Speciality).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(256);
        b.Property(x => x.Phone).HasMaxLength(50);
        b.HasIndex(x => x.NormalizedName);
        b.HasOne(x => x.Administration).WithMany().HasForeignKey(x => x.AdministrationId);
        b.Ignore(x => x.FullName);
    }
}

public class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> b)
    {
        b.Property(x => x.Text).HasMaxLength(Recommendation.MaxText);
        b.Property(x => x.OwnerAuthority).HasMaxLength(200);
        b.HasMany(x => x.FollowUps).WithOne(f => f.Recommendation).HasForeignKey(f => f.RecommendationId);
        // Covering for the overdue recommendations' count and order (their mission read from the index).
        b.HasIndex(x => new { x.Status, x.DueDate, x.MissionId });
        b.Ignore(x => x.IsFinished);
    }
}

public class FollowUpNoteConfiguration : IEntityTypeConfiguration<FollowUpNote>
{
    public void Configure(EntityTypeBuilder<FollowUpNote> b)
    {
        b.Property(x => x.Note).HasMaxLength(Recommendation.MaxText);
        b.Property(x => x.Author).HasMaxLength(200);
    }
}
