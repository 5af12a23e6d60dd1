using Cooperation.Web.Infrastructure;
using Cooperation.Web.Features;

namespace Cooperation.Tests.Shared;

/// <summary>
/// Use cases and API routes are looked for among the application's public types only
/// (<see cref="UseCaseRegistration.ApplicationTypes"/>): one that is not public would be neither registered nor mapped.
/// </summary>
[Trait("Category", "Unit")]
public class ApplicationTypesTests
{
    [Fact]
    public void Every_use_case_and_every_class_of_API_routes_is_public_so_that_the_start_finds_it()
    {
        var found = UseCaseRegistration.ApplicationTypes().ToHashSet();
        var hidden = typeof(IUseCase).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && (typeof(IUseCase).IsAssignableFrom(t) || typeof(IApiRoutes).IsAssignableFrom(t)))
            .Where(t => !found.Contains(t)).Select(t => t.FullName).ToList();
        Assert.True(hidden.Count == 0, "Not public, so neither registered nor mapped: " + string.Join(", ", hidden));
        Assert.Contains(typeof(Cooperation.Web.Features.Programmes.Programmes.ListProgrammes), found);
    }
}
