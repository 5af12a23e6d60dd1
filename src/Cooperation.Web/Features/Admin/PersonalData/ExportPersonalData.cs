using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Cooperation.Web.Features.Admin.Audit;

namespace Cooperation.Web.Features.Admin.PersonalData;

/// <summary>An audit entry about the person, its fields before and after.</summary>
public record ExportedAuditEntry(long Id, long? Sequence, DateTimeOffset At, string UserName, string Action, string EntityType, string EntityKey,
    IReadOnlyList<AuditField> Fields);

public record ExportedTrainee(int Id, string FirstName, string LastName, DateOnly BirthDate, string Gender, string Nationality, string NationalityName,
    string Administration, string AdministrationName, string Rank, string Position, string? Email, DateTime? PseudonymisedAt);

/// <summary>A nomination of the trainee, his enrolment once accepted (attendance, result, certificate).</summary>
public record ExportedNomination(int Id, int SessionId, string CourseCode, string CourseTitle, string School, DateOnly SessionStart,
    DateOnly SessionEnd, string Place, string NominatedBy, string Status, string Screening, DateTime SubmittedAt, DateTime? DecidedAt,
    bool? Attended, string? Result, string? CertificateCode, DateTime? CertificateIssuedAt);

public record ExportedCareerEntry(int Id, string Position, string Organisation, DateOnly StartDate, DateOnly? EndDate, bool Prominent);

/// <summary>Everything held about a trainee.</summary>
public record TraineePersonalData(DateTimeOffset ExportedAt, string ExportedBy, ExportedTrainee Trainee, IReadOnlyList<ExportedNomination> Nominations,
    IReadOnlyList<ExportedCareerEntry> Career, IReadOnlyList<ExportedAuditEntry> AuditEntries);

public record ExportedCooperant(int Id, string FirstName, string LastName, string Administration, string AdministrationName, string Rank,
    string? SpecialtyDomain, string Languages, string? Email, string? Phone, DateTime? PseudonymisedAt);

public record ExportedPosting(int Id, string Country, string CountryName, string? Organisation, string HostAuthorityType, string HostAuthorityName,
    string PositionTitle, DateOnly StartDate, DateOnly PlannedEndDate, DateOnly? ActualEndDate);

public record ExportedAccount(string Id, string? Email, string DisplayName, string? PhoneNumber, IReadOnlyList<string> Roles, DateTimeOffset? LockoutEnd);

/// <summary>Everything held about a coopérant, and what his account wrote in the audit trail.</summary>
public record CooperantPersonalData(DateTimeOffset ExportedAt, string ExportedBy, ExportedCooperant Cooperant, IReadOnlyList<ExportedPosting> Postings,
    ExportedAccount? Account, IReadOnlyList<ExportedAuditEntry> AuditEntries, IReadOnlyList<ExportedAuditEntry> AuditEntriesByHim);

