
namespace Cooperation.Web.Features.Network;

/// <summary>
/// Posts a coopérant with a host authority, in a country or an international organisation (then in the country of
/// its seat). The coopérant's own rule refuses a posting that overlaps another or ends before it starts.
/// </summary>
public class CreatePosting(CooperationDbContext db, Access access, IStringLocalizer<CreatePosting> text) : IUseCase
{
    /// <param name="Country">ISO2 code of the host country; or else</param>
    /// <param name="Organisation">acronym of the host organisation.</param>
    /// <param name="HostAuthorityType">Code of the host authority type (GENERAL_STAFF, POLICE…).</param>
    public record Request(
        int? CooperantId,
        string? Country,
        string? Organisation,
        string? HostAuthorityType,
        string? HostAuthorityName,
        string? PositionTitle,
        DateOnly? StartDate,
        DateOnly? PlannedEndDate);

    /// <returns>The id of the new posting.</returns>
    public async Task<int> HandleAsync(Request request, CancellationToken ct = default)
    {
        if (!access.CanEditAnything) throw new ForbiddenException("common.forbidden");
        var errors = new FieldErrors(text);
        var destination = await NetworkCodes.DestinationAsync(db, request.Country, request.Organisation, errors, ct);
        if (destination is not null && !await access.CanEditCountryAsync(destination.CountryId, ct))
            throw new ForbiddenException("common.forbidden");
        var cooperant = await NetworkCodes.CooperantAsync(db, request.CooperantId, errors, ct);
        var typeId = await NetworkCodes.HostAuthorityTypeAsync(db, request.HostAuthorityType, errors, ct);
        var hostName = errors.Text("hostAuthorityName", "Autorité d'accueil", request.HostAuthorityName);
        var title = errors.Text("positionTitle", "Intitulé du poste", request.PositionTitle);
        var start = errors.Required("startDate", "Date de début", request.StartDate);
        var plannedEnd = errors.Required("plannedEndDate", "Date de fin prévue", request.PlannedEndDate);
        errors.ThrowIfAny();

        var posting = cooperant!.Post(new PostingTerms(destination!.CountryId, destination.OrganisationId, typeId!.Value,
            hostName!, title!, start!.Value, plannedEnd!.Value));
        await db.SaveChangesAsync(ct);
        return posting.Id;
    }
}
