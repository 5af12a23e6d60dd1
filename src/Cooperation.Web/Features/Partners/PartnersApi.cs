namespace Cooperation.Web.Features.Partners;

/// <summary>
/// Transitional, for Schools/SchoolsApi.cs only, whose GetSchool still answers null for a school out of reach: the
/// Partners endpoints let the use cases throw <see cref="RecordNotFoundException"/>. Delete this file with that last call.
/// </summary>
public static class PartnersApi
{
    internal static ProblemHttpResult NotFound(IStringLocalizer text) =>
        TypedResults.Problem(text["common.notFound"], statusCode: StatusCodes.Status404NotFound, title: text["Introuvable"]);
}
