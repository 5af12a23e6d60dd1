namespace Cooperation.Web.Features.Schools.Nominations;

/// <summary>
/// A partner's liaison officer (or headquarters for the country) nominates a candidate to a session. One person is one
/// trainee: a candidate with the same normalised name, birth date and nationality as a trainee on record is that
/// trainee, and the nomination is attached to him. The session's rules refuse a session not open, a country not
/// invited and a second nomination of the same person.
/// </summary>
public class NominateCandidate(CooperationDbContext db, Access access, TimeProvider clock, FindNearMatches nearMatches,
    IStringLocalizer<NominateCandidate> text) : IUseCase
{
    /// <param name="Nationality">ISO2 code; the nominating country when not given.</param>
    /// <param name="Gender">Female or Male.</param>
    /// <param name="Administration">Code of the home administration: ARM, INT, ECO, JUS or DOU (customs).</param>
    public record Candidate(
        string? FirstName,
        string? LastName,
        DateOnly? BirthDate,
        string? Gender,
        string? Nationality,
        string? Administration,
        string? Rank,
        string? Position,
        string? Email);

    /// <param name="Country">ISO2 code of the nominating country: a liaison officer's own country when not given.</param>
    public record Request(int? SessionId, Candidate? Candidate, string? Country = null);

    /// <param name="ExistingTrainee">true when the candidate matched a trainee on record, who was reused.</param>
    /// <param name="NearMatches">Other trainees who may be the same person, for the desk officer to check.</param>
    public record Result(int NominationId, int TraineeId, bool ExistingTrainee, int NearMatches);

    public const int MaxName = 100;

    public async Task<Result> HandleAsync(Request request, CancellationToken ct = default)
    {
        if (!access.CanNominateAny) throw new ForbiddenException("common.forbidden");
        var errors = new FieldErrors(text);
        var c = request.Candidate ?? new Candidate(null, null, null, null, null, null, null, null, null);

        var countryId = await CountryAsync(request.Country, "country", "Pays proposant", errors, ct)
                        ?? (access.IsLiaisonOfficer ? access.CountryId : null)
                        ?? await CountryAsync(c.Nationality, "nationality", "Nationalité", new FieldErrors(text), ct);
        if (countryId is null && !errors.Any) errors.Add("country", "common.required", errors.Label("Pays proposant"));
        if (countryId is { } nominating && !await access.CanNominateForAsync(nominating, ct)) throw new ForbiddenException("common.forbidden");

        var sessionId = errors.Required("sessionId", "Session", request.SessionId);
        var firstName = Name(errors, "firstName", "Prénom", c.FirstName);
        var lastName = Name(errors, "lastName", "Nom", c.LastName);
        var birthDate = errors.Required("birthDate", "Date de naissance", c.BirthDate);
        var today = clock.Today();
        if (birthDate is { } bd && (bd > today.AddYears(-16) || bd < today.AddYears(-90)))
            errors.Add("birthDate", "nominations.birthDateImplausible", bd.ToString("yyyy-MM-dd"));
        var gender = Gender(errors, c.Gender);
        var nationalityId = string.IsNullOrWhiteSpace(c.Nationality) ? countryId : await CountryAsync(c.Nationality, "nationality", "Nationalité", errors, ct);
        var administrationId = await AdministrationAsync(errors, c.Administration, ct);
        var rank = Optional(errors, "rank", "Grade", c.Rank, MaxName);
        var position = Optional(errors, "position", "Fonction", c.Position, FieldErrors.MaxText);
        var email = Optional(errors, "email", "Adresse électronique", c.Email, 256);
        if (email is not null && !System.Net.Mail.MailAddress.TryCreate(email, out _)) errors.Add("email", "nominations.invalidEmail", email);
        CourseSession? session = null;
        if (sessionId is { } sid)
        {
            session = await db.CourseSessions.Include(s => s.Quotas).Include(s => s.Nominations).SingleOrDefaultAsync(s => s.Id == sid, ct);
            if (session is null) errors.Add("sessionId", "common.unknown", errors.Label("Session"), sid);
        }
        errors.ThrowIfAny();

        var normalized = Trainee.Normalize(firstName!, lastName!);
        var trainee = await db.Trainees.OrderBy(t => t.Id).FirstOrDefaultAsync(
            t => t.NormalizedName == normalized && t.BirthDate == birthDate!.Value && t.NationalityId == nationalityId!.Value, ct);
        var existing = trainee is not null;
        if (trainee is null)
        {
            trainee = new Trainee
            {
                FirstName = firstName!, LastName = lastName!, NormalizedName = normalized, BirthDate = birthDate!.Value,
                Gender = gender!.Value, NationalityId = nationalityId!.Value, AdministrationId = administrationId!.Value,
                Rank = rank ?? "", Position = position ?? "", Email = email,
            };
            db.Trainees.Add(trainee);
        }
        else
        {
            // The nomination tells where the person stands today: a promotion or a new position since his last session.
            if (rank is not null) trainee.Rank = rank;
            if (position is not null) trainee.Position = position;
            if (email is not null) trainee.Email = email;
        }

        var nomination = session!.Nominate(trainee, countryId!.Value, clock.GetUtcNow().UtcDateTime, access.UserId);
        await db.SaveChangesAsync(ct);
        var near = existing ? 0 : (await nearMatches.ForTraineeAsync(trainee.Id, ct)).Count;
        return new Result(nomination.Id, trainee.Id, existing, near);
    }

    private static string? Name(FieldErrors errors, string field, string label, string? value)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) { errors.Add(field, "common.required", errors.Label(label)); return null; }
        if (v.Length > MaxName) { errors.Add(field, "postings.tooLong", errors.Label(label), MaxName); return null; }
        if (Text.NormalizeName(v).Length == 0) { errors.Add(field, "nominations.nameWithoutLetters", errors.Label(label)); return null; }
        return v;
    }

    private static string? Optional(FieldErrors errors, string field, string label, string? value, int max)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) return null;
        if (v.Length > max) { errors.Add(field, "postings.tooLong", errors.Label(label), max); return null; }
        return v;
    }

    private static Gender? Gender(FieldErrors errors, string? value)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case null or "": errors.Add("gender", "common.required", errors.Label("Sexe")); return null;
            case "FEMALE" or "F": return Domain.Gender.Female;
            case "MALE" or "M": return Domain.Gender.Male;
            default: errors.Add("gender", "common.unknown", errors.Label("Sexe"), value!); return null;
        }
    }

    private async Task<int?> CountryAsync(string? iso2, string field, string label, FieldErrors errors, CancellationToken ct)
    {
        var code = iso2?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code)) return null;
        var id = await db.Countries.AsNoTracking().Where(x => x.Iso2 == code).Select(x => (int?)x.Id).SingleOrDefaultAsync(ct);
        if (id is null) errors.Add(field, "common.unknown", errors.Label(label), code);
        return id;
    }

    /// <summary>Any home administration, customs included: customs officers are trained though they second no coopérant.</summary>
    private async Task<int?> AdministrationAsync(FieldErrors errors, string? value, CancellationToken ct)
    {
        var code = value?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code)) { errors.Add("administration", "common.required", errors.Label("Administration d'origine")); return null; }
        var id = await db.Administrations.AsNoTracking().Where(a => a.Code == code).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
        if (id is null) errors.Add("administration", "common.unknown", errors.Label("Administration d'origine"), code);
        return id;
    }
}
