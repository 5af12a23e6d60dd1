namespace Cooperation.Web.Features.Schools.Courses;

/// <summary>
/// /api/v1/courses: the schools' catalogues. Everyone signed in reads them (a coopérant those of his country's
/// schools); a school's director, the desk officers of its zone and administrators write them. References go by code:
/// school acronym, domain, administrations (audience), languages.
/// </summary>
public sealed class CoursesApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var courses = api.MapGroup("/courses").WithTags("Training: catalogue");

        courses.MapGet("/", async ([AsParameters] ListCourses.Query query, ListCourses list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("Courses of the schools' catalogues: filters school (acronym), domain, level, administration (audience), q, active; sort school|code|title|domain|level|duration (\"-\" for descending); paging.");

        courses.MapGet("/{id:int}", async (int id, ListCourses list, CancellationToken ct) => TypedResults.Ok(await list.GetAsync(id, ct)))
            .WithSummary("One course; its sessions are listed by GET /api/v1/sessions?courseId={id}.");

        courses.MapPost("/", async (CreateCourse.Request request, CreateCourse create, ListCourses list, CancellationToken ct) =>
            {
                var id = await create.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/courses/{id}", await list.GetAsync(id, ct));
            })
            .WithSummary("Adds a course to a school's catalogue (its director, a desk officer of its zone, an administrator). The code is unique within the school.");

        courses.MapPut("/{id:int}", async (int id, EditCourse.Request request, EditCourse edit, ListCourses list, CancellationToken ct) =>
            {
                await edit.HandleAsync(id, request, ct);
                return TypedResults.Ok(await list.GetAsync(id, ct));
            })
            .WithSummary("Changes a course as a whole; send the version read (a stale version answers 409). active=false withdraws it from the catalogue.");
    }
}
