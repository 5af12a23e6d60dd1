using System.Text.Json;

namespace Cooperation.Web.Features.Schools.Nominations;

/// <summary>The candidate as nominated; birth date and e-mail are withheld from those who may not read personal data.</summary>
public record CandidateDetails(
    string FirstName, string LastName, DateOnly? BirthDate, string Gender, string GenderName, string Nationality,
    string NationalityName, string AdministrationName, string Rank, string Position, string? Email);

/// <summary>Where the session stands: seats taken in it and in the nominating country's quota, the candidate's place in line.</summary>
public record SessionSeats(int Capacity, int Accepted, int Quota, int AcceptedForCountry, int Waitlisted, int? WaitlistPosition);

public record ScreeningDetails(string Status, string StatusName, string? By, DateTime? At);

/// <summary>A change of the nomination read from the audit trail: its status, its screening, or the trainee it belongs to.</summary>
public record NominationEvent(
    DateTimeOffset At, string User, string Action, string? StatusFrom, string? StatusTo, string? ScreeningFrom,
    string? ScreeningTo, int? TraineeFrom, int? TraineeTo, string Summary);

/// <summary>What the user may do with the nomination now (the pages' buttons).</summary>
public record NominationActions(bool Review, bool Accept, bool Waitlist, bool Refuse, bool Withdraw, bool Screen, bool Merge, bool Invitation);

public record NominationDetails(
    NominationRow Nomination, CandidateDetails Candidate, SessionSeats Seats, ScreeningDetails Screening,
    string? DecidedBy, IReadOnlyList<NominationEvent> History, NominationActions Actions);

/// <summary>One nomination with its candidate, the session's seats, the screening, its history and what the user may do.</summary>
public class GetNomination(CooperationDbContext db, Access access, ListNominations list, IStringLocalizer<GetNomination> text) : IUseCase
{
    /// <summary>The nomination; not found when it does not exist or lies outside the user's scope.</summary>
    public async Task<NominationDetails> HandleAsync(int id, CancellationToken ct = default)
    {
        var row = await list.FindAsync(id, ct) ?? throw new RecordNotFoundException();
        var named = await access.NamedTraineesAsync(ct);
        var d = await db.Nominations.AsNoTracking().Where(n => n.Id == id).Select(n => new
        {
            Named = named.Any(t => t.Id == n.TraineeId),
            n.Trainee!.FirstName, n.Trainee.LastName, n.Trainee.BirthDate, n.Trainee.Gender, n.Trainee.NationalityId,
            Nationality = n.Trainee.Nationality!.Iso2, NationalityFr = n.Trainee.Nationality.NameFr, NationalityEn = n.Trainee.Nationality.NameEn,
            n.Trainee.Position, n.Trainee.Email, n.ScreenedBy, n.ScreenedAt, n.DecidedBy, n.WaitlistedAt,
            Capacity = n.Session!.Capacity,
            Accepted = n.Session.Nominations.Count(o => o.Status == NominationStatus.Accepted),
            Quota = n.Session.Quotas.Where(q => q.CountryId == n.CountryId).Select(q => q.Seats).FirstOrDefault(),
            AcceptedForCountry = n.Session.Nominations.Count(o => o.Status == NominationStatus.Accepted && o.CountryId == n.CountryId),
        }).SingleAsync(ct);
        var waitlist = await db.Nominations.AsNoTracking()
            .Where(n => n.SessionId == row.SessionId && n.Status == NominationStatus.Waitlisted)
            .OrderBy(n => n.WaitlistedAt).ThenBy(n => n.Id).Select(n => n.Id).ToListAsync(ct);

        var personal = d.Named;
        var candidate = new CandidateDetails(
            PersonalData.Show(personal, d.FirstName)!, PersonalData.Show(personal, d.LastName)!, personal ? d.BirthDate : null,
            d.Gender.ToString(), NominationLabels.Gender(text, d.Gender), d.Nationality, Names.Pick(d.NationalityFr, d.NationalityEn),
            row.AdministrationName, row.Rank, d.Position, personal ? d.Email : null);
        var position = waitlist.IndexOf(id);
        var seats = new SessionSeats(d.Capacity, d.Accepted, d.Quota, d.AcceptedForCountry, waitlist.Count, position < 0 ? null : position + 1);
        var screening = new ScreeningDetails(row.Screening, row.ScreeningName, d.ScreenedBy,
            d.ScreenedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null);
        return new NominationDetails(row, candidate, seats, screening, d.DecidedBy, await HistoryAsync(id, ct),
            await ActionsAsync(row, d.NationalityId, ct));
    }

