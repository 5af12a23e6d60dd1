
namespace Cooperation.Web.Features.Schools.Import;

public static class ImportApi
{
    public static void MapImportApi(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Imports");
        imports.MapGet("/templates/nominations", NominationsTemplate)
            .WithSummary("The Excel template for nominating candidates to a session, headers in the caller's language (Accept-Language), with a sheet of accepted codes.");
        imports.MapGet("/templates/trainees", TraineesTemplate)
            .WithSummary("The Excel template for a school's past trainees (identity, course code, session start date, result, certificate code); school=ACRONYM lists that school's course codes.");
        imports.MapPost("/nominations", Nominations).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Nominates the candidates of an .xlsx file (multipart field 'file') to an open session. Every row is checked; nothing is written unless all rows are valid (400 lists each faulty row and field: errors 'rows[N].field', and rowErrors). Existing trainees (same normalised name, birth date and nationality) are reused.");
        imports.MapPost("/trainees", Trainees).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Records a school's past trainees from an .xlsx file (multipart field 'file'): one accepted, attended enrolment a row with its result and certificate. All or nothing, as for nominations.");
    }

    private static async Task<FileContentHttpResult> NominationsTemplate(ImportTemplate template, CancellationToken ct)
    {
        var file = await template.HandleAsync(ImportKind.Nominations, null, ct);
        return TypedResults.File(file.Content, ImportTemplate.ContentType, file.Name);
    }

    private static async Task<FileContentHttpResult> TraineesTemplate(string? school, ImportTemplate template, CancellationToken ct)
    {
        var file = await template.HandleAsync(ImportKind.Trainees, school, ct);
        return TypedResults.File(file.Content, ImportTemplate.ContentType, file.Name);
    }

    private static async Task<Results<Ok<ImportSummary>, ValidationProblem, ProblemHttpResult>> Nominations(
        int? sessionId, IFormFile? file, ImportNominations import, IStringLocalizer<ImportNominations> text, CancellationToken ct)
    {
        if (sessionId is null) return Invalid(text, "sessionId", "import.sessionRequired");
        if (CheckFile(file, text) is { } invalid) return invalid;
        await using var stream = file!.OpenReadStream();
        return await import.HandleAsync(sessionId.Value, stream, ct) is { } result ? Answer(result, text) : throw new RecordNotFoundException();
    }

    private static async Task<Results<Ok<ImportSummary>, ValidationProblem, ProblemHttpResult>> Trainees(
        string? school, IFormFile? file, ImportTrainees import, IStringLocalizer<ImportTrainees> text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(school)) return Invalid(text, "school", "import.schoolRequired");
        if (CheckFile(file, text) is { } invalid) return invalid;
        await using var stream = file!.OpenReadStream();
        return await import.HandleAsync(school, stream, ct) is { } result ? Answer(result, text) : throw new RecordNotFoundException();
    }

    private static ValidationProblem? CheckFile(IFormFile? file, IStringLocalizer text)
    {
        if (file is null || file.Length == 0) return Invalid(text, "file", "import.fileRequired");
        if (file.Length > ImportSheet.MaxMegabytes * 1024L * 1024L) return Invalid(text, "file", "import.tooLarge", ImportSheet.MaxMegabytes);
        return null;
    }

    private static ValidationProblem Invalid(IStringLocalizer text, string field, string key, params object[] args) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [text[key, args].Value] },
            detail: text[key, args].Value, title: text["Données invalides"]);

    private static Results<Ok<ImportSummary>, ValidationProblem, ProblemHttpResult> Answer(ImportResult result, IStringLocalizer text) =>
        result.Imported is { } summary
            ? TypedResults.Ok(summary)
            : TypedResults.ValidationProblem(result.ErrorsByKey(), detail: text["import.rejected", result.Errors.Count].Value,
                title: text["Données invalides"], extensions: new Dictionary<string, object?> { ["rowErrors"] = result.Errors });
}
