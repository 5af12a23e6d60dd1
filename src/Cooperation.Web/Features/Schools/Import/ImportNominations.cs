using Microsoft.Extensions.Options;
using Cooperation.Web.Features.Schools.Trainees;

namespace Cooperation.Web.Features.Schools.Import;

/// <summary>
/// Nominates the candidates of an Excel file to a session the user sees, by the rules of a single nomination: each
/// row's identity by the trainee's one rule set, the user's country scope, the country's invitation, the course's
/// audience, one nomination of a person to a session (and one row of him in the file). Every row is checked and
/// nothing is written unless all pass, then in one SaveChanges; a refused file is an <see cref="InvalidImportException"/>
/// naming each faulty row and column. A candidate who already exists as a trainee is reused, his position brought up
/// to date as for a single nomination. The quota does not bite here: a nomination beyond it is still submitted, and
/// waits for a decision.
/// </summary>
public class ImportNominations(CooperationDbContext db, Access access, ReferenceCodes codes, TimeProvider clock, IStringLocalizer<ImportNominations> text,
    IOptions<ImportLimits> limits, Nominations.NominationNotices notices) : IUseCase
{
    public async Task<ImportSummary> HandleAsync(int? sessionId, Stream? file, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.CanNominateAny);
        var fields = new FieldErrors(text);
        if (sessionId is null) fields.Add("sessionId", "import.sessionRequired");
        ImportSheet.Check(file, fields, limits.Value);
        fields.ThrowIfAny();

        // Read without tracking: the session's nominations serve the rules only. Tracked, each Add would fix up their
        // collection (a list, searched on each Add), which is quadratic over 10,000 rows.
        var visible = await access.VisibleSessionsAsync(db.CourseSessions.AsNoTracking(), ct);
        var session = await visible.Where(s => s.Id == sessionId)
            .Include(s => s.Quotas).Include(s => s.Nominations).Include(s => s.Course!).ThenInclude(c => c.Audience)
            .AsSplitQuery().SingleOrDefaultAsync(ct) ?? throw new RecordNotFoundException();

        var errors = new ImportErrors(text);
        var sheet = ImportSheet.Open(file!, ImportKind.Nominations, errors, limits.Value);
        if (session.Status != SessionStatus.Open) errors.File("sessionId", "import.sessionNotOpen");

        var today = clock.Today();
        var mayNominate = new Dictionary<int, bool>();
        var firstRowOf = new Dictionary<PersonKey, int>();
        var candidates = new List<(SheetRow Row, TraineeIdentity Who)>(sheet.Rows.Count);
        foreach (var row in sheet.Rows)
        {
            if (await sheet.IdentityAsync(row, codes, errors, today, ct) is not { } who) continue;
            var country = sheet.Value(row, ImportColumns.Nationality);
            if (!mayNominate.TryGetValue(who.NationalityId, out var allowed))
                mayNominate[who.NationalityId] = allowed = await access.CanNominateForAsync(who.NationalityId, ct);
            if (!allowed)
                errors.Row(row.Number, ImportColumns.Nationality, country, "import.countryOutOfScope", country!.ToUpperInvariant());
            else if (session.QuotaFor(who.NationalityId) == 0)
                errors.Row(row.Number, ImportColumns.Nationality, country, "import.countryNotInvited", country!.ToUpperInvariant());
            if (!firstRowOf.TryAdd(who.Person, row.Number))
                errors.Row(row.Number, ImportColumns.LastName, who.LastName, "import.duplicateRow", firstRowOf[who.Person]);
            candidates.Add((row, who));
        }

        // Only trainees the user sees may be the candidates (every row's nationality is in his scope, checked above).
        var existing = await ExistingTrainees.FindAsync(await access.VisibleTraineesAsync(db.Trainees, ct), firstRowOf.Keys, ct);
        var nominated = session.Nominations
            .Where(n => n.Status is not (NominationStatus.Withdrawn or NominationStatus.Refused))
            .Select(n => n.TraineeId).ToHashSet();
        foreach (var (row, who) in candidates)
        {
            var trainee = existing.GetValueOrDefault(who.Person);
            if (trainee is not null && nominated.Contains(trainee.Id))
                errors.Row(row.Number, ImportColumns.LastName, who.LastName, "import.alreadyNominated");
            // The course's audience, as the nomination will check it: a trainee on record keeps his administration.
            if (session.Course!.AudienceRefusal(trainee?.AdministrationId ?? who.AdministrationId) is { } refused)
                errors.Row(row.Number, ImportColumns.Administration, sheet.Value(row, ImportColumns.Administration), refused.MessageKey, refused.Args);
        }
        errors.ThrowIfAny();

        var at = clock.GetUtcNow().UtcDateTime;
        var ownNominations = session.Nominations.ToLookup(n => n.TraineeId);
        var created = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var (row, who) in candidates)
            {
                if (!existing.TryGetValue(who.Person, out var trainee))
                {
                    trainee = who.NewTrainee();
                    db.Trainees.Add(trainee);
                    created++;
                }
                else who.UpdateCurrentPosition(trainee);
                try
                {
                    var nomination = Candidacy(session, ownNominations[trainee.Id]).Nominate(trainee, who.NationalityId, at, access.UserId);
                    nomination.Session = null;
                    nomination.SessionId = session.Id;
                    db.Nominations.Add(nomination);
                }
                catch (DomainException e)
                {
                    errors.Row(row.Number, ImportColumns.Of(e.Field), sheet.Value(row, ImportColumns.Of(e.Field)), e.MessageKey, e.Args);
                }
            }
            if (errors.Any) db.ChangeTracker.Clear();
            errors.ThrowIfAny();
            // The nominations and the desk officers' notice of them (one a nominating country): both or neither.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveInBulkAsync(ct);
            await notices.ImportedAsync(session.Id, candidates.GroupBy(c => c.Who.NationalityId).ToDictionary(g => g.Key, g => g.Count()), access.UserId, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        return new ImportSummary(candidates.Count, created, candidates.Count - created, candidates.Count);
    }

    /// <summary>
    /// The session as the nomination rule reads it for one candidate: its status, its quotas, its course's audience and
    /// that candidate's own nominations. CourseSession.Nominate looks for the candidate among all the session's
    /// nominations; run on the whole session for 10,000 rows, that search is quadratic (seconds), run on this view it is not.
    /// </summary>
    private static CourseSession Candidacy(CourseSession session, IEnumerable<Nomination> own) => new()
    {
        Id = session.Id, CourseId = session.CourseId, Course = session.Course, StartDate = session.StartDate, EndDate = session.EndDate,
        Place = session.Place, Capacity = session.Capacity, Status = session.Status, Quotas = session.Quotas, Nominations = [.. own],
    };
}
