using System.Net;
using System.Security.Claims;

namespace Cooperation.Web.Infrastructure;

public sealed partial class Access
{
    /// <summary>
    /// The operators' metrics (<c>/metrics</c>, Prometheus' text format): an administrator signed in, or a scraper calling
    /// from an address of <c>Observability:MetricsAllowedAddresses</c> (addresses or networks, none by default). They
    /// hold no personal data, but say how the system is used and by how many: not for anyone else.
    /// </summary>
    public static bool MayScrapeMetrics(ClaimsPrincipal user, IPAddress? remote, IReadOnlyCollection<IPNetwork> allowed)
    {
        if (user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Administrator)) return true;
        if (remote is null || allowed.Count == 0) return false;
        var address = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        return allowed.Any(n => n.Contains(address));
    }
}
