using Cooperation.Web.Features.Network.Postings;

namespace Cooperation.Web.Features.Network.Vacancies;

/// <summary>
/// Fills a vacancy with a coopérant: the vacancy becomes his posting (same place and position), written together
/// with the vacancy's link to it. The coopérant's overlap rule applies as to any posting.
/// </summary>
public class FillVacancy(CooperationDbContext db, Access access, ListVacancies list, IStringLocalizer<FillVacancy> text) : IUseCase
{
    /// <param name="PlannedEndDate">Defaults to the start plus the vacancy's duration.</param>
    /// <param name="Version">The vacancy's version read, when the caller wants a change made meanwhile refused.</param>
    public record Request(int? CooperantId, DateOnly? StartDate, DateOnly? PlannedEndDate = null, long? Version = null);

    /// <summary>The vacancy as its form shows it: not found out of the user's sight, forbidden outside what she edits.</summary>
    public async Task<VacancyRow> VacancyAsync(int id, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.CanEditAnything);
        var vacancy = await list.GetAsync(id, ct);
        return await access.CanEditCountryAsync(vacancy.CountryId, ct) ? vacancy : throw new ForbiddenException();
    }

    /// <returns>The id of the posting created.</returns>
    public async Task<int> HandleAsync(int vacancyId, Request request, CancellationToken ct = default)
    {
        await VacancyAsync(vacancyId, ct);
        var vacancy = await db.Vacancies.SingleAsync(v => v.Id == vacancyId, ct);
        var errors = new FieldErrors(text);
        var cooperant = await CreatePosting.CooperantWithPostingsAsync(db, access, request.CooperantId, errors, ct);
        var start = errors.Required("startDate", "Date de début", request.StartDate);
        errors.ThrowIfAny();

        var posting = vacancy.Fill(cooperant!, start!.Value, request.PlannedEndDate);
        if (request.Version is { } version) db.Entry(vacancy).Property(v => v.Version).OriginalValue = version;
        await db.SaveChangesAsync(ct);
        return posting.Id;
    }
}
