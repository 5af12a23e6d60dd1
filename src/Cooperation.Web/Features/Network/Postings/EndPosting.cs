namespace Cooperation.Web.Features.Network.Postings;

/// <summary>Records the day a posting actually ended (or will end); a posting ends once.</summary>
public class EndPosting(CooperationDbContext db, EditPosting edit, IStringLocalizer<EndPosting> text) : IUseCase
{
    /// <param name="Version">The version read, when the caller wants a change made meanwhile refused.</param>
    public record Request(DateOnly? ActualEndDate, long? Version = null);

    /// <summary>The posting as the form shows it, for whoever may edit it.</summary>
    public Task<PostingRow> PostingAsync(int id, CancellationToken ct = default) => edit.PostingAsync(id, ct);

    public async Task HandleAsync(int id, Request request, CancellationToken ct = default)
    {
        await PostingAsync(id, ct);
        var posting = await db.Postings.SingleAsync(p => p.Id == id, ct);
        var errors = new FieldErrors(text);
        var end = errors.Required("actualEndDate", "Date de fin effective", request.ActualEndDate);
        errors.ThrowIfAny();

        posting.End(end!.Value);
        if (request.Version is { } version) db.Entry(posting).Property(p => p.Version).OriginalValue = version;
        await db.SaveChangesAsync(ct);
    }
}
