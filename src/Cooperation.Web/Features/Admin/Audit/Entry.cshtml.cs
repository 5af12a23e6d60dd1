using Microsoft.AspNetCore.Authorization;

namespace Cooperation.Web.Features.Admin.Audit;

[Authorize(Roles = Roles.Administrator)]
public class EntryModel(ListAuditEntries audit, TimeProvider clock) : PageModel
{
    public AuditDetail Entry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await audit.FindAsync(id, ct) is not { } entry) return NotFound();
        Entry = entry;
        return Page();
    }

    public string LocalTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
