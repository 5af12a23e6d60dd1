namespace Cooperation.Web.Domain;

/// <summary>Marks a record whose writes are kept in the audit trail.</summary>
public interface IAudited;

/// <summary>A record people edit: the version guards against lost updates (optimistic concurrency).</summary>
public interface IVersioned
{
    long Version { get; set; }
}

public enum StrategicPriority { Low = 1, Medium = 2, High = 3 }

public class Zone : IAudited, IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameFr { get; set; }
    public required string NameEn { get; set; }
    public StrategicPriority Priority { get; set; } = StrategicPriority.Medium;
    public long Version { get; set; }
    public List<Country> Countries { get; set; } = [];
}

public class Country : IAudited
{
    public int Id { get; set; }
    public required string Iso2 { get; set; }
    public required string Iso3 { get; set; }
    public required string NumericCode { get; set; }
    public required string NameFr { get; set; }
    public required string NameEn { get; set; }
    /// <summary>The French definite article of the name: "le", "la", "l'", "les", empty for none; null when not known yet.</summary>
    public string? ArticleFr { get; set; }
    /// <summary>The French preposition of place: "au", "aux", "en" or "à" (<see cref="FrenchName.In"/>).</summary>
    public string? PrepositionFr { get; set; }
    public int? ZoneId { get; set; }
    public Zone? Zone { get; set; }

    /// <summary>The name with its article and preposition, as a French letter writes it.</summary>
    public FrenchName French => FrenchName.Country(NameFr, ArticleFr, PrepositionFr);
}

public enum OrganisationKind { International = 1, Regional = 2 }

public class Organisation : IAudited
{
    public int Id { get; set; }
    public required string Acronym { get; set; }
    public required string NameFr { get; set; }
    public required string NameEn { get; set; }
    public OrganisationKind Kind { get; set; }
    /// <summary>Scope rules resolve an organisation to the country of its seat.</summary>
    public int SeatCountryId { get; set; }
    public Country? SeatCountry { get; set; }
}

public class Administration : IAudited
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameFr { get; set; }
    public required string NameEn { get; set; }
    /// <summary>Customs sends trainees to the schools but seconds no coopérant.</summary>
    public bool TraineesOnly { get; set; }
}

/// <summary>A field of cooperation (the domain's "Domain"; renamed so as not to clash with the namespace).</summary>
public class CooperationDomain : IAudited
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameFr { get; set; }
    public required string NameEn { get; set; }
}

public class Operator : IAudited
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string DescriptionFr { get; set; }
    public required string DescriptionEn { get; set; }
}

public class HostAuthorityType : IAudited
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameFr { get; set; }
    public required string NameEn { get; set; }
}

/// <summary>A training place: an ENVR (regional school), a French military or security school, or a peacekeeping training centre.</summary>
public class RegionalSchool : IAudited, IVersioned
{
    public int Id { get; set; }
    public TrainingPlaceKind Kind { get; set; } = TrainingPlaceKind.RegionalSchool;
    public required string Acronym { get; set; }
    public required string Name { get; set; }
    public required string City { get; set; }
    public int CountryId { get; set; }
    public Country? Country { get; set; }
    public int OpenedYear { get; set; }
    public long Version { get; set; }
    public List<CooperationDomain> Domains { get; set; } = [];
}
