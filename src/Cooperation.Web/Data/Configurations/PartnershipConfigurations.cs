using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cooperation.Web.Data.Configurations;

public class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> b)
    {
        b.Property(x => x.AgreementTitle).HasMaxLength(Partnership.MaxTitle);
        b.Property(x => x.AgreementReference).HasMaxLength(Partnership.MaxReference);
        b.HasIndex(x => x.AgreementReference).IsUnique();
        b.HasIndex(x => x.EndDate);
        b.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId);
        b.HasOne(x => x.AgreementFile).WithMany().HasForeignKey(x => x.AgreementFileId);
        b.HasMany(x => x.Domains).WithMany().UsingEntity("PartnershipDomains");
        b.HasMany(x => x.Countries).WithMany().UsingEntity("PartnershipCountries");
        b.HasMany(x => x.Zones).WithMany().UsingEntity("PartnershipZones");
        // The actions it covers point to it.
        b.HasMany<CourseSession>().WithOne(s => s.Partnership).HasForeignKey(s => s.PartnershipId);
        b.HasMany<Posting>().WithOne(p => p.Partnership).HasForeignKey(p => p.PartnershipId);
        b.HasMany<Project>().WithOne(p => p.Partnership).HasForeignKey(p => p.PartnershipId);
    }
}

public class PartnershipContributionConfiguration : IEntityTypeConfiguration<PartnershipContribution>
{
    public void Configure(EntityTypeBuilder<PartnershipContribution> b)
    {
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.HasIndex(x => new { x.PartnershipId, x.Year, x.Party }).IsUnique();
        b.HasOne(x => x.Partnership).WithMany(p => p.Contributions).HasForeignKey(x => x.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class InternationalSessionConfiguration : IEntityTypeConfiguration<InternationalSession>
{
    public void Configure(EntityTypeBuilder<InternationalSession> b)
    {
        b.Property(x => x.Theme).HasMaxLength(200);
        b.Property(x => x.Place).HasMaxLength(200);
        b.HasIndex(x => new { x.Year, x.Number }).IsUnique();
        b.HasOne(x => x.Zone).WithMany().HasForeignKey(x => x.ZoneId);
        b.HasMany(x => x.InvitedCountries).WithMany().UsingEntity("InternationalSessionCountries");
    }
}

public class SessionParticipantConfiguration : IEntityTypeConfiguration<SessionParticipant>
{
    public void Configure(EntityTypeBuilder<SessionParticipant> b)
    {
        b.Property(x => x.PositionHeld).HasMaxLength(200);
        b.Property(x => x.Grade).HasMaxLength(100);
        b.HasIndex(x => new { x.SessionId, x.CountryId });
        // The international sessions' list counts each session's participants by status from this index alone.
        b.HasIndex(x => new { x.SessionId, x.Status });
        b.HasIndex(x => x.PersonId);
        b.HasOne(x => x.Session).WithMany(s => s.Participants).HasForeignKey(x => x.SessionId);
        b.HasOne(x => x.Person).WithMany(t => t.Participations).HasForeignKey(x => x.PersonId);
        b.HasOne(x => x.Country).WithMany().HasForeignKey(x => x.CountryId);
    }
}
