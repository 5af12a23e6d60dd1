using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Cooperation.Tests.Security;

/// <summary>A clock that runs with the real one, and that a test moves forward instead of waiting.</summary>
public sealed class MovableClock : TimeProvider
{
    private TimeSpan _ahead;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _ahead;

    public void Advance(TimeSpan by) => _ahead += by;
}

/// <summary>The application with a <see cref="MovableClock"/>: sessions are checked against their account every 30 s at most.</summary>
public class ClockedFactory : CooperationFactory
{
    public MovableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The application behind a reverse proxy at <see cref="Proxy"/>, with a small login budget (3 attempts a minute).</summary>
public class ProxiedFactory : CooperationFactory
{
    public static readonly IPAddress Proxy = IPAddress.Parse("10.9.8.7");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:LoginAttemptsPerMinute", "3");
        builder.UseSetting("Security:KnownProxies", Proxy + ", 192.168.50.0/24");
    }
}
