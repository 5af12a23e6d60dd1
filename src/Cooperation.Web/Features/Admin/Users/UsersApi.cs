namespace Cooperation.Web.Features.Admin.Users;

/// <summary>/api/v1/users: accounts with their role and scope, for administrators only (others get a 403 ProblemDetails).</summary>
public sealed class UsersApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Admin");
        users.MapGet("", async ([AsParameters] ListUsers.Query query, ListUsers list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("Users with their role and scope; filters q (email or name) and role.");
        users.MapGet("/{id}", async (string id, ListUsers list, CancellationToken ct) => TypedResults.Ok(await list.GetAsync(id, ct)))
            .WithSummary("One user with her role and scope.");
        users.MapPost("", async (CreateUser.Request request, CreateUser create, ListUsers list, CancellationToken ct) =>
            {
                var id = await create.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/users/{id}", await list.GetAsync(id, ct));
            })
            .WithSummary("Creates a user with the password given (Identity's rules); role DeskOfficer needs zoneCodes, Cooperant a countryIso2.");
        users.MapPut("/{id}/password", async (string id, ResetUserPassword.Request request, ResetUserPassword reset, CancellationToken ct) =>
            {
                await reset.HandleAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Replaces a user's password (Identity's rules): every session and token the user had ends.");
    }
}
