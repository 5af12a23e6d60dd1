namespace Cooperation.Web.Features.Schools.Trainees;

/// <summary>
/// A trainee's identity and position as a form or an API client sends them. References are codes: nationality "SN",
/// administration "DOU"; gender is female or male. <see cref="Version"/> is the version that was read.
/// </summary>
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
    long? Version = null);

/// <summary>A position of an alumnus's career; <see cref="Version"/> is the trainee's version that was read.</summary>
public record CareerInput(
    string? Position,
    string? Organisation,
    DateOnly? StartDate,
    DateOnly? EndDate = null,
    bool Prominent = false,
    long? Version = null);

/// <summary>The outcome of a write: the record's id and new version, or the errors by field (nothing saved).</summary>
public sealed record TraineeSaved(int Id, long Version, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static TraineeSaved Invalid(IReadOnlyDictionary<string, string[]> errors) => new(0, 0, errors);
}
