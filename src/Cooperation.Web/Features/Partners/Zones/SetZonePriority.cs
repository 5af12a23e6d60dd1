namespace Cooperation.Web.Features.Partners.Zones;

public record ZonePriority(string Code, string Priority, long Version);

/// <summary>Sets a zone's strategic priority, from the version the user last read. The change is audited by the DbContext.</summary>
public class SetZonePriority(CooperationDbContext db, Access access, IStringLocalizer<SetZonePriority> text) : IUseCase
{
    /// <param name="Code">The zone's code.</param>
    /// <param name="Priority">"High", "Medium" or "Low".</param>
    /// <param name="Version">The zone's version last read.</param>
    public record Request(string Code, string? Priority, long? Version);

    public async Task<ZonePriority> HandleAsync(Request request, CancellationToken ct = default)
    {
        var code = request.Code.Trim().ToUpperInvariant();
        var zone = await db.Zones.SingleOrDefaultAsync(z => z.Code == code, ct) ?? throw new RecordNotFoundException();
        ForbiddenException.ThrowUnless(access.CanEditZone(zone.Id));

        var errors = new FieldErrors(text);
        var priority = Parse(request.Priority);
        if (priority is null) errors.Add("priority", "zone.priorityInvalid", request.Priority ?? "");
        var version = errors.Required("version", "Version", request.Version);
        errors.ThrowIfAny();
        // Also refuses a stale version when the priority does not change, which would otherwise write nothing.
        if (version != zone.Version)
            throw new DbUpdateConcurrencyException("Zone " + zone.Code + " changed since version " + version);

        db.Entry(zone).Property(z => z.Version).OriginalValue = version!.Value;
        zone.Priority = priority!.Value;
        await db.SaveChangesAsync(ct);
        return new ZonePriority(zone.Code, zone.Priority.ToString(), zone.Version);
    }

    /// <summary>Only the names: a number would slip through Enum.TryParse.</summary>
    public static StrategicPriority? Parse(string? value) =>
        Enum.GetValues<StrategicPriority>().Cast<StrategicPriority?>()
            .FirstOrDefault(p => string.Equals(p.ToString(), value?.Trim(), StringComparison.OrdinalIgnoreCase));
}
