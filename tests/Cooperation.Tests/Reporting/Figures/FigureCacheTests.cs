using System.Security.Claims;
using Cooperation.Tests.Security;
using Cooperation.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cooperation.Tests.Reporting.Figures;

/// <summary>
/// The figure cache counts a key once however many ask, and past half its allowed age lets one request count again
/// while the others are served the figures being replaced — never figures older than the allowed age. The clock is
/// moved forward rather than waited for, so that a slow machine cannot change what the tests see.
/// </summary>
public class FigureCacheTests
{
    private static readonly Access Director = new(
        new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Director)], "test")), null!, TimeProvider.System);

    private static readonly DateOnly Today = new(2026, 12, 3);

    /// <summary>No write happens during these tests: the cache is not told of the other tests' writes in this process.</summary>
    private static readonly Func<long> NoWrite = () => 0;

    [Fact]
    public async Task A_past_year_s_figures_outlive_the_writes_of_this_year_and_not_those_that_may_reach_past_years()
    {
        long writes = 0, pastWrites = 0;
        using var cache = new FigureCache(Options.Create(new FigureOptions { MaxAgeSeconds = 60 }), writes: () => writes, pastWrites: () => pastWrites);
        var counts = new Dictionary<int, int> { [Today.Year - 1] = 0, [Today.Year] = 0 };
        Task<int> Figures(int year) => cache.GetOrComputeAsync("test-years", Director, year.ToString(System.Globalization.CultureInfo.InvariantCulture), Today,
            () => Task.FromResult(++counts[year]), ofYear: year);

        (await Figures(Today.Year - 1)).ShouldBe(1);
        (await Figures(Today.Year)).ShouldBe(1);

        writes++; // a write of this year (a nomination to this year's session)
        (await Figures(Today.Year - 1)).ShouldBe(1);
        (await Figures(Today.Year)).ShouldBe(2);

        writes++; pastWrites++; // a write that may reach a past year
        (await Figures(Today.Year - 1)).ShouldBe(2);
        (await Figures(Today.Year)).ShouldBe(3);
    }

    /// <summary>
    /// A kept order weighs by its length: four orders of a quarter of the cache's capacity fill it, a fifth is not kept
    /// (read again when asked again). Every order weighing one unit, 10,000 of 298,000 trainees (1.2 MB each) could
    /// have been held.
    /// </summary>
    [Fact]
    public async Task A_kept_order_weighs_by_its_length_and_the_cache_holds_no_more_than_its_capacity()
    {
        using var cache = new FigureCache(Options.Create(new FigureOptions { MaxAgeSeconds = 60 }), writes: NoWrite);
        var ids = (int)((FigureCache.Capacity / 4 - 10) * FigureCache.BytesPerUnit / sizeof(int));
        FigureCache.Weight((long)ids * sizeof(int)).ShouldBeLessThan(FigureCache.Capacity / 4);
        var reads = new Dictionary<string, int>();
        Task<List<int>> Order(string list) => cache.KeepOrderAsync(list, Director, "", () =>
        {
            reads[list] = reads.GetValueOrDefault(list) + 1;
            return Task.FromResult(Enumerable.Range(0, ids).ToList());
        });

        foreach (var list in new[] { "a", "b", "c", "d", "e" }) (await Order(list)).Count.ShouldBe(ids);
        (await Order("e")).Count.ShouldBe(ids);
        reads["e"].ShouldBe(2);
    }

    [Fact]
    public async Task Many_requests_at_once_wait_for_one_count()
    {
        using var cache = new FigureCache(Options.Create(new FigureOptions { MaxAgeSeconds = 60 }), writes: NoWrite);
        var counts = 0;
        var release = new TaskCompletionSource();
        async Task<int> Count()
        {
            Interlocked.Increment(ref counts);
            await release.Task;
            return 42;
        }

        var asked = Enumerable.Range(0, 16).Select(_ => cache.GetOrComputeAsync("test-once", Director, "", Today, Count)).ToList();
        release.SetResult();
        (await Task.WhenAll(asked)).ShouldAllBe(v => v == 42);
        counts.ShouldBe(1);
    }

    [Fact]
    public async Task Past_half_its_age_one_request_recounts_while_the_others_read_the_figures_it_replaces()
    {
        var clock = new MovableClock();
        using var cache = new FigureCache(Options.Create(new FigureOptions { MaxAgeSeconds = 60 }), clock, NoWrite);
        var counted = 0;
        var recount = new TaskCompletionSource();
        async Task<int> Count()
        {
            if (Interlocked.Increment(ref counted) == 1) return 1;
            await recount.Task;
            return 2;
        }

        (await cache.GetOrComputeAsync("test-ahead", Director, "", Today, Count)).ShouldBe(1);
        clock.Advance(TimeSpan.FromSeconds(31));

        var recounting = cache.GetOrComputeAsync("test-ahead", Director, "", Today, Count);
        recounting.IsCompleted.ShouldBeFalse();
        // Meanwhile the others are not held: they read the first count.
        var others = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => cache.GetOrComputeAsync("test-ahead", Director, "", Today, Count)));
        others.ShouldAllBe(v => v == 1);
        counted.ShouldBe(2);

        recount.SetResult();
        (await recounting).ShouldBe(2);
        (await cache.GetOrComputeAsync("test-ahead", Director, "", Today, Count)).ShouldBe(2);
        counted.ShouldBe(2);
    }

    [Fact]
    public async Task Figures_are_never_served_past_their_allowed_age()
    {
        var clock = new MovableClock();
        using var cache = new FigureCache(Options.Create(new FigureOptions { MaxAgeSeconds = 60 }), clock, NoWrite);
        var counted = 0;
        var never = new TaskCompletionSource();
        async Task<int> Count()
        {
            var n = Interlocked.Increment(ref counted);
            // The recount started past half the age never ends: once the age is past, the next request waits for its own.
            if (n == 2) await never.Task;
            return n;
        }

        (await cache.GetOrComputeAsync("test-age", Director, "", Today, Count)).ShouldBe(1);
        clock.Advance(TimeSpan.FromSeconds(31));
        var stuck = cache.GetOrComputeAsync("test-age", Director, "", Today, Count);
        (await cache.GetOrComputeAsync("test-age", Director, "", Today, Count)).ShouldBe(1);
        clock.Advance(TimeSpan.FromSeconds(30));
        (await cache.GetOrComputeAsync("test-age", Director, "", Today, Count)).ShouldBe(3);
        stuck.IsCompleted.ShouldBeFalse();
        never.SetResult();
        (await stuck).ShouldBe(2);
    }

    [Fact]
    public async Task A_past_year_s_figures_have_no_age_while_the_other_instances_are_heard()
    {
        var clock = new MovableClock();
        var shared = new SharedGenerations();
        long pastWrites = 0;
        using var cache = new FigureCache(Options.Create(new FigureOptions { MaxAgeSeconds = 60 }), clock, NoWrite, () => pastWrites, shared);
        var counts = new Dictionary<int, int> { [Today.Year - 1] = 0, [Today.Year] = 0 };
        Task<int> Figures(int year) => cache.GetOrComputeAsync("test-heard", Director, year.ToString(System.Globalization.CultureInfo.InvariantCulture), Today,
            () => Task.FromResult(++counts[year]), ofYear: year);

        shared.MarkHeard(clock.GetUtcNow().UtcDateTime);
        (await Figures(Today.Year - 1)).ShouldBe(1);
        (await Figures(Today.Year)).ShouldBe(1);

        // An hour later, the row read a second ago: last year's figures are served, this year's counted again at their age.
        clock.Advance(TimeSpan.FromHours(1));
        shared.MarkHeard(clock.GetUtcNow().UtcDateTime.AddSeconds(-1));
        (await Figures(Today.Year - 1)).ShouldBe(1);
        (await Figures(Today.Year)).ShouldBe(2);

        // A write that may reach a past year, here or heard from elsewhere: counted again.
        pastWrites++;
        (await Figures(Today.Year - 1)).ShouldBe(2);

        // The row not read for longer than the allowed age: last year's figures follow their age again.
        clock.Advance(TimeSpan.FromSeconds(61));
        (await Figures(Today.Year - 1)).ShouldBe(3);
        (await Figures(Today.Year - 1)).ShouldBe(3);
    }

    [Fact]
    public async Task After_a_write_a_slow_count_is_done_again_in_the_background_as_the_same_user_while_the_figures_it_replaces_are_served()
    {
        var clock = new MovableClock();
        long writes = 0;
        var counts = new SlowCounts(clock);
        await using var services = new ServiceCollection().AddHttpContextAccessor().AddSingleton(counts).AddScoped<SlowFigures>().BuildServiceProvider();
        using var cache = new FigureCache(Options.Create(new FigureOptions { MaxAgeSeconds = 60, BackgroundRecountAfterSeconds = 2 }), clock, () => writes,
            scopes: services.GetRequiredService<IServiceScopeFactory>());
        var language = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
        try
        {
            await using var request = services.CreateAsyncScope();
            var owner = request.ServiceProvider.GetRequiredService<SlowFigures>();
            Task<int> Figures() => cache.GetOrRecountAsync("test-slow", Director, "", Today, owner, (o, ct) => o.CountAsync(ct), CancellationToken.None);

            (await Figures()).ShouldBe(1); // counted in 3 s by the clock

            writes++;
            counts.Held = new TaskCompletionSource();
            var served = Figures();
            served.IsCompletedSuccessfully.ShouldBeTrue(); // not held by the count under way
            (await served).ShouldBe(1);
            await Eventually(() => counts.Counted == 2);
            (await Figures()).ShouldBe(1);
            counts.Counted.ShouldBe(2); // one count in the background, not one a request

            counts.Held.SetResult();
            await Eventually(() => Figures().Result == 2);
            counts.Counted.ShouldBe(2);
            // In a scope of its own, as the user of the request and in his language.
            counts.Apart.ShouldBe([(Roles.Director, "en")]);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = language;
        }
    }

    [Fact]
    public async Task Figures_out_of_date_are_not_served_while_recounted_when_the_data_were_last_known_unchanged_longer_ago_than_the_allowed_age()
    {
        var clock = new MovableClock();
        var shared = new SharedGenerations();
        long pastWrites = 0;
        var counts = new SlowCounts(clock);
        await using var services = new ServiceCollection().AddHttpContextAccessor().AddSingleton(counts).AddScoped<SlowFigures>().BuildServiceProvider();
        using var cache = new FigureCache(Options.Create(new FigureOptions { MaxAgeSeconds = 60, BackgroundRecountAfterSeconds = 2 }), clock, NoWrite,
            () => pastWrites, shared, services.GetRequiredService<IServiceScopeFactory>());
        await using var request = services.CreateAsyncScope();
        var owner = request.ServiceProvider.GetRequiredService<SlowFigures>();
        Task<int> Figures() => cache.GetOrRecountAsync("test-unread", Director, "", Today, owner, (o, ct) => o.CountAsync(ct), CancellationToken.None, ofYear: Today.Year - 1);

        shared.MarkHeard(clock.GetUtcNow().UtcDateTime);
        (await Figures()).ShouldBe(1);

        // Nobody read them for longer than the allowed age, then a write: the figures might miss it for longer than
        // that, so the request waits for the count.
        clock.Advance(TimeSpan.FromSeconds(61));
        shared.MarkHeard(clock.GetUtcNow().UtcDateTime);
        pastWrites++;
        counts.Held = new TaskCompletionSource();
        var waiting = Figures();
        await Eventually(() => counts.Counted == 2);
        waiting.IsCompleted.ShouldBeFalse();
        counts.Held.SetResult();
        (await waiting).ShouldBe(2);
        counts.Apart.ShouldBeEmpty();
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(25);
        condition().ShouldBeTrue();
    }

    /// <summary>What the counts of <see cref="SlowFigures"/> did: the first takes 3 s by the clock; the others wait for <see cref="Held"/> if set.</summary>
    private sealed class SlowCounts(MovableClock clock)
    {
        public int Counted;
        public TaskCompletionSource? Held;
        public MovableClock Clock { get; } = clock;
        /// <summary>The role and language of each count made apart from the request.</summary>
        public List<(string Role, string Language)> Apart { get; } = [];
    }

    private sealed class SlowFigures(SlowCounts counts, IHttpContextAccessor http)
    {
        public async Task<int> CountAsync(CancellationToken ct)
        {
            var n = Interlocked.Increment(ref counts.Counted);
            if (http.HttpContext is { } apart)
                lock (counts.Apart) counts.Apart.Add((apart.User.IsInRole(Roles.Director) ? Roles.Director : "?", System.Globalization.CultureInfo.CurrentUICulture.Name));
            if (n == 1) counts.Clock.Advance(TimeSpan.FromSeconds(3));
            else if (counts.Held is { } held) await held.Task.WaitAsync(ct);
            return n;
        }
    }
}
