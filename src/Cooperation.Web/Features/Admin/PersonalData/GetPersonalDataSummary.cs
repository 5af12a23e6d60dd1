namespace Cooperation.Web.Features.Admin.PersonalData;

/// <summary>
/// What the personal-data page of a person shows before anything is exported: who (his name, or his pseudonym), what
/// is held (nominations or postings, audit entries about him and by him), whether he has been pseudonymised, and the
/// version of his record to send back with a pseudonymisation.
/// </summary>
public record PersonalDataSummary(PersonKind Kind, int Id, string Name, DateTime? PseudonymisedAt, long Version, int Records, int AuditEntries,
    int AuditEntriesByHim, bool HasAccount);

public class GetPersonalDataSummary(CooperationDbContext db, Access access, PersonRecords records) : IUseCase
{
    public async Task<PersonalDataSummary> HandleAsync(PersonKind kind, int id, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.CanManagePersonalData);
        if (kind == PersonKind.Trainee)
        {
            var t = await db.Trainees.AsNoTracking().Where(t => t.Id == id)
                .Select(t => new { t.FirstName, t.LastName, t.PseudonymisedAt, t.Version, Records = t.Nominations.Count })
                .SingleOrDefaultAsync(ct) ?? throw new RecordNotFoundException();
            var trail = await records.TrailAsync(kind, id, null, tracked: false, ct: ct);
            return new PersonalDataSummary(kind, id, $"{t.FirstName} {t.LastName.ToUpperInvariant()}", t.PseudonymisedAt, t.Version, t.Records,
                trail.About.Count, 0, false);
        }
        var c = await db.Cooperants.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.FirstName, c.LastName, c.PseudonymisedAt, c.Version, Records = c.Postings.Count })
            .SingleOrDefaultAsync(ct) ?? throw new RecordNotFoundException();
        var account = await db.Users.AsNoTracking().Where(u => u.CooperantId == id).Select(u => u.Id).SingleOrDefaultAsync(ct);
        var his = await records.TrailAsync(kind, id, account, tracked: false, ct: ct);
        return new PersonalDataSummary(kind, id, $"{c.FirstName} {c.LastName.ToUpperInvariant()}", c.PseudonymisedAt, c.Version, c.Records,
            his.About.Count, his.ByHim.Count, account is not null);
    }
}
