namespace Cooperation.Web.Features.Schools.Import;

/// <summary>
/// /api/v1/imports: the templates, and the imports of nominations and of a school's past trainees. A refused file
/// answers 400 with each faulty row and field (<see cref="InvalidImportException"/>); a session or a school out of the
/// user's sight, 404.
/// </summary>
public sealed class ImportApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Imports");
        imports.MapGet("/templates/nominations", async (ImportTemplate template, CancellationToken ct) =>
                Template(await template.HandleAsync(ImportKind.Nominations, null, ct)))
            .WithSummary("The Excel template for nominating candidates to a session, headers in the caller's language (Accept-Language), with a sheet of accepted codes.");
        imports.MapGet("/templates/trainees", async (string? school, ImportTemplate template, CancellationToken ct) =>
                Template(await template.HandleAsync(ImportKind.Trainees, school, ct)))
            .WithSummary("The Excel template for a school's past trainees (identity, course code, session start date, result, certificate code); school=ACRONYM lists that school's course codes.");
        imports.MapPost("/nominations", async (int? sessionId, IFormFile? file, ImportNominations import, CancellationToken ct) =>
            {
                await using var stream = file?.OpenReadStream();
                return TypedResults.Ok(await import.HandleAsync(sessionId, stream, ct));
            })
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Nominates the candidates of an .xlsx file (multipart field 'file') to an open session, by the rules of a single nomination. Every row is checked; nothing is written unless all rows are valid (400 lists each faulty row and field: errors 'rows[N].field', and rowErrors). Existing trainees (same normalised name, birth date and nationality) are reused.");
        imports.MapPost("/trainees", async (string? school, IFormFile? file, ImportTrainees import, CancellationToken ct) =>
            {
                await using var stream = file?.OpenReadStream();
                return TypedResults.Ok(await import.HandleAsync(school, stream, ct));
            })
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Records a school's past trainees from an .xlsx file (multipart field 'file'): one accepted, attended enrolment a row with its result and certificate. All or nothing, as for nominations.");
    }

    private static FileContentHttpResult Template(ImportTemplate.File file) => TypedResults.File(file.Content, ImportTemplate.ContentType, file.Name);
}
