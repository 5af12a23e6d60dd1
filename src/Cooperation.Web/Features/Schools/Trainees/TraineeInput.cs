namespace Cooperation.Web.Features.Schools.Trainees;

/// <summary>A correction of a trainee's identity and position; <see cref="Version"/> is the version that was read.</summary>
public record TraineeInput(
    string? FirstName,
    string? LastName,
    DateOnly? BirthDate,
    string? Gender,
    string? Nationality,
    string? Administration,
    string? Rank = null,
    string? Position = null,
    string? Email = null,
    long? Version = null)
    : IdentityInput(FirstName, LastName, BirthDate, Gender, Nationality, Administration, Rank, Position, Email);

/// <summary>A position of an alumnus's career; <see cref="Version"/> is the trainee's version that was read.</summary>
public record CareerInput(
    string? Position,
    string? Organisation,
    DateOnly? StartDate,
    DateOnly? EndDate = null,
    bool Prominent = false,
    long? Version = null);
