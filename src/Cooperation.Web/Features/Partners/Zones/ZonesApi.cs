using System.Text.Json;

namespace Cooperation.Web.Features.Partners.Zones;

/// <summary>Body of PUT /zones/{code}/priority: priority is "High", "Medium" or "Low"; version is the one last read.</summary>
public record ZonePriorityRequest(JsonElement? Priority, long? Version);

public sealed class ZonesApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var zones = api.MapGroup("/zones").WithTags("Partners");

        zones.MapGet("", async (ListZones list, CancellationToken ct) => TypedResults.Ok(await list.HandleAsync(ct)))
            .WithSummary("Geographic zones with their strategic priority, number of countries and active coopérants.");
        zones.MapPut("/{code}/priority", async (string code, ZonePriorityRequest request, SetZonePriority set, CancellationToken ct) =>
            {
                // Anything but a string (a number, null) is an invalid priority too, reported on its field rather than as unreadable JSON.
                var priority = request.Priority is { ValueKind: JsonValueKind.String } p ? p.GetString() : request.Priority?.GetRawText();
                return TypedResults.Ok(await set.HandleAsync(new SetZonePriority.Request(code, priority, request.Version), ct));
            })
            .WithSummary("Sets a zone's strategic priority (High, Medium, Low) from the version last read: 400 invalid, 403 not allowed, 409 stale.");
    }
}
