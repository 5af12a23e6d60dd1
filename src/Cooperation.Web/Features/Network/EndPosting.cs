
namespace Cooperation.Web.Features.Network;

/// <summary>Records the day a posting actually ended (or will end); a posting ends once.</summary>
public class EndPosting(CooperationDbContext db, Access access, IStringLocalizer<EndPosting> text) : IUseCase
{
    /// <param name="Version">The version read, when the caller wants a change made meanwhile refused.</param>
    public record Request(DateOnly? ActualEndDate, long? Version = null);

    public async Task HandleAsync(int id, Request request, CancellationToken ct = default)
    {
        if (!access.CanEditAnything) throw new ForbiddenException("common.forbidden");
        var posting = await db.Postings.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (posting is null || !access.CanSeeCountry(posting.CountryId)) throw new RecordNotFoundException();
        if (!await access.CanEditCountryAsync(posting.CountryId, ct)) throw new ForbiddenException("common.forbidden");

        var errors = new FieldErrors(text);
        var end = errors.Required("actualEndDate", "Date de fin effective", request.ActualEndDate);
        errors.ThrowIfAny();

        posting.End(end!.Value);
        if (request.Version is { } version) db.Entry(posting).Property(p => p.Version).OriginalValue = version;
        await db.SaveChangesAsync(ct);
    }
}
