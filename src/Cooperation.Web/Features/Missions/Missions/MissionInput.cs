using Cooperation.Web.Features.Network;
using Cooperation.Web.Features.Projects;
using Cooperation.Web.Features.Projects.Projects;

namespace Cooperation.Web.Features.Missions.Missions;

/// <summary>A mission request as the API and the form give it; references by code.</summary>
/// <param name="Country">ISO2 code of the partner country; or else</param>
/// <param name="Organisation">acronym of the partner organisation.</param>
/// <param name="HostAuthorityType">Code of the kind of authority that asks (DEFENCE_MINISTRY, GENERAL_STAFF, PRESIDENCY...).</param>
/// <param name="HostAuthorityName">The authority that asks and hosts the experts.</param>
/// <param name="RequestedBy">Who asked (name and office): personal data.</param>
/// <param name="RequestedOn">When the request was received.</param>
/// <param name="Domain">Code of the field of cooperation.</param>
/// <param name="Form">short (days or weeks) or long (a posting of months or years).</param>
/// <param name="ProjectId">The project the mission serves, if any.</param>
/// <param name="Version">The version read, to change a request (PUT); a stale one answers 409.</param>
public record MissionInput(
    string? Country = null, string? Organisation = null, string? HostAuthorityType = null, string? HostAuthorityName = null,
    string? RequestedBy = null, DateOnly? RequestedOn = null, string? Subject = null, string? Domain = null, string? Form = null,
    DateOnly? PlannedStartDate = null, DateOnly? PlannedEndDate = null, int? ProjectId = null, long? Version = null);

/// <summary>Checks a request's terms field by field and writes them on the mission; a destination outside the user's zones is forbidden.</summary>
public sealed class MissionTerms(ReferenceCodes codes, Access access, ProjectChoices projects) : IUseCase
{
    public async Task ApplyAsync(ExpertiseMission mission, MissionInput input, FieldErrors errors, CancellationToken ct = default)
    {
        var destination = await Destinations.ResolveAsync(codes, access, input.Country, input.Organisation, errors, ct);
        var typeId = await codes.HostAuthorityTypeAsync(input.HostAuthorityType, errors, ct: ct);
        var host = errors.Text("hostAuthorityName", "Autorité d'accueil", input.HostAuthorityName);
        var requestedBy = errors.Text("requestedBy", "Demandeur", input.RequestedBy);
        var requestedOn = errors.Date("requestedOn", "Date de la demande", errors.Required("requestedOn", "Date de la demande", input.RequestedOn));
        var subject = errors.Text("subject", "Objet", input.Subject, ExpertiseMission.MaxSubject);
        var domainId = await codes.DomainAsync(input.Domain, errors, ct: ct);
        var form = ProjectCodes.Read<MissionForm>(errors, "form", "Forme demandée", input.Form);
        var start = errors.Date("plannedStartDate", "Début souhaité", errors.Required("plannedStartDate", "Début souhaité", input.PlannedStartDate));
        var end = errors.Date("plannedEndDate", "Fin souhaitée", errors.Required("plannedEndDate", "Fin souhaitée", input.PlannedEndDate));
        var projectId = await projects.CheckAsync(input.ProjectId, mission.ProjectId, errors, ct);
        if (start is { } s && end is { } e && e < s) errors.Add("plannedEndDate", "mission.endBeforeStart");
        errors.ThrowIfAny();

        mission.CountryId = destination!.CountryId;
        mission.OrganisationId = destination.OrganisationId;
        mission.HostAuthorityTypeId = typeId!.Value;
        mission.HostAuthorityName = host!;
        mission.RequestedBy = requestedBy!;
        mission.RequestedOn = requestedOn!.Value;
        mission.Subject = subject!;
        mission.DomainId = domainId!.Value;
        mission.Form = form!.Value;
        mission.PlannedStartDate = start!.Value;
        mission.PlannedEndDate = end!.Value;
        mission.ProjectId = projectId;
    }
}
