namespace Cooperation.Web.Features.Schools.Trainees;

/// <summary>A correction of a trainee's identity and position.</summary>
public record TraineeInput : IdentityInput
{
    /// <summary>The version that was read.</summary>
    public long? Version { get; init; }
}

/// <summary>A position of an alumnus's career; <see cref="Version"/> is the trainee's version that was read.</summary>
public record CareerInput(
    string? Position, string? Organisation, DateOnly? StartDate, DateOnly? EndDate = null, bool Prominent = false,
    long? Version = null);
