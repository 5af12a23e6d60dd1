namespace Cooperation.Web.Features.Missions.Reports;

/// <summary>
/// The report of a mission in progress: its actual end, a summary and the file (PDF, DOCX or ODT by its content, at most
/// the configured size), kept in the database with the mission in one save, so that a refusal stores nothing. It may be
/// submitted again (a corrected report) until the mission is closed; the file is then optional.
/// </summary>
public class ReportMission(CooperationDbContext db, MissionAccess missions, StoredFiles files, TimeProvider clock, IStringLocalizer<ReportMission> text)
    : IUseCase
{
    public record Request(DateOnly? ActualEndDate, string? Summary, IFormFile? Report, long? Version = null);

    public async Task HandleAsync(int id, Request request, CancellationToken ct = default)
    {
        var mission = await missions.ConductedAsync(id, ct);
        var errors = new FieldErrors(text);
        var end = errors.Date("actualEndDate", "Fin effective", errors.Required("actualEndDate", "Fin effective", request.ActualEndDate));
        var summary = errors.Text("summary", "Synthèse", request.Summary, ExpertiseMission.MaxText);
        var file = await files.ReadAsync(request.Report, errors, "report", "Rapport de mission", FileKinds.Documents,
            required: mission.ReportFileId is null, ct: ct);
        errors.ThrowIfAny();

        mission.Report(end!.Value, summary!, file is not null || mission.ReportFileId is not null, clock.Today());
        if (file is not null) mission.ReportFile = file;
        missions.Guard(mission, request.Version);
        await db.SaveChangesAsync(ct);
    }
}
