using Cooperation.Web.Features.Partners;

namespace Cooperation.Web.Features.Schools;

public static class SchoolsApi
{
    public static void MapSchoolsApi(this RouteGroupBuilder api)
    {
        var schools = api.MapGroup("/schools").WithTags("Schools");
        schools.MapGet("", List)
            .WithSummary("Training places by country: the ENVR by default; kind=all, FrenchSchool or PeacekeepingCentre for the others; filters country (ISO2), domain (code), q.");
        schools.MapGet("/{acronym}", Get)
            .WithSummary("A regional school (ENVR); 404 when unknown or outside the caller's scope.");
    }

    private static async Task<Ok<Paged<SchoolRow>>> List(string? country, string? domain, string? q, int? page, int? pageSize, string? kind,
        ListSchools list, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(new ListSchoolsQuery(country, domain, q, page, pageSize, kind), ct));

    private static async Task<Results<Ok<SchoolPage>, ProblemHttpResult>> Get(string acronym, GetSchool get,
        IStringLocalizer<GetSchool> text, CancellationToken ct) =>
        await get.HandleAsync(acronym, ct) is { } school ? TypedResults.Ok(school) : PartnersApi.NotFound(text);
}
