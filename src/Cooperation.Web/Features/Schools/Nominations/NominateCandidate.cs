using Cooperation.Web.Features.Schools.Trainees;

namespace Cooperation.Web.Features.Schools.Nominations;

/// <summary>
/// A partner's liaison officer (or headquarters for the country) nominates a candidate to a session he sees. The
/// candidate's identity follows the trainee's one rule set (<see cref="TraineeIdentity"/>), and one person is one
/// trainee: a candidate who is a trainee on record (<see cref="ExistingTrainees"/>) is that trainee, his position
/// brought up to date. The session's rules refuse a session not open, a country not invited, an administration
/// outside the course's audience and a second nomination of the same person.
/// </summary>
public class NominateCandidate(CooperationDbContext db, Access access, ReferenceCodes codes, TimeProvider clock, FindNearMatches nearMatches,
    IStringLocalizer<NominateCandidate> text, NominationNotices notices) : IUseCase
{
    /// <param name="SessionId">A session open to nominations that the user sees.</param>
    /// <param name="Candidate">The candidate's identity: his nationality is the nominating country's when not given.</param>
    /// <param name="Country">ISO2 code of the nominating country: a liaison officer's own country when not given.</param>
    public record Request(int? SessionId, IdentityInput? Candidate, string? Country = null);

    /// <param name="ExistingTrainee">true when the candidate matched a trainee on record, who was reused.</param>
    /// <param name="NearMatches">Other trainees who may be the same person, for the desk officer to check.</param>
    public record Result(int NominationId, int TraineeId, bool ExistingTrainee, int NearMatches);

    /// <summary>Liaison officers and headquarters nominate (each for the countries of his scope).</summary>
    public void Authorize() => ForbiddenException.ThrowUnless(access.CanNominateAny);

    public async Task<Result> HandleAsync(Request request, CancellationToken ct = default)
    {
        Authorize();
        var errors = new FieldErrors(text);
        var candidate = request.Candidate ?? new IdentityInput();

        var countryId = await NominatingCountryAsync(request.Country, candidate.Nationality, errors, ct);
        if (countryId is { } nominating && !await access.CanNominateForAsync(nominating, ct)) throw new ForbiddenException();
        var who = await TraineeIdentity.CheckAsync(candidate, codes, errors, clock.Today(), countryId, ct);
        // The import's rule: a candidate of a nationality the user does not nominate for is refused, so that his
        // identity never reaches (nor updates, nor reveals) a trainee of another country on record.
        if (who is not null && !await access.CanNominateForAsync(who.NationalityId, ct))
            errors.Add("nationality", "nomination.nationalityOutOfScope", candidate.Nationality?.Trim().ToUpperInvariant() ?? "");
        var session = await SessionAsync(request.SessionId, errors, ct);
        errors.ThrowIfAny();

        // Only a trainee the user sees may be the candidate: one out of his sight is never reused, updated or shown.
        var trainees = await access.VisibleTraineesAsync(db.Trainees, ct);
        var existing = (await ExistingTrainees.FindAsync(trainees, [who!.Person], ct)).GetValueOrDefault(who.Person);
        var trainee = existing ?? who.NewTrainee();
        if (existing is null) db.Trainees.Add(trainee);
        else who.UpdateCurrentPosition(trainee);

        var nomination = session!.Nominate(trainee, countryId!.Value, clock.GetUtcNow().UtcDateTime, access.UserId);
        // The nomination and the desk officers' notice of it: both or neither.
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            await notices.SubmittedAsync(nomination.Id, access.UserId, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        var near = existing is null ? (await nearMatches.ForTraineeAsync(trainee.Id, ct)).Count : 0;
        return new Result(nomination.Id, trainee.Id, existing is not null, near);
    }

    /// <summary>The country given; else a liaison officer's own; else, for headquarters, the candidate's nationality.</summary>
    private async Task<int?> NominatingCountryAsync(string? country, string? nationality, FieldErrors errors, CancellationToken ct)
    {
        var id = await codes.CountryAsync(country, errors, "country", "Pays proposant", required: false, ct: ct);
        if (id is not null || errors.Has("country")) return id;
        id = access.IsLiaisonOfficer ? access.CountryId : await codes.CountryAsync(nationality, new FieldErrors(text), required: false, ct: ct);
        if (id is null) errors.Add("country", "common.required", errors.Label("Pays proposant"));
        return id;
    }

    /// <summary>The session with what its rules read, tracked; one the user does not see is as unknown as one that does not exist.</summary>
    private async Task<CourseSession?> SessionAsync(int? sessionId, FieldErrors errors, CancellationToken ct)
    {
        if (errors.Required("sessionId", "Session", sessionId) is not { } id) return null;
        var session = await (await access.VisibleSessionsAsync(db.CourseSessions, ct)).Where(s => s.Id == id)
            .Include(s => s.Quotas).Include(s => s.Nominations).Include(s => s.Course!).ThenInclude(c => c.Audience)
            .AsSplitQuery().SingleOrDefaultAsync(ct);
        if (session is null) errors.Add("sessionId", "common.unknown", errors.Label("Session"), id);
        return session;
    }
}
