using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Infrastructure;

/// <summary>
/// Whether a signed-in session (a page cookie or an API token) is still the account's: it carries the security stamp its
/// account had when it was issued, and any change of lock, role, scope or password, or a logout, gives the account a
/// new stamp. Each instance re-reads an account's stamp at most once every <c>Security:SessionCheckSeconds</c> (30 by
/// default), so a session ends within that delay on every instance, at the cost of one read by primary key per active
/// account and interval.
/// </summary>
public sealed class SessionStamps(TimeProvider clock, IOptions<IdentityOptions> identity, IConfiguration config)
{
    private readonly ConcurrentDictionary<string, (string? Stamp, DateTimeOffset ReadAt)> _read = new();

    /// <summary>How long a stamp read from the database is trusted.</summary>
    public TimeSpan CheckInterval { get; } = TimeSpan.FromSeconds(Math.Clamp(config.GetValue("Security:SessionCheckSeconds", 30), 0, 60));

    /// <summary>True when the principal's account exists and still has the stamp the principal was issued with.</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, IServiceProvider services, CancellationToken ct)
    {
        var id = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(stamp)) return false;
        var now = clock.GetUtcNow();
        if (_read.TryGetValue(id, out var read) && now - read.ReadAt < CheckInterval && read.Stamp == stamp) return true;
        // Not read lately, or another stamp than the one read: a session signed in since a change must not wait.
        var db = services.GetRequiredService<CooperationDbContext>();
        var current = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefaultAsync(ct);
        _read[id] = (current, now);
        return current == stamp;
    }

    /// <summary>A page cookie whose stamp is no longer the account's is refused and deleted: the user signs in again.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        if (context.Principal is null
            || !await http.RequestServices.GetRequiredService<SessionStamps>().IsCurrentAsync(context.Principal, http.RequestServices, http.RequestAborted))
        {
            context.RejectPrincipal();
            await http.SignOutAsync(context.Scheme.Name);
        }
    }

    /// <summary>
    /// An API token is read here, once: refused (401) when forged, expired, or of a session that has ended; otherwise its
    /// principal is the request's. The bearer handler would read it again after this event (data protection's
    /// decryption, a few percent of an API list's time), so the event gives it the result, with the handler's checks.
    /// </summary>
    public static async Task ValidateTokenAsync(MessageReceivedContext context)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return;
        var ticket = context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
        if (ticket?.Properties.ExpiresUtc is not { } expires)
            context.Fail("The token could not be read.");
        else if ((context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow() >= expires)
            context.Fail("The token has expired.");
        else if (!await http.RequestServices.GetRequiredService<SessionStamps>().IsCurrentAsync(ticket.Principal, http.RequestServices, http.RequestAborted))
            context.Fail("The session of this token has ended.");
        else
        {
            context.Principal = ticket.Principal;
            context.Properties = ticket.Properties;
            context.Success();
        }
    }
}
