
namespace Cooperation.Web.Features.Network;

/// <summary>
/// Changes a posting as a whole (place, position, dates), guarded by the version the user read: a posting changed
/// meanwhile is refused (409) rather than overwritten. Changed dates must still keep clear of the coopérant's others.
/// </summary>
public class EditPosting(CooperationDbContext db, Access access, IStringLocalizer<EditPosting> text) : IUseCase
{
    public record Request(
        long? Version,
        string? Country,
        string? Organisation,
        string? HostAuthorityType,
        string? HostAuthorityName,
        string? PositionTitle,
        DateOnly? StartDate,
        DateOnly? PlannedEndDate,
        DateOnly? ActualEndDate);

    public async Task HandleAsync(int id, Request request, CancellationToken ct = default)
    {
        if (!access.CanEditAnything) throw new ForbiddenException("common.forbidden");
        var posting = await db.Postings.Include(p => p.Cooperant!).ThenInclude(c => c.Postings).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (posting is null || !access.CanSeeCountry(posting.CountryId)) throw new RecordNotFoundException();
        if (!await access.CanEditCountryAsync(posting.CountryId, ct)) throw new ForbiddenException("common.forbidden");

        var errors = new FieldErrors(text);
        var destination = await NetworkCodes.DestinationAsync(db, request.Country, request.Organisation, errors, ct);
        if (destination is not null && !await access.CanEditCountryAsync(destination.CountryId, ct))
            throw new ForbiddenException("common.forbidden");
        var version = errors.Required("version", "Version", request.Version);
        var typeId = await NetworkCodes.HostAuthorityTypeAsync(db, request.HostAuthorityType, errors, ct);
        var hostName = errors.Text("hostAuthorityName", "Autorité d'accueil", request.HostAuthorityName);
        var title = errors.Text("positionTitle", "Intitulé du poste", request.PositionTitle);
        var start = errors.Required("startDate", "Date de début", request.StartDate);
        var plannedEnd = errors.Required("plannedEndDate", "Date de fin prévue", request.PlannedEndDate);
        errors.ThrowIfAny();

        PostingTerms.Validate(start!.Value, plannedEnd!.Value, request.ActualEndDate);
        posting.CountryId = destination!.CountryId;
        posting.OrganisationId = destination.OrganisationId;
        posting.HostAuthorityTypeId = typeId!.Value;
        posting.HostAuthorityName = hostName!;
        posting.PositionTitle = title!;
        posting.StartDate = start.Value;
        posting.PlannedEndDate = plannedEnd.Value;
        posting.ActualEndDate = request.ActualEndDate;
        posting.Cooperant!.CheckNoOverlap(posting);

        db.Entry(posting).Property(p => p.Version).OriginalValue = version!.Value;
        await db.SaveChangesAsync(ct);
    }
}
