namespace Cooperation.Web.Features.Admin;

public static class UsersApi
{
    public static void MapUsersApi(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Admin");
        users.MapGet("", (ListUsers list, string? q, string? role, int? page, int? pageSize, CancellationToken ct) =>
                list.HandleAsync(new UserQuery(q, role, page, pageSize), ct))
            .WithSummary("Users with their role and scope; filters q (email or name) and role.");
        users.MapGet("/{id}", GetUser).WithSummary("One user with her role and scope.");
        users.MapPost("", Create)
            .WithSummary("Creates a user with the password given (Identity's rules); role DeskOfficer needs zoneCodes, Cooperant a countryIso2.");
    }

    private static async Task<Results<Ok<UserRow>, ProblemHttpResult>> GetUser(string id, ListUsers list, IStringLocalizer<UserRow> text,
        CancellationToken ct) =>
        await list.FindAsync(id, ct) is { } user
            ? TypedResults.Ok(user)
            : TypedResults.Problem(text["common.notFound"], statusCode: 404, title: text["Introuvable"]);

    private static async Task<Results<Created<UserRow>, ValidationProblem>> Create(CreateUserRequest request, CreateUser create,
        ListUsers list, IStringLocalizer<CreateUserRequest> text, CancellationToken ct)
    {
        var result = await create.HandleAsync(request, ct);
        if (!result.Succeeded) return TypedResults.ValidationProblem(result.Errors, title: text["Données invalides"]);
        return TypedResults.Created($"/api/v1/users/{result.UserId}", await list.FindAsync(result.UserId!, ct));
    }
}
