using Cooperation.Web.Features.Projects.Projects;

namespace Cooperation.Web.Features.Schools.Sessions;

/// <summary>
/// Changes a session's dates, place and capacity, guarded by the version the user read. The capacity never drops
/// below the seats already given (accepted candidates) nor below the countries' quotas.
/// </summary>
public class EditSession(CooperationDbContext db, Access access, ListSessions list, ProjectChoices projects, IStringLocalizer<EditSession> text) : IUseCase
{
    /// <param name="ProjectId">The project the session serves; none detaches it.</param>
    public record Request(long? Version, DateOnly? StartDate, DateOnly? EndDate, string? Place, int? Capacity, int? ProjectId = null);

    /// <summary>The session as its form shows it: not found out of the user's sight, forbidden unless he manages its school.</summary>
    public async Task<SessionRow> SessionAsync(int id, CancellationToken ct = default)
    {
        var session = await list.GetAsync(id, ct);
        return await access.CanManageSchoolAsync(session.SchoolId, session.SchoolCountryId, ct) ? session : throw new ForbiddenException();
    }

    public async Task HandleAsync(int id, Request request, CancellationToken ct = default)
    {
        var session = await SessionAccess.ManageableAsync(db, access, id, ct);
        var errors = new FieldErrors(text);
        var version = errors.Required("version", "Version", request.Version);
        var start = errors.Required("startDate", "Date de début", request.StartDate);
        var end = errors.Required("endDate", "Date de fin de la session", request.EndDate);
        var capacity = errors.Required("capacity", "Capacité (places)", request.Capacity);
        var place = errors.Text("place", "Lieu de la session", request.Place);
        var projectId = await projects.CheckAsync(request.ProjectId, session.ProjectId, errors, ct);
        errors.ThrowIfAny();

        session.ChangeTerms(start!.Value, end!.Value, place!, capacity!.Value);
        session.ProjectId = projectId;
        SessionAccess.Guard(db, session, version);
        await db.SaveChangesAsync(ct);
    }
}