    private async Task<NominationActions> ActionsAsync(NominationRow row, int nationalityId, CancellationToken ct)
    {
        var now = new Nomination { Status = row.StatusValue };
        var decide = await access.CanDecideNominationAsync(row.CountryId, row.SchoolId, row.SchoolCountryId, ct);
        var withdraw = await access.CanWithdrawNominationAsync(row.CountryId, row.SchoolId, row.SchoolCountryId, ct);
        var screen = await access.CanScreenAsync(row.CountryId, ct)
                     && row.StatusValue is not (NominationStatus.Refused or NominationStatus.Withdrawn or NominationStatus.Accepted);
        return new NominationActions(
            decide && now.CanMoveTo(NominationStatus.UnderReview), decide && now.CanMoveTo(NominationStatus.Accepted),
            decide && now.CanMoveTo(NominationStatus.Waitlisted), decide && now.CanMoveTo(NominationStatus.Refused),
            withdraw && now.CanMoveTo(NominationStatus.Withdrawn), screen,
            row.StatusValue is not (NominationStatus.Refused or NominationStatus.Withdrawn) && await access.CanMergeTraineesAsync(nationalityId, ct),
            row.StatusValue == NominationStatus.Accepted && !row.Redacted);
    }

    private async Task<IReadOnlyList<NominationEvent>> HistoryAsync(int id, CancellationToken ct)
    {
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Nomination) && e.EntityKey == key)
            .OrderBy(e => e.Id)
            .Select(e => new { e.At, e.UserName, e.Action, e.Before, e.After })
            .ToListAsync(ct);
        var events = new List<NominationEvent>();
        foreach (var e in entries)
        {
            var before = Values(e.Before);
            var after = Values(e.After);
            var statusFrom = Enum<NominationStatus>(before, nameof(Nomination.Status));
            var statusTo = Enum<NominationStatus>(after, nameof(Nomination.Status));
            var screeningFrom = Enum<ScreeningStatus>(before, nameof(Nomination.Screening));
            var screeningTo = Enum<ScreeningStatus>(after, nameof(Nomination.Screening));
            var traineeFrom = Int(before, nameof(Nomination.TraineeId));
            var traineeTo = Int(after, nameof(Nomination.TraineeId));
            var parts = new List<string>();
            if (e.Action == "Created")
            {
                parts.Add(text["Candidature soumise"]);
                (screeningTo, traineeTo) = (null, null);
            }
            else
            {
                if (statusTo is { } st) parts.Add(text["Statut : {0} → {1}", statusFrom is { } sf ? NominationLabels.Status(text, sf) : "—", NominationLabels.Status(text, st)]);
                if (screeningTo is { } sc) parts.Add(text["Criblage : {0}", NominationLabels.Screening(text, sc)]);
                if (traineeTo is { } tt) parts.Add(text["Rattachée au stagiaire n° {0} (fusion du dossier n° {1})", tt, traineeFrom ?? 0]);
            }
            if (parts.Count == 0) continue;
            events.Add(new NominationEvent(e.At, e.UserName, e.Action, statusFrom?.ToString(), statusTo?.ToString(),
                screeningFrom?.ToString(), screeningTo?.ToString(), traineeFrom, traineeTo, string.Join(" ; ", parts)));
        }
        return events;
    }

    private static Dictionary<string, JsonElement> Values(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        try { return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json) ?? []; }
        catch (JsonException) { return []; }
    }

    private static T? Enum<T>(Dictionary<string, JsonElement> values, string name) where T : struct, Enum
    {
        if (!values.TryGetValue(name, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i)) return (T)(object)i;
        if (v.ValueKind == JsonValueKind.String && System.Enum.TryParse<T>(v.GetString(), out var parsed)) return parsed;
        return null;
    }

    private static int? Int(Dictionary<string, JsonElement> values, string name) =>
        values.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
}
