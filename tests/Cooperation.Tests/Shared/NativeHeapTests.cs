using System.Runtime.InteropServices;
using Cooperation.Web.Infrastructure;

namespace Cooperation.Tests.Shared;

/// <summary>
/// The native allocator gives back what was freed (<see cref="NativeHeap"/>): 40 MB allocated in small blocks and freed,
/// all but the last, stay resident until the trim, and leave with it; and glibc takes the limit of the arenas.
/// </summary>
[Trait("Category", "Unit")]
public class NativeHeapTests
{
    [Fact]
    public void The_trim_gives_back_to_the_system_the_native_memory_freed_below_a_block_still_in_use()
    {
        const int count = 10_000, size = 4096;
        var blocks = new nint[count];
        var bytes = Enumerable.Repeat((byte)1, size).ToArray();
        for (var i = 0; i < count; i++)
        {
            blocks[i] = Marshal.AllocHGlobal(size);
            Marshal.Copy(bytes, 0, blocks[i], size);
        }
        for (var i = 0; i < count - 1; i++) Marshal.FreeHGlobal(blocks[i]);
        var freed = ResidentAnonymousKilobytes();

        Assert.True(NativeHeap.Trim());
        var trimmed = ResidentAnonymousKilobytes();
        Marshal.FreeHGlobal(blocks[^1]);

        Assert.True(freed - trimmed > 20_000, $"resident anonymous memory {freed} kB after the frees, {trimmed} kB after the trim");
    }

    [Fact]
    public void The_limit_of_the_arenas_is_taken_by_glibc_unless_the_environment_sets_it()
    {
        Assert.Equal(Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is null, NativeHeap.LimitArenas());
    }

    static long ResidentAnonymousKilobytes() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("RssAnon:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
}
