using Cooperation.Web.Features.Schools.Trainees;

namespace Cooperation.Web.Features.Sessions.International;

/// <summary>
/// Adds a senior official to a session: his country's liaison officer proposes him (as he nominates trainees), the
/// session's managers invite him directly. He is one person of the alumni network: the trainee record of the same
/// person (normalised name, birth date, nationality) when there is one, whose current position is brought up to date;
/// otherwise a new record.
/// </summary>
public class AddParticipant(CooperationDbContext db, Access access, ReferenceCodes codes, TimeProvider clock, IStringLocalizer<AddParticipant> text) : IUseCase
{
    /// <summary>A participant: his identity (<see cref="IdentityInput"/>; nationality by default the country he represents), the country, position and grade.</summary>
    public record Request : IdentityInput
    {
        /// <summary>ISO2 of the invited country he represents.</summary>
        public string? Country { get; init; }
        /// <summary>The position he holds.</summary>
        public string? PositionHeld { get; init; }
        /// <summary>His grade or rank.</summary>
        public string? Grade { get; init; }
    }

    /// <summary>The new participant's id.</summary>
    public async Task<int> HandleAsync(int sessionId, Request request, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesInternationalSessions);
        var session = await access.VisibleInternationalSessions(db.InternationalSessions).Include(s => s.InvitedCountries).Include(s => s.Participants)
            .AsSplitQuery().SingleOrDefaultAsync(s => s.Id == sessionId, ct) ?? throw new RecordNotFoundException();
        var errors = new FieldErrors(text);
        var countryId = string.IsNullOrWhiteSpace(request.Country) && access.IsLiaisonOfficer ? access.CountryId : await codes.CountryAsync(request.Country, errors, ct: ct);
        var manages = access.CanManageInternationalSession(session.ZoneId);
        if (countryId is { } c && !manages) ForbiddenException.ThrowUnless(access.CanProposeParticipantOf(c));
        if (countryId is null && !manages && !access.IsLiaisonOfficer) throw new ForbiddenException();
        var position = errors.Text("positionHeld", "Fonction occupée", request.PositionHeld);
        var grade = errors.Text("grade", "Grade", request.Grade, Trainee.MaxName, optional: true);
        var identity = await TraineeIdentity.CheckAsync(request with { Position = request.PositionHeld, Rank = request.Grade }, codes, errors, clock.Today(), countryId, ct);
        errors.ThrowIfAny();

        var person = (await ExistingTrainees.FindAsync(db.Trainees, [identity!.Person], ct)).GetValueOrDefault(identity.Person);
        if (person is null)
        {
            person = identity.NewTrainee();
            db.Trainees.Add(person);
        }
        else identity.UpdateCurrentPosition(person);
        var participant = session.Add(person, countryId!.Value, proposed: !manages, clock.GetUtcNow().UtcDateTime, access.UserId);
        (participant.PositionHeld, participant.Grade) = (position!, grade ?? "");
        db.Entry(session).Property(s => s.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
        return participant.Id;
    }
}
