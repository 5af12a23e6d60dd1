
namespace Cooperation.Web.Features.Network;

/// <summary>Opens a position to fill with a host authority, in a country or an organisation.</summary>
public class CreateVacancy(CooperationDbContext db, Access access, IStringLocalizer<CreateVacancy> text) : IUseCase
{
    public const int DefaultDurationMonths = 36;
    public const int MaxDurationMonths = 120;

    /// <param name="Administration">Code of the home administration expected to fill it (optional).</param>
    /// <param name="Domain">Code of the field of cooperation (optional).</param>
    /// <param name="DurationMonths">Planned length of the posting, 1 to 120 months (default 36).</param>
    public record Request(
        string? Country,
        string? Organisation,
        string? HostAuthorityType,
        string? HostAuthorityName,
        string? PositionTitle,
        string? Administration,
        string? Domain,
        DateOnly? WishedStartDate,
        int? DurationMonths);

    /// <returns>The id of the new vacancy.</returns>
    public async Task<int> HandleAsync(Request request, CancellationToken ct = default)
    {
        if (!access.CanEditAnything) throw new ForbiddenException("common.forbidden");
        var errors = new FieldErrors(text);
        var destination = await NetworkCodes.DestinationAsync(db, request.Country, request.Organisation, errors, ct);
        if (destination is not null && !await access.CanEditCountryAsync(destination.CountryId, ct))
            throw new ForbiddenException("common.forbidden");
        var typeId = await NetworkCodes.HostAuthorityTypeAsync(db, request.HostAuthorityType, errors, ct);
        var hostName = errors.Text("hostAuthorityName", "Autorité d'accueil", request.HostAuthorityName);
        var title = errors.Text("positionTitle", "Intitulé du poste", request.PositionTitle);
        var administrationId = await NetworkCodes.AdministrationAsync(db, request.Administration, errors, ct);
        var domainId = await NetworkCodes.DomainAsync(db, request.Domain, errors, ct);
        var start = errors.Required("wishedStartDate", "Date de prise de poste souhaitée", request.WishedStartDate);
        var duration = request.DurationMonths ?? DefaultDurationMonths;
        if (duration is < 1 or > MaxDurationMonths) errors.Add("durationMonths", "postings.duration", MaxDurationMonths);
        errors.ThrowIfAny();

        var vacancy = new Vacancy
        {
            CountryId = destination!.CountryId,
            OrganisationId = destination.OrganisationId,
            HostAuthorityTypeId = typeId!.Value,
            HostAuthorityName = hostName!,
            PositionTitle = title!,
            AdministrationId = administrationId,
            DomainId = domainId,
            WishedStartDate = start!.Value,
            DurationMonths = duration,
        };
        db.Vacancies.Add(vacancy);
        await db.SaveChangesAsync(ct);
        return vacancy.Id;
    }
}
