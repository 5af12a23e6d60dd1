
namespace Cooperation.Web.Features.Network;

/// <summary>What the place-and-position fields of the posting and vacancy forms show.</summary>
public interface IPlaceFields
{
    string? Destination { get; }
    string? HostAuthorityType { get; }
    string? HostAuthorityName { get; }
    string? PositionTitle { get; }
    List<SelectListItem> Destinations { get; }
    List<SelectListItem> HostAuthorityTypes { get; }
}

/// <summary>The posting forms (create, edit): a place and position, from a start to a planned end.</summary>
public interface IPostingFields : IPlaceFields
{
    string? StartDate { get; }
    string? PlannedEndDate { get; }
}
