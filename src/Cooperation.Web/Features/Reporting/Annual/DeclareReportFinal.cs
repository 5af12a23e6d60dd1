namespace Cooperation.Web.Features.Reporting.Annual;

/// <summary>The year declared final: when, by whom.</summary>
public record FinalReport(int Year, DateTime LockedAt, string LockedBy);

/// <summary>
/// The director (or an administrator) declares a year's annual report final: the year must have ended, and is declared
/// once. From then on that year's sessions, results, transactions, donations and missions are locked
/// (<see cref="LockedPeriods"/>): only an administrator changes them, giving a reason, and the report lists each change.
/// </summary>
public class DeclareReportFinal(CooperationDbContext db, Access access, TimeProvider clock, IAuditActor actor, IStringLocalizer<DeclareReportFinal> text) : IUseCase
{
    public async Task<FinalReport> HandleAsync(int year, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.MayDeclareReportFinal);
        var errors = new FieldErrors(text);
        if (year < ComputeAnnualReport.FirstYear) errors.Add("year", "report.year", ComputeAnnualReport.FirstYear, clock.Today().Year);
        errors.ThrowIfAny();
        var alreadyFinal = await db.LockedYears.AnyAsync(y => y.Year == year, ct);
        var (userId, userName) = actor.Current;
        var locked = LockedYear.Declare(year, clock.Today(), alreadyFinal, clock.GetUtcNow().UtcDateTime, userId, userName);
        db.LockedYears.Add(locked);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Declared by someone else at the same moment: the year's unique key refused the second declaration.
            db.ChangeTracker.Clear();
            if (!await db.LockedYears.AsNoTracking().AnyAsync(y => y.Year == year, ct)) throw;
            throw new DomainException("year", "locked.alreadyFinal", year);
        }
        return new FinalReport(locked.Year, locked.LockedAt, locked.LockedByName);
    }
}
