using Microsoft.AspNetCore.Authorization;

namespace Cooperation.Web.Features;

/// <summary>
/// The routes of one sub-feature under /api/v1 (<c>PostingsApi</c>, <c>SessionsApi</c>...). Every such class of the
/// application is found by a scan of the assembly, as use cases are: adding one maps its routes.
/// </summary>
public interface IApiRoutes
{
    void Map(RouteGroupBuilder api);
}

public static class Api
{
    /// <summary>
    /// The JSON API under /api/v1: Bearer tokens from POST /api/v1/auth/login. Every route needs a token unless it says
    /// otherwise (AllowAnonymous: the login, the public check of a certificate), and every route's values are checked
    /// before its handler runs (<see cref="RequestValues.Filter"/>).
    /// </summary>
    /// <remarks>
    /// A group's routes are built into endpoints (each request delegate compiled from its handler) every time their data
    /// source is asked for them, and two ask at start: the authorization middleware's policy cache when the pipeline is
    /// built, and the routing middleware at the first request. The group's data source is therefore served through a
    /// composite, which builds them once and keeps them: half the start's work on the API's routes.
    /// </remarks>
    public static void MapApi(this WebApplication app)
    {
        var sources = ((IEndpointRouteBuilder)app).DataSources;
        var before = sources.ToList();
        var api = app.MapGroup("/api/v1").RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = IdentitySetup.ApiScheme })
            .AddEndpointFilterFactory(RequestValues.Filter);
        var group = sources.Except(before).Single();
        foreach (var routes in UseCaseRegistration.ApplicationTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IApiRoutes).IsAssignableFrom(t))
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
            ((IApiRoutes)Activator.CreateInstance(routes)!).Map(api);
        sources.Remove(group);
        sources.Add(new CompositeEndpointDataSource([group]));
    }
}
