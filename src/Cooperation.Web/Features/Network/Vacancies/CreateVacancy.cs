namespace Cooperation.Web.Features.Network.Vacancies;

/// <summary>Opens a position to fill with a host authority, in a country or an organisation.</summary>
public class CreateVacancy(CooperationDbContext db, Access access, ReferenceCodes codes, IStringLocalizer<CreateVacancy> text) : IUseCase
{
    public const int DefaultDurationMonths = 36;
    public const int MaxDurationMonths = 120;

    /// <param name="Administration">Code of the home administration expected to fill it (optional).</param>
    /// <param name="Domain">Code of the field of cooperation (optional).</param>
    /// <param name="DurationMonths">Planned length of the posting, 1 to 120 months (default 36).</param>
    public record Request(
        string? Country, string? Organisation, string? HostAuthorityType, string? HostAuthorityName,
        string? PositionTitle, string? Administration, string? Domain, DateOnly? WishedStartDate, int? DurationMonths);

    /// <summary>Administrators and desk officers open vacancies (each destination then checks her zones).</summary>
    public void Authorize() => ForbiddenException.ThrowUnless(access.CanEditAnything);

    /// <returns>The id of the new vacancy.</returns>
    public async Task<int> HandleAsync(Request request, CancellationToken ct = default)
    {
        Authorize();
        var errors = new FieldErrors(text);
        var destination = await Destinations.ResolveAsync(codes, access, request.Country, request.Organisation, errors, ct);
        var place = await PostingPlace.CheckAsync(codes, request.HostAuthorityType, request.HostAuthorityName, request.PositionTitle, errors, ct);
        var administrationId = await codes.AdministrationAsync(request.Administration, errors, required: false, secondingOnly: true, ct: ct);
        var domainId = await codes.DomainAsync(request.Domain, errors, required: false, ct: ct);
        var start = errors.Required("wishedStartDate", "Date de prise de poste souhaitée", request.WishedStartDate);
        var duration = request.DurationMonths ?? DefaultDurationMonths;
        if (duration is < 1 or > MaxDurationMonths) errors.Add("durationMonths", "postings.duration", MaxDurationMonths);
        errors.ThrowIfAny();

        var vacancy = new Vacancy
        {
            CountryId = destination!.CountryId,
            OrganisationId = destination.OrganisationId,
            HostAuthorityTypeId = place!.HostAuthorityTypeId,
            HostAuthorityName = place.HostAuthorityName,
            PositionTitle = place.PositionTitle,
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
