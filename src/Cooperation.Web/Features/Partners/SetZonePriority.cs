namespace Cooperation.Web.Features.Partners;

/// <summary>Sets a zone's strategic priority ("High", "Medium" or "Low"), from the version the user last read.</summary>
public record SetZonePriorityCommand(string Code, string? Priority, long? Version);

public record ZonePriority(string Code, string Priority, long Version);

public class SetZonePriority(CooperationDbContext db, Access access) : IUseCase
{
    /// <summary>The zone as saved, or null when no zone has that code. The change is audited by the DbContext.</summary>
    public async Task<ZonePriority?> HandleAsync(SetZonePriorityCommand command, CancellationToken ct = default)
    {
        var code = command.Code.Trim().ToUpperInvariant();
        var zone = await db.Zones.SingleOrDefaultAsync(z => z.Code == code, ct);
        if (zone is null) return null;
        if (!access.CanEditZone(zone.Id)) throw new ForbiddenException("common.forbidden");

        var priority = Parse(command.Priority)
            ?? throw new DomainException("priority", "zone.priorityInvalid", command.Priority ?? "");
        if (command.Version is not { } version)
            throw new DomainException("version", "common.required", "version");
        // Also refuses a stale version when the priority does not change, which would otherwise write nothing.
        if (version != zone.Version)
            throw new DbUpdateConcurrencyException("Zone " + zone.Code + " changed since version " + version);

        db.Entry(zone).Property(z => z.Version).OriginalValue = version;
        zone.Priority = priority;
        await db.SaveChangesAsync(ct);
        return new ZonePriority(zone.Code, zone.Priority.ToString(), zone.Version);
    }

    /// <summary>Only the names: a number would slip through Enum.TryParse.</summary>
    public static StrategicPriority? Parse(string? value) =>
        Enum.GetValues<StrategicPriority>().Cast<StrategicPriority?>()
            .FirstOrDefault(p => string.Equals(p.ToString(), value?.Trim(), StringComparison.OrdinalIgnoreCase));
}
