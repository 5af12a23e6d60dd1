using Microsoft.Extensions.Options;
using Cooperation.Web.Features.Schools.Results;
using Cooperation.Web.Features.Schools.Trainees;

namespace Cooperation.Web.Features.Schools.Import;

/// <summary>
/// Records a school's past trainees from an Excel file: each row is a person's enrolment in a session that has taken
/// place (course code and start date), with its result and, for a pass, the certificate's code. Each enrolment is
/// accepted, cleared and attended; the session's capacity holds, a certificate code is unique, a person is enrolled
/// once per session, and his identity follows the trainee's one rule set. As for nominations, every row is checked and
/// nothing is written unless all pass; existing trainees are reused, and a person on several rows (several sessions)
/// becomes one trainee.
/// </summary>
public class ImportTrainees(CooperationDbContext db, Access access, ReferenceCodes codes, TimeProvider clock, IStringLocalizer<ImportTrainees> text,
    IOptions<ImportLimits> limits) : IUseCase
{
    private sealed record SessionRef(int Id, DateOnly StartDate, DateOnly EndDate, int Capacity, SessionStatus Status);

    /// <param name="schoolAcronym">The school whose past trainees the file holds: not found when no training place has this acronym.</param>
    public async Task<ImportSummary> HandleAsync(string? schoolAcronym, Stream? file, CancellationToken ct = default)
    {
        var fields = new FieldErrors(text);
        if (string.IsNullOrWhiteSpace(schoolAcronym)) fields.Add("school", "import.schoolRequired");
        ImportSheet.Check(file, fields, limits.Value);
        fields.ThrowIfAny();
        var school = await codes.SchoolAsync(schoolAcronym, new FieldErrors(text), ct: ct) ?? throw new RecordNotFoundException();
        ForbiddenException.ThrowUnless(await access.CanManageSchoolAsync(school.Id, school.CountryId, ct));

        var errors = new ImportErrors(text);
        var sheet = ImportSheet.Open(file!, ImportKind.Trainees, errors, limits.Value);

        var today = clock.Today();
        var courses = await db.Courses.AsNoTracking().Where(c => c.SchoolId == school.Id)
            .ToDictionaryAsync(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase, ct);
        var sessions = (await db.CourseSessions.AsNoTracking().Where(s => s.Course!.SchoolId == school.Id)
                .Select(s => new { s.CourseId, Session = new SessionRef(s.Id, s.StartDate, s.EndDate, s.Capacity, s.Status) }).ToListAsync(ct))
            .GroupBy(s => (s.CourseId, s.Session.StartDate))
            .ToDictionary(g => g.Key, g => g.Select(s => s.Session).OrderBy(s => s.Status == SessionStatus.Cancelled).First());

        var rows = new List<(SheetRow Row, TraineeIdentity Who, SessionRef Session, TrainingResult Result, string? Certificate)>(sheet.Rows.Count);
        var firstRowOf = new Dictionary<(PersonKey, int), int>();
        var certificateRow = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in sheet.Rows)
        {
            var who = await sheet.IdentityAsync(row, codes, errors, today, ct);
            var session = ReadSession(sheet, row, errors, courses, sessions, school.Acronym, today);
            var result = ReadResult(sheet, row, errors);
            var certificate = ReadCertificate(sheet, row, errors, result, certificateRow);
            if (who is null || session is null || result is null) continue;
            if (!firstRowOf.TryAdd((who.Person, session.Id), row.Number))
                errors.Row(row.Number, ImportColumns.LastName, who.LastName, "import.duplicateEnrolment", firstRowOf[(who.Person, session.Id)]);
            rows.Add((row, who, session, result.Value, certificate));
        }

        var sessionIds = rows.Select(r => r.Session.Id).Distinct().ToList();
        var accepted = await db.Nominations.AsNoTracking()
            .Where(n => sessionIds.Contains(n.SessionId) && n.Status == NominationStatus.Accepted)
            .CountByAsync(n => n.SessionId, ct);
        foreach (var (row, _, session, _, _) in rows)
        {
            var count = accepted.GetValueOrDefault(session.Id) + 1;
            accepted[session.Id] = count;
            if (count > session.Capacity)
                errors.Row(row.Number, ImportColumns.SessionStart, sheet.Value(row, ImportColumns.SessionStart),
                    "import.sessionFull", ImportValues.Iso(session.StartDate), session.Capacity);
        }

        var certificates = certificateRow.Keys.ToList();
        foreach (var taken in await db.Nominations.AsNoTracking().Where(n => n.CertificateCode != null && certificates.Contains(n.CertificateCode))
                     .Select(n => n.CertificateCode!).ToListAsync(ct))
            errors.Row(certificateRow[taken], ImportColumns.CertificateCode, taken, "import.certificateExists", taken);

        // Only a trainee the user sees is reused: one out of his sight (known to another school) is never attached to his
        // school, which would reveal his record; the new one is a near-match headquarters may merge.
        var existing = await ExistingTrainees.FindAsync(await access.VisibleTraineesAsync(db.Trainees, ct),
            rows.Select(r => r.Who.Person).Distinct().ToList(), ct);
        var existingIds = existing.Values.Select(t => t.Id).ToList();
        var enrolled = (await db.Nominations.AsNoTracking()
                .Where(n => existingIds.Contains(n.TraineeId) && sessionIds.Contains(n.SessionId)
                            && n.Status != NominationStatus.Withdrawn && n.Status != NominationStatus.Refused)
                .Select(n => new { n.TraineeId, n.SessionId }).ToListAsync(ct))
            .Select(n => (n.TraineeId, n.SessionId)).ToHashSet();
        foreach (var (row, who, session, _, _) in rows)
            if (existing.TryGetValue(who.Person, out var trainee) && enrolled.Contains((trainee.Id, session.Id)))
                errors.Row(row.Number, ImportColumns.LastName, who.LastName, "import.alreadyEnrolled");
        errors.ThrowIfAny();

        var by = access.UserId;
        var created = new Dictionary<PersonKey, Trainee>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var (row, who, session, result, certificate) in rows)
            {
                if (!existing.TryGetValue(who.Person, out var trainee) && !created.TryGetValue(who.Person, out trainee))
                {
                    created[who.Person] = trainee = who.NewTrainee();
                    db.Trainees.Add(trainee);
                }
                var decided = session.StartDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                var enrolment = new Nomination
                {
                    SessionId = session.Id, Trainee = trainee, CountryId = who.NationalityId, Status = NominationStatus.Accepted,
                    SubmittedAt = decided, SubmittedByUserId = by, DecidedAt = decided, DecidedBy = by,
                    Screening = ScreeningStatus.Cleared, ScreenedAt = decided, ScreenedBy = by,
                };
                try
                {
                    // One who withdrew was not present to the end; a pass or a fail was.
                    enrolment.RecordOutcome(result != TrainingResult.Withdrew, result, session.EndDate, today);
                    if (certificate is not null) enrolment.IssueCertificate(certificate, session.EndDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
                    db.Nominations.Add(enrolment);
                }
                catch (DomainException e)
                {
                    errors.Row(row.Number, ImportColumns.Result, sheet.Value(row, ImportColumns.Result), e.MessageKey, e.Args);
                }
            }
            if (errors.Any) db.ChangeTracker.Clear();
            errors.ThrowIfAny();
            await db.SaveInBulkAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        var reused = rows.Select(r => r.Who.Person).Distinct().Count(existing.ContainsKey);
        return new ImportSummary(rows.Count, created.Count, reused, rows.Count);
    }

    private static SessionRef? ReadSession(ImportSheet sheet, SheetRow row, ImportErrors errors, Dictionary<string, int> courses,
        Dictionary<(int, DateOnly), SessionRef> sessions, string school, DateOnly today)
    {
        var code = sheet.Value(row, ImportColumns.CourseCode);
        var startText = sheet.Value(row, ImportColumns.SessionStart);
        var courseId = 0;
        if (code is null) errors.Row(row.Number, ImportColumns.CourseCode, null, "import.required", ImportColumns.CourseCode.Header);
        else if (!courses.TryGetValue(code, out courseId)) errors.Row(row.Number, ImportColumns.CourseCode, code, "import.unknownCourse", code, school);
        DateOnly? start = null;
        if (startText is null) errors.Row(row.Number, ImportColumns.SessionStart, null, "import.required", ImportColumns.SessionStart.Header);
        else if ((start = ImportValues.Date(startText)) is null)
            errors.Row(row.Number, ImportColumns.SessionStart, startText, "import.date", startText);
        if (courseId == 0 || start is null) return null;

        if (!sessions.TryGetValue((courseId, start.Value), out var session))
            errors.Row(row.Number, ImportColumns.SessionStart, startText, "import.unknownSession", code!.ToUpperInvariant(), ImportValues.Iso(start.Value));
        else if (session.Status == SessionStatus.Cancelled)
            errors.Row(row.Number, ImportColumns.SessionStart, startText, "import.sessionCancelled", ImportValues.Iso(start.Value));
        else if (!CourseSession.ResultsOpen(session.EndDate, today))
            errors.Row(row.Number, ImportColumns.SessionStart, startText, "session.resultsBeforeEnd", ImportValues.Iso(session.EndDate));
        else return session;
        return null;
    }

    private static TrainingResult? ReadResult(ImportSheet sheet, SheetRow row, ImportErrors errors)
    {
        var value = sheet.Value(row, ImportColumns.Result);
        if (value is null) errors.Row(row.Number, ImportColumns.Result, null, "import.required", ImportColumns.Result.Header);
        else if (ImportValues.Result(value) is { } result) return result;
        else errors.Row(row.Number, ImportColumns.Result, value, "import.result");
        return null;
    }

    private static string? ReadCertificate(ImportSheet sheet, SheetRow row, ImportErrors errors, TrainingResult? result,
        Dictionary<string, int> certificateRow)
    {
        var typed = sheet.Value(row, ImportColumns.CertificateCode);
        if (typed is null) return null;
        // Only a code of the application's own form can be checked on the public verification page.
        if (CertificateCodes.Normalize(typed) is not { } code)
        {
            errors.Row(row.Number, ImportColumns.CertificateCode, typed, "import.certificateFormat", CertificateCodes.Length);
            return null;
        }
        if (result is not null and not TrainingResult.Passed)
            errors.Row(row.Number, ImportColumns.CertificateCode, typed, "import.certificateOnlyForPass");
        else if (!certificateRow.TryAdd(code, row.Number))
            errors.Row(row.Number, ImportColumns.CertificateCode, typed, "import.certificateDuplicateRow", code, certificateRow[code]);
        else return code;
        return null;
    }
}
