namespace Cooperation.Web.Features.Admin.PersonalData;

/// <summary>
/// /api/v1/personal-data: a person's data as a file, and his pseudonymisation; administrators only (others 403, an
/// unknown person 404).
/// </summary>
public sealed class PersonalDataApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var data = api.MapGroup("/personal-data").WithTags("Admin");
        foreach (var kind in Enum.GetValues<PersonKind>())
        {
            var segment = kind.Segment();
            data.MapGet($"/{segment}/{{id:int}}", async (int id, ExportPersonalData export, CancellationToken ct) =>
                {
                    var file = await export.HandleAsync(kind, id, ct);
                    return TypedResults.File(file.Content, ExportPersonalData.ContentType, file.Name);
                })
                .Produces(StatusCodes.Status200OK, kind == PersonKind.Trainee ? typeof(TraineePersonalData) : typeof(CooperantPersonalData),
                    ExportPersonalData.ContentType)
                .WithSummary(kind == PersonKind.Trainee
                    ? "Everything held about a trainee, as a JSON file: record, nominations and enrolments (results, certificates), career, and the audit entries about him. The export is audited."
                    : "Everything held about a coopérant, as a JSON file: record, postings, account, the audit entries about him and those his account wrote. The export is audited.");
            data.MapPost($"/{segment}/{{id:int}}/pseudonymise", async (int id, PseudonymisationRequest request, PseudonymisePerson pseudonymise,
                    CancellationToken ct) => TypedResults.Ok(await pseudonymise.HandleAsync(kind, id, request, ct)))
                .WithSummary("Pseudonymises the person (names, e-mail, phone, birth day replaced; records, figures and counts kept), the audit trail's "
                    + "snapshots of him included; 'reason' required (recorded, so without a name), 'version' the record's version read (409 if stale).");
        }
    }
}
