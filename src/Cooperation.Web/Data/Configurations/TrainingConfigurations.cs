using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cooperation.Web.Data.Configurations;

public class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.Code }).IsUnique();
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.TitleFr).HasMaxLength(200);
        b.Property(x => x.TitleEn).HasMaxLength(200);
        b.Property(x => x.Languages).HasMaxLength(32);
        b.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId);
        b.HasOne(x => x.Domain).WithMany().HasForeignKey(x => x.DomainId);
        b.HasMany(x => x.Audience).WithMany().UsingEntity("CourseAudience");
    }
}

public class CourseSessionConfiguration : IEntityTypeConfiguration<CourseSession>
{
    public void Configure(EntityTypeBuilder<CourseSession> b)
    {
        b.ToTable("CourseSessions");
        b.Property(x => x.Place).HasMaxLength(200);
        b.HasOne(x => x.Course).WithMany(c => c.Sessions).HasForeignKey(x => x.CourseId);
        b.HasIndex(x => new { x.CourseId, x.StartDate });
        b.HasIndex(x => x.StartDate);
        b.Ignore(x => x.AcceptedCount);
    }
}

public class SessionQuotaConfiguration : IEntityTypeConfiguration<SessionQuota>
{
    public void Configure(EntityTypeBuilder<SessionQuota> b)
    {
        b.HasIndex(x => new { x.SessionId, x.CountryId }).IsUnique();
        b.HasOne(x => x.Session).WithMany(s => s.Quotas).HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Country).WithMany().HasForeignKey(x => x.CountryId);
    }
}

public class TraineeConfiguration : IEntityTypeConfiguration<Trainee>
{
    public void Configure(EntityTypeBuilder<Trainee> b)
    {
        b.Property(x => x.FirstName).HasMaxLength(100);
        b.Property(x => x.LastName).HasMaxLength(100);
        b.Property(x => x.NormalizedName).HasMaxLength(200);
        b.Property(x => x.Rank).HasMaxLength(100);
        b.Property(x => x.Position).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(256);
        // One person is one trainee: the same normalised name, birth date and nationality match.
        b.HasIndex(x => new { x.NormalizedName, x.BirthDate, x.NationalityId });
        // The list's order (name, then id): a page deep in it, or of one gender, is read from this index in order, both
        // ways, rather than sorting every trainee of a name again (bench/PLANS.md).
        b.HasIndex(x => new { x.NormalizedName, x.Id });
        b.HasIndex(x => new { x.NationalityId, x.BirthDate });
        // An administration's trainees in the list's order, read in order both ways: SQLite sorted all of an
        // administration's for each page, 59 ms for the 56,000 of the armed forces at scale 10 (bench/PLANS.md).
        b.HasIndex(x => new { x.AdministrationId, x.NormalizedName, x.Id });
        // Trainees and those without a gender by nationality (the data quality's rule) are counted from this index alone.
        b.HasIndex(x => new { x.NationalityId, x.Gender });
        b.HasOne(x => x.Nationality).WithMany().HasForeignKey(x => x.NationalityId);
        b.HasOne(x => x.Administration).WithMany().HasForeignKey(x => x.AdministrationId);
        b.Ignore(x => x.FullName);
    }
}

public class CareerEntryConfiguration : IEntityTypeConfiguration<CareerEntry>
{
    public void Configure(EntityTypeBuilder<CareerEntry> b)
    {
        b.Property(x => x.Position).HasMaxLength(200);
        b.Property(x => x.Organisation).HasMaxLength(200);
        b.HasOne(x => x.Trainee).WithMany(t => t.Career).HasForeignKey(x => x.TraineeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.Prominent, x.TraineeId });
    }
}

public class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> b)
    {
        b.HasOne(x => x.Session).WithMany(s => s.Nominations).HasForeignKey(x => x.SessionId);
        b.HasOne(x => x.Trainee).WithMany(t => t.Nominations).HasForeignKey(x => x.TraineeId);
        b.HasOne(x => x.Country).WithMany().HasForeignKey(x => x.CountryId);
        b.Property(x => x.SubmittedByUserId).HasMaxLength(64);
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.Property(x => x.ScreenedBy).HasMaxLength(256);
        b.Property(x => x.CertificateCode).HasMaxLength(32);
        b.HasIndex(x => x.CertificateCode).IsUnique();
        b.HasIndex(x => new { x.SessionId, x.Status });
        b.HasIndex(x => new { x.TraineeId, x.SessionId });
        b.HasIndex(x => new { x.CountryId, x.Status });
        // The lists' default order: latest submitted first.
        b.HasIndex(x => new { x.SubmittedAt, x.Id });
        // The same order within a country: a country's page of nominations, whatever their number (ListFilters.OfCountries).
        b.HasIndex(x => new { x.CountryId, x.SubmittedAt, x.Id });
        // The same order within a status (the desk's screening: the submitted, the waiting list...). Without it, SQLite
        // skipped through the countries' index on the status and sorted every accepted nomination (204 ms at scale 10).
        b.HasIndex(x => new { x.Status, x.SubmittedAt, x.Id });
    }
}
