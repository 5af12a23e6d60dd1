
namespace Cooperation.Web.Features.Network;

/// <summary>
/// Fills a vacancy with a coopérant: the vacancy becomes his posting (same place and position), written together
/// with the vacancy's link to it. The coopérant's overlap rule applies as to any posting.
/// </summary>
public class FillVacancy(CooperationDbContext db, Access access, IStringLocalizer<FillVacancy> text) : IUseCase
{
    /// <param name="PlannedEndDate">Defaults to the start plus the vacancy's duration.</param>
    /// <param name="Version">The vacancy's version read, when the caller wants a change made meanwhile refused.</param>
    public record Request(int? CooperantId, DateOnly? StartDate, DateOnly? PlannedEndDate = null, long? Version = null);

    /// <returns>The id of the posting created.</returns>
    public async Task<int> HandleAsync(int vacancyId, Request request, CancellationToken ct = default)
    {
        if (!access.CanEditAnything) throw new ForbiddenException("common.forbidden");
        var vacancy = await db.Vacancies.SingleOrDefaultAsync(v => v.Id == vacancyId, ct);
        if (vacancy is null || !access.CanSeeCountry(vacancy.CountryId)) throw new RecordNotFoundException();
        if (!await access.CanEditCountryAsync(vacancy.CountryId, ct)) throw new ForbiddenException("common.forbidden");

        var errors = new FieldErrors(text);
        var cooperant = await NetworkCodes.CooperantAsync(db, request.CooperantId, errors, ct);
        var start = errors.Required("startDate", "Date de début", request.StartDate);
        errors.ThrowIfAny();

        var posting = vacancy.Fill(cooperant!, start!.Value, request.PlannedEndDate);
        if (request.Version is { } version) db.Entry(vacancy).Property(v => v.Version).OriginalValue = version;
        await db.SaveChangesAsync(ct);
        return posting.Id;
    }
}