/// <summary>
/// Everything the directorate holds about one person, as a JSON file (UTF-8, indented, accents as they are): his
/// record; a trainee's nominations, enrolments, results, certificates and career; a coopérant's postings and account;
/// and the audit entries about him (and, for a coopérant, those his account wrote). For the administrator, who
/// answers the person's request; the export itself is recorded in the audit trail (who, when, whom — no values).
/// </summary>
public class ExportPersonalData(CooperationDbContext db, Access access, PersonRecords records, IAuditActor actor, TimeProvider clock,
    IStringLocalizer<ExportPersonalData> text) : IUseCase
{
    public const string ContentType = "application/json";
    public const string ExportedAction = "Exported";

    public record File(byte[] Content, string Name);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<File> HandleAsync(PersonKind kind, int id, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.CanManagePersonalData);
        var (_, exportedBy) = actor.Current;
        var now = clock.GetUtcNow();
        var content = kind == PersonKind.Trainee
            ? JsonSerializer.SerializeToUtf8Bytes(await TraineeAsync(id, now, exportedBy, ct), Json)
            : JsonSerializer.SerializeToUtf8Bytes(await CooperantAsync(id, now, exportedBy, ct), Json);

        db.AuditEntries.Add(new AuditEntry
        {
            At = now, UserId = actor.Current.UserId, UserName = exportedBy, Action = ExportedAction,
            EntityType = kind.ToString(), EntityKey = id.ToString(CultureInfo.InvariantCulture),
            After = JsonSerializer.Serialize(new { Format = "json", Bytes = content.Length }),
        });
        await db.SaveChangesAsync(ct);
        var kindName = kind == PersonKind.Trainee ? text["stagiaire"] : text["cooperant"];
        return new File(content, $"{text["donnees-personnelles"]}-{kindName}-{id}-{now:yyyy-MM-dd}.json");
    }

    private async Task<TraineePersonalData> TraineeAsync(int id, DateTimeOffset now, string by, CancellationToken ct)
    {
        var t = await db.Trainees.AsNoTracking().Where(t => t.Id == id).Select(t => new ExportedTrainee(
                t.Id, t.FirstName, t.LastName, t.BirthDate, t.Gender.ToString(), t.Nationality!.Iso2, t.Nationality.NameFr,
                t.Administration!.Code, t.Administration.NameFr, t.Rank, t.Position, t.Email, t.PseudonymisedAt))
            .SingleOrDefaultAsync(ct) ?? throw new RecordNotFoundException();
        var nominations = (await db.Nominations.AsNoTracking().Where(n => n.TraineeId == id).OrderBy(n => n.Session!.StartDate).ThenBy(n => n.Id)
                .Select(n => new
                {
                    n.Id, n.SessionId, n.Session!.Course!.Code, n.Session.Course.TitleFr, School = n.Session.Course.School!.Acronym,
                    n.Session.StartDate, n.Session.EndDate, n.Session.Place, Country = n.Country!.Iso2, n.Status, n.Screening,
                    n.SubmittedAt, n.DecidedAt, n.Attended, n.Result, n.CertificateCode, n.CertificateIssuedAt,
                }).ToListAsync(ct))
            .Select(n => new ExportedNomination(n.Id, n.SessionId, n.Code, n.TitleFr, n.School, n.StartDate, n.EndDate, n.Place, n.Country,
                n.Status.ToString(), n.Screening.ToString(), n.SubmittedAt, n.DecidedAt, n.Attended, n.Result?.ToString(), n.CertificateCode,
                n.CertificateIssuedAt))
            .ToList();
        var career = await db.CareerEntries.AsNoTracking().Where(c => c.TraineeId == id).OrderBy(c => c.StartDate).ThenBy(c => c.Id)
            .Select(c => new ExportedCareerEntry(c.Id, c.Position, c.Organisation, c.StartDate, c.EndDate, c.Prominent)).ToListAsync(ct);
        var trail = await records.TrailAsync(PersonKind.Trainee, id, null, tracked: false, ct: ct);
        return new TraineePersonalData(now, by, t, nominations, career, Entries(trail.About));
    }

    private async Task<CooperantPersonalData> CooperantAsync(int id, DateTimeOffset now, string by, CancellationToken ct)
    {
        var c = await db.Cooperants.AsNoTracking().Where(c => c.Id == id).Select(c => new ExportedCooperant(
                c.Id, c.FirstName, c.LastName, c.Administration!.Code, c.Administration.NameFr, c.Rank,
                c.SpecialtyDomain == null ? null : c.SpecialtyDomain.NameFr, c.Languages, c.Email, c.Phone, c.PseudonymisedAt))
            .SingleOrDefaultAsync(ct) ?? throw new RecordNotFoundException();
        var postings = await db.Postings.AsNoTracking().Where(p => p.CooperantId == id).OrderBy(p => p.StartDate).ThenBy(p => p.Id)
            .Select(p => new ExportedPosting(p.Id, p.Country!.Iso2, p.Country.NameFr, p.Organisation == null ? null : p.Organisation.Acronym,
                p.HostAuthorityType!.NameFr, p.HostAuthorityName, p.PositionTitle, p.StartDate, p.PlannedEndDate, p.ActualEndDate))
            .ToListAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.CooperantId == id)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.PhoneNumber, u.LockoutEnd }).SingleOrDefaultAsync(ct);
        ExportedAccount? account = null;
        if (user is not null)
        {
            var roles = await db.UserRoles.AsNoTracking().Where(ur => ur.UserId == user.Id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(r => r).ToListAsync(ct);
            account = new ExportedAccount(user.Id, user.Email, user.DisplayName, user.PhoneNumber, roles, user.LockoutEnd);
        }
        var trail = await records.TrailAsync(PersonKind.Cooperant, id, user?.Id, tracked: false, ct: ct);
        return new CooperantPersonalData(now, by, c, postings, account, Entries(trail.About), Entries(trail.ByHim));
    }

    private static List<ExportedAuditEntry> Entries(IEnumerable<AuditEntry> entries) =>
        entries.Select(e => new ExportedAuditEntry(e.Id, e.Sequence, e.At, e.UserName, e.Action, e.EntityType, e.EntityKey,
            ListAuditEntries.Compare(e.Before, e.After))).ToList();
}
