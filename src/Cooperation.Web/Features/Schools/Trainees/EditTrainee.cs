namespace Cooperation.Web.Features.Schools.Trainees;

/// <summary>
/// Corrects a trainee's identity and position, from the version the user read (a stale one throws
/// <see cref="DbUpdateConcurrencyException"/>, nothing saved). Allowed to whoever may nominate for his country, and to
/// headquarters; a change of nationality must stay within what the user may edit. One person is one trainee: a change
/// that makes him the double of another record is refused.
/// </summary>
public class EditTrainee(CooperationDbContext db, Access access, TimeProvider clock, IStringLocalizer<EditTrainee> text) : IUseCase
{
    /// <summary>Whether the user may edit this trainee; null when he does not exist or is out of sight.</summary>
    public async Task<bool?> CanEditAsync(int id, CancellationToken ct = default)
    {
        var nationality = await (await access.VisibleTraineesAsync(db.Trainees.AsNoTracking(), ct))
            .Where(t => t.Id == id).Select(t => (int?)t.NationalityId).SingleOrDefaultAsync(ct);
        if (nationality is null) return null;
        return await access.CanEditTraineeAsync(nationality.Value, ct);
    }

    /// <summary>Null when the trainee does not exist or is out of the user's sight.</summary>
    public async Task<TraineeSaved?> HandleAsync(int id, TraineeInput input, CancellationToken ct = default)
    {
        switch (await CanEditAsync(id, ct))
        {
            case null: return null;
            case false: throw new ForbiddenException("common.forbidden");
        }

        var errors = new FieldErrors(text);
        var firstName = errors.Text("firstName", "Prénom", input.FirstName, 100);
        var lastName = errors.Text("lastName", "Nom", input.LastName, 100);
        var birthDate = errors.Required("birthDate", "Date de naissance", input.BirthDate);
        var today = clock.Today();
        if (birthDate is { } b && (b > today.AddYears(-15) || b < today.AddYears(-100)))
            errors.Add("birthDate", "trainees.implausibleBirthDate");
        Gender? gender = null;
        if (string.IsNullOrWhiteSpace(input.Gender)) errors.Add("gender", "common.required", errors.Label("Genre"));
        else if (Enum.TryParse<Gender>(input.Gender.Trim(), true, out var g) && Enum.IsDefined(g) && !int.TryParse(input.Gender, out _)) gender = g;
        else errors.Add("gender", "common.unknown", errors.Label("Genre"), input.Gender.Trim());
        var nationalityId = await CountryAsync(input.Nationality, errors, ct);
        var administrationId = await AdministrationAsync(input.Administration, errors, ct);
        var rank = errors.Text("rank", "Grade", input.Rank, 100, optional: true);
        var position = errors.Text("position", "Fonction", input.Position, 200, optional: true);
        var email = errors.Email("email", "Adresse électronique", input.Email);
        errors.Required("version", "Version", input.Version);
        if (errors.Any) return TraineeSaved.Invalid(errors.All);

        if (!await access.CanEditTraineeAsync(nationalityId!.Value, ct)) throw new ForbiddenException("common.forbidden");

        var normalized = Trainee.Normalize(firstName!, lastName!);
        var twin = await db.Trainees.AsNoTracking()
            .Where(t => t.Id != id && t.NormalizedName == normalized && t.BirthDate == birthDate!.Value && t.NationalityId == nationalityId)
            .Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        if (twin is not null)
        {
            errors.Add("lastName", "trainees.duplicate", twin.Value);
            return TraineeSaved.Invalid(errors.All);
        }

        var trainee = await db.Trainees.SingleAsync(t => t.Id == id, ct);
        db.Entry(trainee).Property(t => t.Version).OriginalValue = input.Version!.Value;
        trainee.FirstName = firstName!;
        trainee.LastName = lastName!;
        trainee.NormalizedName = normalized;
        trainee.BirthDate = birthDate!.Value;
        trainee.Gender = gender!.Value;
        trainee.NationalityId = nationalityId.Value;
        trainee.AdministrationId = administrationId!.Value;
        trainee.Rank = rank ?? "";
        trainee.Position = position ?? "";
        trainee.Email = email;
        await db.SaveChangesAsync(ct);
        return new TraineeSaved(trainee.Id, trainee.Version, errors.All);
    }

    private async Task<int?> CountryAsync(string? iso2, FieldErrors errors, CancellationToken ct)
    {
        iso2 = iso2?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(iso2)) { errors.Add("nationality", "common.required", errors.Label("Nationalité")); return null; }
        var id = await db.Countries.AsNoTracking().Where(c => c.Iso2 == iso2).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
        if (id is null) errors.Add("nationality", "common.unknown", errors.Label("Nationalité"), iso2);
        return id;
    }

    private async Task<int?> AdministrationAsync(string? code, FieldErrors errors, CancellationToken ct)
    {
        code = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code)) { errors.Add("administration", "common.required", errors.Label("Administration d'origine")); return null; }
        var id = await db.Administrations.AsNoTracking().Where(a => a.Code == code).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
        if (id is null) errors.Add("administration", "common.unknown", errors.Label("Administration d'origine"), code);
        return id;
    }
}
