using Cooperation.Web.Features.Projects.Projects;

namespace Cooperation.Web.Features.Network.Postings;

/// <summary>
/// Changes a posting as a whole (place, position, dates), guarded by the version the user read: a posting changed
/// meanwhile is refused (409) rather than overwritten. Changed dates must still keep clear of the coopérant's others.
/// </summary>
public class EditPosting(CooperationDbContext db, Access access, ReferenceCodes codes, ListPostings list, ProjectChoices projects, IStringLocalizer<EditPosting> text)
    : IUseCase
{
    public record Request(
        long? Version, string? Country, string? Organisation, string? HostAuthorityType, string? HostAuthorityName,
        string? PositionTitle, DateOnly? StartDate, DateOnly? PlannedEndDate, DateOnly? ActualEndDate, int? ProjectId = null);

    /// <summary>
    /// The posting as its form shows it: not found out of the user's sight, forbidden outside what she edits (its
    /// country, and its coopérant: see <see cref="Access.CanEditPostingAsync"/>).
    /// </summary>
    public async Task<PostingRow> PostingAsync(int id, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.CanEditAnything);
        var posting = await list.GetAsync(id, ct);
        return await access.CanEditPostingAsync(posting.CountryId, posting.CooperantId, ct) ? posting : throw new ForbiddenException();
    }

    public async Task HandleAsync(int id, Request request, CancellationToken ct = default)
    {
        await PostingAsync(id, ct);
        var posting = await db.Postings.Include(p => p.Cooperant!).ThenInclude(c => c.Postings).SingleAsync(p => p.Id == id, ct);

        var errors = new FieldErrors(text);
        var destination = await Destinations.ResolveAsync(codes, access, request.Country, request.Organisation, errors, ct);
        var version = errors.Required("version", "Version", request.Version);
        var place = await PostingPlace.CheckAsync(codes, request.HostAuthorityType, request.HostAuthorityName, request.PositionTitle, errors, ct);
        var start = errors.Required("startDate", "Date de début", request.StartDate);
        var plannedEnd = errors.Required("plannedEndDate", "Date de fin prévue", request.PlannedEndDate);
        var projectId = await projects.CheckAsync(request.ProjectId, posting.ProjectId, errors, ct);
        errors.ThrowIfAny();

        PostingTerms.Validate(start!.Value, plannedEnd!.Value, request.ActualEndDate);
        posting.CountryId = destination!.CountryId;
        posting.OrganisationId = destination.OrganisationId;
        posting.HostAuthorityTypeId = place!.HostAuthorityTypeId;
        posting.HostAuthorityName = place.HostAuthorityName;
        posting.PositionTitle = place.PositionTitle;
        posting.StartDate = start.Value;
        posting.PlannedEndDate = plannedEnd.Value;
        posting.ActualEndDate = request.ActualEndDate;
        posting.ProjectId = projectId;
        posting.Cooperant!.CheckNoOverlap(posting);

        db.Entry(posting).Property(p => p.Version).OriginalValue = version!.Value;
        await db.SaveChangesAsync(ct);
    }
}
