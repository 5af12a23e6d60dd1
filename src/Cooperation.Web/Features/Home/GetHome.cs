using Cooperation.Web.Features.Reporting.Figures;

namespace Cooperation.Web.Features.Home;

/// <summary>
/// The home page of the signed-in user: what his role has to do next, within his scope. Exactly one part is set:
/// <see cref="World"/> for those who read every area (director, auditor, administrator: the directorate's figures),
/// otherwise that of his role.
/// </summary>
public record HomePage(
    KeyFigures? World, DeskOfficerToDo? DeskOfficer, SchoolDirectorToDo? SchoolDirector, LiaisonOfficerToDo? LiaisonOfficer,
    CooperantToDo? Cooperant);

/// <summary>Chooses and counts the home of the user's role.</summary>
public class GetHome(Access access, ComputeFigures world, DeskOfficerHome desk, SchoolDirectorHome school, LiaisonOfficerHome liaison,
    CooperantHome cooperant) : IUseCase
{
    public async Task<HomePage> HandleAsync(CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.IsAuthenticated);
        if (access.SeesWorldFigures) return new(await world.HandleAsync(ct), null, null, null, null);
        if (access.IsDeskOfficer) return new(null, await desk.HandleAsync(ct), null, null, null);
        if (access.IsSchoolDirector) return new(null, null, await school.HandleAsync(ct), null, null);
        if (access.IsLiaisonOfficer && access.CountryId is not null) return new(null, null, null, await liaison.HandleAsync(ct), null);
        if (access.IsCooperant && access.CooperantId is not null) return new(null, null, null, null, await cooperant.HandleAsync(ct));
        // A role without a scope of its own reads the figures of what he sees.
        return new(await world.HandleAsync(ct), null, null, null, null);
    }
}
