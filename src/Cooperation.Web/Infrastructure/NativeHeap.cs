using System.Runtime.InteropServices;

namespace Cooperation.Web.Infrastructure;

/// <summary>
/// The native allocator's memory on Linux (issue 12, memory). glibc's <c>malloc</c>, used by SQLite, TLS, ICU and the
/// runtime itself, gives each thread that allocates an arena of its own, up to eight a core, and keeps in each the pages
/// freed there rather than giving them back. At scale 10 under the load of every page and API route, seventeen arenas
/// held 72 MB, 49 MB of it in use.
/// <list type="bullet">
/// <item><see cref="LimitArenas"/>, first thing at the start, stops new arenas past two: the runtime's own threads have
/// made five or six by then, which the request threads then share. A deployment that sets <c>MALLOC_ARENA_MAX</c>
/// itself (README, production on PostgreSQL) keeps its value and has its arenas limited from the first thread.</item>
/// <item><see cref="Trim"/>, every ten seconds (<see cref="NativeHeapTrimmer"/>), gives the freed pages back: 21 MB
/// after that load.</item>
/// </list>
/// Without glibc (musl, or another system) both do nothing.
/// </summary>
public static class NativeHeap
{
    /// <summary><c>M_ARENA_MAX</c> in glibc's <c>malloc.h</c>.</summary>
    const int ArenaMaxParameter = -8;

    public const int Arenas = 2;

    /// <summary>Limits the arenas to come; false where the environment has set them or there is no glibc.</summary>
    public static bool LimitArenas()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null) return false;
        try { return Mallopt(ArenaMaxParameter, Arenas) == 1; }
        catch (EntryPointNotFoundException) { return false; }
        catch (DllNotFoundException) { return false; }
    }

    /// <summary>Gives the allocator's free pages back to the system; false where there is no glibc.</summary>
    public static bool Trim()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try { MallocTrim(0); return true; }
        catch (EntryPointNotFoundException) { return false; }
        catch (DllNotFoundException) { return false; }
    }

    public static IServiceCollection AddNativeHeapTrim(this IServiceCollection services) =>
        services.AddHostedService<NativeHeapTrimmer>();

    // DllImport rather than LibraryImport: the generated form needs unsafe code in the whole project, for calls of
    // integers that need no marshalling. "libc.so.6", glibc's own name: without glibc, nothing is found and nothing done.
    [DllImport("libc.so.6", EntryPoint = "mallopt")]
    private static extern int Mallopt(int parameter, int value);

    [DllImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}

/// <summary>Gives the native allocator's free pages back every ten seconds (<see cref="NativeHeap"/>).</summary>
public sealed class NativeHeapTrimmer : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!NativeHeap.Trim()) return;
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) NativeHeap.Trim();
        }
        catch (OperationCanceledException) { }
    }
}
