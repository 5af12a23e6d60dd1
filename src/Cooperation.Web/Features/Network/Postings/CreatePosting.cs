using Cooperation.Web.Features.Projects.Projects;

namespace Cooperation.Web.Features.Network.Postings;

/// <summary>
/// Posts a coopérant with a host authority, in a country or an international organisation (then in the country of
/// its seat). The coopérant's own rule refuses a posting that overlaps another or ends before it starts.
/// </summary>
public class CreatePosting(CooperationDbContext db, Access access, ReferenceCodes codes, ProjectChoices projects, IStringLocalizer<CreatePosting> text) : IUseCase
{
    /// <param name="Country">ISO2 code of the host country; or else</param>
    /// <param name="Organisation">acronym of the host organisation.</param>
    /// <param name="HostAuthorityType">Code of the host authority type (GENERAL_STAFF, POLICE…).</param>
    /// <param name="ProjectId">The project the posting serves, if any.</param>
    public record Request(
        int? CooperantId, string? Country, string? Organisation, string? HostAuthorityType, string? HostAuthorityName,
        string? PositionTitle, DateOnly? StartDate, DateOnly? PlannedEndDate, int? ProjectId = null);

    /// <summary>Administrators and desk officers post coopérants (each destination then checks her zones).</summary>
    public void Authorize() => ForbiddenException.ThrowUnless(access.CanEditAnything);

    /// <returns>The id of the new posting.</returns>
    public async Task<int> HandleAsync(Request request, CancellationToken ct = default)
    {
        Authorize();
        var errors = new FieldErrors(text);
        var destination = await Destinations.ResolveAsync(codes, access, request.Country, request.Organisation, errors, ct);
        var cooperant = await CooperantWithPostingsAsync(db, access, request.CooperantId, errors, ct);
        var place = await PostingPlace.CheckAsync(codes, request.HostAuthorityType, request.HostAuthorityName, request.PositionTitle, errors, ct);
        var start = errors.Required("startDate", "Date de début", request.StartDate);
        var plannedEnd = errors.Required("plannedEndDate", "Date de fin prévue", request.PlannedEndDate);
        var projectId = await projects.CheckAsync(request.ProjectId, null, errors, ct);
        errors.ThrowIfAny();

        var posting = cooperant!.Post(new PostingTerms(destination!.CountryId, destination.OrganisationId, place!.HostAuthorityTypeId,
            place.HostAuthorityName, place.PositionTitle, start!.Value, plannedEnd!.Value));
        posting.ProjectId = projectId;
        await db.SaveChangesAsync(ct);
        return posting.Id;
    }

    /// <summary>
    /// A coopérant the user may post, with all his postings, tracked, so that the overlap rule sees every one of them.
    /// One she may not post (he belongs to another desk) is as unknown as one that does not exist: posting him in her
    /// zone would make him hers, name and contacts included.
    /// </summary>
    public static async Task<Cooperant?> CooperantWithPostingsAsync(CooperationDbContext db, Access access, int? id, FieldErrors errors,
        CancellationToken ct)
    {
        if (errors.Required("cooperantId", "Coopérant", id) is not { } cooperantId) return null;
        var editable = await access.EditableCooperantsAsync(ct);
        var cooperant = await db.Cooperants.Include(c => c.Postings).Where(c => editable.Any(e => e.Id == c.Id))
            .SingleOrDefaultAsync(c => c.Id == cooperantId, ct);
        if (cooperant is null) errors.Add("cooperantId", "common.unknown", errors.Label("Coopérant"), cooperantId);
        return cooperant;
    }
}
