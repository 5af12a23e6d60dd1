using Cooperation.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace Cooperation.Tests.Shared;

/// <summary>
/// Every JSON body a route reads and every JSON answer it declares has its contract in <see cref="ApiJsonContext"/>
/// (written at build time): a route added without it would still answer, by reflection, at the start's expense.
/// </summary>
public sealed class ApiJsonContextTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    [Fact]
    public void Every_body_and_answer_of_the_API_has_its_contract_written_at_build_time()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true).ToList();
        var types = endpoints.SelectMany(e => e.Metadata.OfType<IAcceptsMetadata>().Where(a => a.ContentTypes.Contains("application/json")).Select(a => a.RequestType)
                .Concat(e.Metadata.OfType<IProducesResponseTypeMetadata>().Where(p => p.ContentTypes.Contains("application/json")).Select(p => p.Type)))
            .OfType<Type>().Distinct().ToList();
        var missing = types.Where(t => ApiJsonContext.Default.GetTypeInfo(t) is null).Select(t => t.FullName).Order().ToList();
        Assert.True(missing.Count == 0, "Add to ApiJsonContext:\n" + string.Join("\n", missing));
    }
}
