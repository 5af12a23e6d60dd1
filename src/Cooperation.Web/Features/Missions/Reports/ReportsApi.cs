using Cooperation.Web.Features.Missions.Missions;

namespace Cooperation.Web.Features.Missions.Reports;

/// <summary>/api/v1/missions/{id}/report and /letter: the mission's report and the partner's letter, as files.</summary>
public sealed class ReportsApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        api.MapPost("/missions/{id:int}/report", async (int id, [FromForm] DateOnly? actualEndDate, [FromForm] string? summary,
                [FromForm] long? version, IFormFile? report, ReportMission submit, GetMission get, CancellationToken ct) =>
            {
                await submit.HandleAsync(id, new ReportMission.Request(actualEndDate, summary, report, version), ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithTags("Missions")
            .WithSummary("Submits the report of a mission in progress (multipart: report = the file, PDF, DOCX or ODT by its content, 20 MB at most; actualEndDate, on or after the actual start; summary; version). The mission becomes reported; a file of another kind or too large is refused and nothing is stored. Submitted again, the file is optional.");

        api.MapGet("/missions/{id:int}/report", async (int id, MissionFiles files, CancellationToken ct) =>
                (await files.HandleAsync(id, MissionFiles.Which.Report, ct)).ToResult())
            .WithTags("Missions")
            .WithSummary("The report's file, under its stored name; 404 when none was submitted. Only for those who read the mission's personal data (not the auditor).");

        api.MapPost("/missions/{id:int}/letter", async (int id, IFormFile? letter, AttachLetter attach, GetMission get, CancellationToken ct) =>
            {
                await attach.HandleAsync(id, letter, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithTags("Missions")
            .WithSummary("Attaches (or replaces) the partner's letter of request (multipart: letter = PDF, DOCX or ODT by its content, 20 MB at most).");

        api.MapGet("/missions/{id:int}/letter", async (int id, MissionFiles files, CancellationToken ct) =>
                (await files.HandleAsync(id, MissionFiles.Which.Letter, ct)).ToResult())
            .WithTags("Missions")
            .WithSummary("The partner's letter of request, under its stored name; 404 when none is attached.");
    }
}
