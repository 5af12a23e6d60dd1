using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cooperation.Web.Data.Configurations;

public class ZoneConfiguration : IEntityTypeConfiguration<Zone>
{
    public void Configure(EntityTypeBuilder<Zone> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.NameFr).HasMaxLength(128);
        b.Property(x => x.NameEn).HasMaxLength(128);
    }
}

public class CountryConfiguration : IEntityTypeConfiguration<Country>
{
    public void Configure(EntityTypeBuilder<Country> b)
    {
        b.HasIndex(x => x.Iso2).IsUnique();
        b.Property(x => x.Iso2).HasMaxLength(2);
        b.Property(x => x.Iso3).HasMaxLength(3);
        b.Property(x => x.NumericCode).HasMaxLength(3);
        b.Property(x => x.NameFr).HasMaxLength(128);
        b.Property(x => x.NameEn).HasMaxLength(128);
        b.Property(x => x.ArticleFr).HasMaxLength(3);
        b.Property(x => x.PrepositionFr).HasMaxLength(3);
        b.Ignore(x => x.French);
        b.HasOne(x => x.Zone).WithMany(z => z.Countries).HasForeignKey(x => x.ZoneId);
        // The lists sorted by a country's name (the trainees by nationality, the nominations by country): walking the
        // countries in that order, a page reads the first countries' rows by their own index on the country rather than
        // sort the whole list (298,000 trainees at scale 10: 144-305 ms).
        b.HasIndex(x => x.NameFr);
        b.HasIndex(x => x.NameEn);
    }
}

public class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.HasIndex(x => x.Acronym).IsUnique();
        b.Property(x => x.Acronym).HasMaxLength(32);
        b.Property(x => x.NameFr).HasMaxLength(200);
        b.Property(x => x.NameEn).HasMaxLength(200);
        b.HasOne(x => x.SeatCountry).WithMany().HasForeignKey(x => x.SeatCountryId);
    }
}

public class AdministrationConfiguration : IEntityTypeConfiguration<Administration>
{
    public void Configure(EntityTypeBuilder<Administration> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(16);
    }
}

public class DomainConfiguration : IEntityTypeConfiguration<CooperationDomain>
{
    public void Configure(EntityTypeBuilder<CooperationDomain> b)
    {
        b.ToTable("Domains");
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(32);
    }
}

public class OperatorConfiguration : IEntityTypeConfiguration<Operator>
{
    public void Configure(EntityTypeBuilder<Operator> b) => b.HasIndex(x => x.Code).IsUnique();
}

public class HostAuthorityTypeConfiguration : IEntityTypeConfiguration<HostAuthorityType>
{
    public void Configure(EntityTypeBuilder<HostAuthorityType> b) => b.HasIndex(x => x.Code).IsUnique();
}

public class RegionalSchoolConfiguration : IEntityTypeConfiguration<RegionalSchool>
{
    public void Configure(EntityTypeBuilder<RegionalSchool> b)
    {
        b.HasIndex(x => x.Acronym).IsUnique();
        b.HasOne(x => x.Country).WithMany().HasForeignKey(x => x.CountryId);
        b.HasMany(x => x.Domains).WithMany().UsingEntity("RegionalSchoolDomains");
    }
}

public class CooperantConfiguration : IEntityTypeConfiguration<Cooperant>
{
    public void Configure(EntityTypeBuilder<Cooperant> b)
    {
        b.Property(x => x.FirstName).HasMaxLength(100);
        b.Property(x => x.LastName).HasMaxLength(100);
        b.Property(x => x.NormalizedName).HasMaxLength(200);
        b.Property(x => x.Rank).HasMaxLength(100);
        b.Property(x => x.Languages).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(256);
        b.Property(x => x.Phone).HasMaxLength(50);
        b.HasIndex(x => x.NormalizedName);
        b.HasOne(x => x.Administration).WithMany().HasForeignKey(x => x.AdministrationId);
        b.HasOne(x => x.SpecialtyDomain).WithMany().HasForeignKey(x => x.SpecialtyDomainId);
        b.Ignore(x => x.FullName);
    }
}

/// <summary>The columns a posting and a vacancy share (<see cref="PostingPosition"/>).</summary>
public static class PostingPositionConfiguration
{
    public static void Configure<T>(EntityTypeBuilder<T> b) where T : PostingPosition
    {
        b.Property(x => x.HostAuthorityName).HasMaxLength(200);
        b.Property(x => x.PositionTitle).HasMaxLength(200);
        b.HasOne(x => x.Country).WithMany().HasForeignKey(x => x.CountryId);
        b.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId);
        b.HasOne(x => x.HostAuthorityType).WithMany().HasForeignKey(x => x.HostAuthorityTypeId);
    }
}

public class PostingConfiguration : IEntityTypeConfiguration<Posting>
{
    public void Configure(EntityTypeBuilder<Posting> b)
    {
        PostingPositionConfiguration.Configure(b);
        b.HasOne(x => x.Cooperant).WithMany(c => c.Postings).HasForeignKey(x => x.CooperantId);
        b.HasIndex(x => new { x.CountryId, x.ActualEndDate });
        // Covering for a coopérant's placing posting (active, else latest), which every list of coopérants reads.
        b.HasIndex(x => new { x.CooperantId, x.StartDate, x.ActualEndDate });
        // The postings' list, latest start first, walks this index to its page.
        b.HasIndex(x => x.StartDate);
        b.Ignore(x => x.EffectiveEnd);
    }
}

public class VacancyConfiguration : IEntityTypeConfiguration<Vacancy>
{
    public void Configure(EntityTypeBuilder<Vacancy> b)
    {
        PostingPositionConfiguration.Configure(b);
        b.HasOne(x => x.Administration).WithMany().HasForeignKey(x => x.AdministrationId);
        b.HasOne(x => x.Domain).WithMany().HasForeignKey(x => x.DomainId);
        b.HasOne(x => x.FilledByPosting).WithMany().HasForeignKey(x => x.FilledByPostingId);
        b.Ignore(x => x.IsOpen);
    }
}

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(x => x.Action).HasMaxLength(16);
        b.Property(x => x.EntityType).HasMaxLength(64);
        b.Property(x => x.EntityKey).HasMaxLength(64);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.HasIndex(x => new { x.EntityType, x.EntityKey });
        // One entry a place in the chain: a second writer appending at the same place fails instead of forking it.
        b.HasIndex(x => x.Sequence).IsUnique();
        b.Property(x => x.PreviousHash).HasMaxLength(64);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Property(x => x.ContentDigest).HasMaxLength(64);
    }
}

public class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.HasOne(x => x.ScopeCountry).WithMany().HasForeignKey(x => x.ScopeCountryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Cooperant).WithMany().HasForeignKey(x => x.CooperantId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.ScopeSchool).WithMany().HasForeignKey(x => x.ScopeSchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Zones).WithOne().HasForeignKey(z => z.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class UserZoneConfiguration : IEntityTypeConfiguration<UserZone>
{
    public void Configure(EntityTypeBuilder<UserZone> b)
    {
        b.HasKey(x => new { x.UserId, x.ZoneId });
        b.HasOne(x => x.Zone).WithMany().HasForeignKey(x => x.ZoneId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.Property(x => x.FileName).HasMaxLength(StoredFile.MaxName);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasOne(x => x.Content).WithOne().HasForeignKey<StoredFileContent>(c => c.StoredFileId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class StoredFileContentConfiguration : IEntityTypeConfiguration<StoredFileContent>
{
    public void Configure(EntityTypeBuilder<StoredFileContent> b) => b.HasKey(x => x.StoredFileId);
}
