using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cooperation.Web.Features.Network;

/// <summary>What the place-position-dates fields of the posting forms (create, edit) show.</summary>
public interface IPostingFields
{
    string? Destination { get; }
    string? HostAuthorityType { get; }
    string? HostAuthorityName { get; }
    string? PositionTitle { get; }
    string? StartDate { get; }
    string? PlannedEndDate { get; }
    List<SelectListItem> Destinations { get; }
    List<SelectListItem> HostAuthorityTypes { get; }
}
