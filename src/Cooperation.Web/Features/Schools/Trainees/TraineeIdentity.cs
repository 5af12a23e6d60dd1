using System.Globalization;

namespace Cooperation.Web.Features.Schools.Trainees;

/// <summary>
/// A person's identity and current position as a nomination (form or API), an import row or a trainee's correction
/// gives them. References are codes; what is not given is null.
/// </summary>
public record IdentityInput
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public DateOnly? BirthDate { get; init; }
    /// <summary>F or M, Femme or Homme, Female or Male (<see cref="Genders.Parse"/>).</summary>
    public string? Gender { get; init; }
    /// <summary>ISO2 code: "SN".</summary>
    public string? Nationality { get; init; }
    /// <summary>Code of the home administration: ARM, INT, ECO, JUS or DOU (customs).</summary>
    public string? Administration { get; init; }
    public string? Rank { get; init; }
    public string? Position { get; init; }
    public string? Email { get; init; }
}

/// <summary>
/// A trainee's identity checked by the one rule set every way in uses (nomination, imports, correction): names
/// required, at most <see cref="Trainee.MaxName"/> characters and with a letter; a birth date that makes him 16 to 90;
/// a gender; a known nationality and home administration (customs included); an e-mail address by the one rule.
/// </summary>
public sealed record TraineeIdentity(
    string FirstName, string LastName, DateOnly BirthDate, Gender Gender, int NationalityId, int AdministrationId,
    string Rank, string Position, string? Email)
{
    public string NormalizedName { get; } = Trainee.Normalize(FirstName, LastName);

    public PersonKey Person => new(NormalizedName, BirthDate, NationalityId);

    /// <summary>The identity, or null once each faulty field is in <paramref name="errors"/>.</summary>
    /// <param name="nationalityIfBlank">The nationality of a candidate whose own is not given (the nominating country's).</param>
    public static async Task<TraineeIdentity?> CheckAsync(IdentityInput input, ReferenceCodes codes, FieldErrors errors, DateOnly today,
        int? nationalityIfBlank = null, CancellationToken ct = default)
    {
        var firstName = Name(errors, "firstName", "Prénom", input.FirstName);
        var lastName = Name(errors, "lastName", "Nom", input.LastName);
        var birthDate = errors.Required("birthDate", "Date de naissance", input.BirthDate);
        var (earliest, latest) = Trainee.BirthDates(today);
        if (birthDate is { } born && (born < earliest || born > latest))
            errors.Add("birthDate", "trainees.birthDateImplausible", Iso(earliest), Iso(latest));
        var gender = Genders.Parse(input.Gender);
        if (string.IsNullOrWhiteSpace(input.Gender)) errors.Add("gender", "common.required", errors.Label("Sexe"));
        else if (gender is null) errors.Add("gender", "common.unknown", errors.Label("Sexe"), input.Gender.Trim());
        var nationalityId = string.IsNullOrWhiteSpace(input.Nationality) && nationalityIfBlank is { } nominating
            ? nominating
            : await codes.CountryAsync(input.Nationality, errors, "nationality", "Nationalité", ct: ct);
        var administrationId = await codes.AdministrationAsync(input.Administration, errors, ct: ct);
        var rank = errors.Text("rank", "Grade", input.Rank, Trainee.MaxName, optional: true);
        var position = errors.Text("position", "Fonction", input.Position, optional: true);
        var email = errors.Email("email", "Adresse électronique", input.Email);
        if (errors.Any) return null;
        return new TraineeIdentity(firstName!, lastName!, birthDate!.Value, gender!.Value, nationalityId!.Value, administrationId!.Value,
            rank ?? "", position ?? "", email);
    }

    private static string? Name(FieldErrors errors, string field, string label, string? value)
    {
        var name = errors.Text(field, label, value, Trainee.MaxName);
        if (name is null || Trainee.IsName(name)) return name;
        errors.Add(field, "trainees.nameWithoutLetters", errors.Label(label));
        return null;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public Trainee NewTrainee()
    {
        var trainee = new Trainee { FirstName = FirstName, LastName = LastName };
        Correct(trainee);
        return trainee;
    }

    /// <summary>A correction of the record: every field as given.</summary>
    public void Correct(Trainee trainee)
    {
        (trainee.FirstName, trainee.LastName, trainee.NormalizedName) = (FirstName, LastName, NormalizedName);
        (trainee.BirthDate, trainee.Gender, trainee.NationalityId, trainee.AdministrationId) = (BirthDate, Gender, NationalityId, AdministrationId);
        (trainee.Rank, trainee.Position, trainee.Email) = (Rank, Position, Email);
    }

    /// <summary>
    /// A nomination of a trainee on record tells where he stands today: a promotion or a new position since his last
    /// session. What it leaves blank stays as recorded.
    /// </summary>
    public void UpdateCurrentPosition(Trainee trainee)
    {
        if (Rank.Length > 0) trainee.Rank = Rank;
        if (Position.Length > 0) trainee.Position = Position;
        if (Email is not null) trainee.Email = Email;
    }
}

/// <summary>One person is one trainee: the same normalised name, birth date and nationality.</summary>
public readonly record struct PersonKey(string NormalizedName, DateOnly BirthDate, int NationalityId)
{
    public static PersonKey Of(Trainee trainee) => new(trainee.NormalizedName, trainee.BirthDate, trainee.NationalityId);
}

/// <summary>Finds the trainees on record who are the persons named: one query per batch of names, on the matching index.</summary>
public static class ExistingTrainees
{
    private const int BatchSize = 500;

    /// <summary>
    /// The trainees among <paramref name="trainees"/> (tracked or not, as given) who are these persons, by person;
    /// where two records are one person, the older.
    /// </summary>
    public static async Task<Dictionary<PersonKey, Trainee>> FindAsync(IQueryable<Trainee> trainees, IReadOnlyCollection<PersonKey> persons,
        CancellationToken ct)
    {
        var wanted = persons.ToHashSet();
        var found = new Dictionary<PersonKey, Trainee>();
        foreach (var batch in wanted.Select(p => p.NormalizedName).Distinct().Chunk(BatchSize))
        {
            var names = batch.ToList();
            // Ordered here, not in SQL: an ORDER BY Id could lead SQLite to scan the table in key order rather than use the name index.
            foreach (var trainee in await trainees.Where(t => names.Contains(t.NormalizedName)).ToListAsync(ct))
            {
                var person = PersonKey.Of(trainee);
                if (wanted.Contains(person) && (!found.TryGetValue(person, out var kept) || trainee.Id < kept.Id)) found[person] = trainee;
            }
        }
        return found;
    }
}
