using System.Linq.Expressions;

namespace Cooperation.Web.Features.Sessions.International;

/// <summary>
/// A participant of a session: a senior official of an invited country, and the person record of the alumni network he
/// is (<see cref="PersonId"/>, the trainee record). Names and details are redacted for the auditor.
/// </summary>
public record ParticipantRow(
    int Id, int PersonId, string FirstName, string LastName, string Country, string CountryName, string Administration, string AdministrationName,
    string PositionHeld, string Grade, string Status, string StatusName, IReadOnlyList<string> NextStatuses, bool Redacted, long Version);

/// <summary>The participants of a session the user sees (<see cref="Access.VisibleParticipantsAsync"/>), by country then name.</summary>
public class ListParticipants(CooperationDbContext db, Access access, ListInternationalSessions sessions, IStringLocalizer<ListParticipants> text) : IUseCase
{
    public async Task<IReadOnlyList<ParticipantRow>> HandleAsync(int sessionId, CancellationToken ct = default)
    {
        var session = await sessions.GetAsync(sessionId, ct);
        var manages = access.CanManageInternationalSession(await db.Zones.Where(z => z.Code == session.Zone).Select(z => z.Id).SingleAsync(ct));
        var visible = await access.VisibleParticipantsAsync(db.SessionParticipants.AsNoTracking(), ct);
        var reads = access.ReadsParticipantNames;
        var rows = await visible.Where(p => p.SessionId == sessionId)
            .OrderBy(p => Names.English ? p.Country!.NameEn : p.Country!.NameFr).ThenBy(p => reads ? p.Person!.NormalizedName : null).ThenBy(p => p.Id)
            .Select(Projection(reads)).ToListAsync(ct);
        return rows.Select(r => new ParticipantRow(
            r.Id, r.PersonId, PersonalData.Show(r.LastName is not null, r.FirstName)!, PersonalData.Show(r.LastName is not null, r.LastName)!,
            r.Iso2, Names.Pick(r.CountryFr, r.CountryEn), r.Administration, Names.Pick(r.AdministrationFr, r.AdministrationEn),
            PersonalData.Show(reads, r.PositionHeld)!, PersonalData.Show(reads, r.Grade)!, ParticipantLabels.Code(r.Status), r.Status.Name(text),
            manages ? Enum.GetValues<ParticipantStatus>().Where(s => new SessionParticipant { Status = r.Status }.CanMoveTo(s)).Select(ParticipantLabels.Code).ToList() : [],
            r.LastName is null, r.Version)).ToList();
    }

    private sealed record Data(
        int Id, int PersonId, string? FirstName, string? LastName, string Iso2, string CountryFr, string CountryEn, string Administration,
        string AdministrationFr, string AdministrationEn, string PositionHeld, string Grade, ParticipantStatus Status, long Version);

    /// <summary>Built once for each case, not on every request (see <see cref="Schools.Nominations.ListNominations.Projection"/>).</summary>
    private static Expression<Func<SessionParticipant, Data>> Projection(bool reads) => reads ? NamedProjection : UnnamedProjection;

    private static readonly Expression<Func<SessionParticipant, Data>> NamedProjection = BuildProjection(true);
    private static readonly Expression<Func<SessionParticipant, Data>> UnnamedProjection = BuildProjection(false);

    private static Expression<Func<SessionParticipant, Data>> BuildProjection(bool reads) => p => new Data(
        p.Id, p.PersonId, reads ? p.Person!.FirstName : null, reads ? p.Person!.LastName : null, p.Country!.Iso2, p.Country.NameFr, p.Country.NameEn,
        p.Person!.Administration!.Code, p.Person.Administration.NameFr, p.Person.Administration.NameEn, p.PositionHeld, p.Grade, p.Status, p.Version);
}

/// <summary>How a participant's status reads: API codes in camelCase, names in the user's language.</summary>
public static class ParticipantLabels
{
    public static string Code(ParticipantStatus status) => char.ToLowerInvariant(status.ToString()[0]) + status.ToString()[1..];

    public static ParticipantStatus? Parse(string? value) =>
        !string.IsNullOrWhiteSpace(value) && !int.TryParse(value, out _) && Enum.TryParse<ParticipantStatus>(value.Trim(), true, out var s) ? s : null;

    public static string Name(this ParticipantStatus status, IStringLocalizer text) => status switch
    {
        ParticipantStatus.Proposed => text["Proposé"],
        ParticipantStatus.Invited => text["Invité"],
        ParticipantStatus.Confirmed => text["Confirmé"],
        ParticipantStatus.Attended => text["A participé"],
        _ => text["A décliné"],
    };

    public static string Badge(string code) => code switch
    {
        "attended" => "fr-badge--success",
        "confirmed" => "fr-badge--info",
        "declined" => "fr-badge--error",
        "proposed" => "fr-badge--new",
        _ => "",
    };
}
