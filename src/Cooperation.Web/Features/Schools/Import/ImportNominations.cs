namespace Cooperation.Web.Features.Schools.Import;

/// <summary>
/// Nominates the candidates of an Excel file to a session. Every row is checked (identity, codes, duplicates in the
/// file, the user's country scope, the country's invitation, the course's audience, a nomination already made) and
/// nothing is written unless all rows pass; then in one SaveChanges. A candidate who already exists as a trainee
/// (same normalised name, birth date and nationality) is reused, his rank, position and email brought up to date as
/// for a single nomination. The quota does not bite here: a nomination beyond
/// it is still submitted, and waits for a decision.
/// </summary>
public class ImportNominations(CooperationDbContext db, Access access, TimeProvider clock, IStringLocalizer<ImportNominations> text) : IUseCase
{
    /// <summary>Null when the session does not exist or lies outside the user's scope.</summary>
    public async Task<ImportResult?> HandleAsync(int sessionId, Stream file, CancellationToken ct = default)
    {
        if (!access.CanNominateAny) throw new ForbiddenException("common.forbidden");
        // Read without tracking: the session's nominations serve the rules only. Tracked, each Add would fix up their
        // collection (a list, searched on each Add), which is quadratic over 10,000 rows.
        var visible = await access.VisibleSessionsAsync(db.CourseSessions.AsNoTracking(), ct);
        var session = await visible.Where(s => s.Id == sessionId)
            .Include(s => s.Quotas).Include(s => s.Nominations).Include(s => s.Course!).ThenInclude(c => c.Audience)
            .AsSplitQuery().FirstOrDefaultAsync(ct);
        if (session is null) return null;

        var errors = new ImportErrors(text);
        var sheet = ImportSheet.Open(file, ImportKind.Nominations, errors);
        if (sheet is null) return errors.Result();
        if (session.Status != SessionStatus.Open) errors.File("sessionId", "import.sessionNotOpen");

        var today = clock.Today();
        var references = await ImportReferences.LoadAsync(db, ct);
        var audience = session.Course!.Audience.Select(a => a.Id).ToHashSet();
        var audienceCodes = string.Join(", ", session.Course.Audience.Select(a => a.Code).Order());
        var mayNominate = new Dictionary<int, bool>();
        var firstRowOf = new Dictionary<PersonKey, int>();
        var candidates = new List<(SheetRow Row, CandidateIdentity Who)>(sheet.Rows.Count);
        foreach (var row in sheet.Rows)
        {
            if (references.ReadIdentity(sheet, row, errors, today) is not { } who) continue;
            var country = sheet.Value(row, ImportColumns.Nationality);
            if (!mayNominate.TryGetValue(who.NationalityId, out var allowed))
                mayNominate[who.NationalityId] = allowed = await access.CanNominateForAsync(who.NationalityId, ct);
            if (!allowed)
                errors.Row(row.Number, ImportColumns.Nationality, country, "import.countryOutOfScope", who.NationalityCode);
            else if (session.QuotaFor(who.NationalityId) == 0)
                errors.Row(row.Number, ImportColumns.Nationality, country, "import.countryNotInvited", who.NationalityCode);
            if (audience.Count > 0 && !audience.Contains(who.AdministrationId))
                errors.Row(row.Number, ImportColumns.Administration, sheet.Value(row, ImportColumns.Administration),
                    "import.notInAudience", who.AdministrationCode, audienceCodes);
            if (!firstRowOf.TryAdd(who.Key, row.Number))
                errors.Row(row.Number, ImportColumns.LastName, who.LastName, "import.duplicateRow", firstRowOf[who.Key]);
            candidates.Add((row, who));
        }

        var existing = await ExistingTrainees.FindAsync(db, firstRowOf.Keys, ct);
        var nominated = session.Nominations
            .Where(n => n.Status is not (NominationStatus.Withdrawn or NominationStatus.Refused))
            .Select(n => n.TraineeId).ToHashSet();
        foreach (var (row, who) in candidates)
            if (existing.TryGetValue(who.Key, out var trainee) && nominated.Contains(trainee.Id))
                errors.Row(row.Number, ImportColumns.LastName, who.LastName, "import.alreadyNominated");
        if (errors.Any) return Abandon(errors);

        var at = clock.GetUtcNow().UtcDateTime;
        var ownNominations = session.Nominations.ToLookup(n => n.TraineeId);
        var created = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var (row, who) in candidates)
            {
                if (!existing.TryGetValue(who.Key, out var trainee))
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
                    errors.Row(row.Number, ImportColumns.LastName, who.LastName, e.MessageKey, e.Args);
                }
            }
            if (errors.Any) return Abandon(errors);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        return new ImportResult(new ImportSummary(candidates.Count, created, candidates.Count - created, candidates.Count), []);
    }

    /// <summary>
    /// The session as the nomination rule reads it for one candidate: its status, its quotas and that candidate's own
    /// nominations. CourseSession.Nominate looks for the candidate among all the session's nominations; run on the
    /// whole session for 10,000 rows, that search is quadratic (seconds), run on this view it is not.
    /// </summary>
    private static CourseSession Candidacy(CourseSession session, IEnumerable<Nomination> own) => new()
    {
        Id = session.Id, CourseId = session.CourseId, StartDate = session.StartDate, EndDate = session.EndDate, Place = session.Place,
        Capacity = session.Capacity, Status = session.Status, Quotas = session.Quotas, Nominations = [.. own],
    };

    private ImportResult Abandon(ImportErrors errors)
    {
        db.ChangeTracker.Clear();
        return errors.Result();
    }
}
