using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Cooperation.Tests.Account;

/// <summary>
/// The application with Identity's own work factor for passwords (the other tests hash theirs lightly, see
/// <see cref="CooperationFactory.Configure"/>): what a refusal's delay tells depends on it.
/// </summary>
public sealed class ProductionHashingFactory : CooperationFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = new PasswordHasherOptions().IterationCount));
    }
}

public class LoginTimingTests(ProductionHashingFactory factory) : IClassFixture<ProductionHashingFactory>
{
    /// <summary>
    /// Each refusal hashes a password once, so that its delay does not tell an existing account from an unknown one (it
    /// was some 80 ms against 6). Medians of interleaved tries, compared within a wide factor: a loaded machine slows all
    /// three alike, while a refusal that skips the hash is ten times faster.
    /// </summary>
    [Fact]
    public async Task Unknown_address_wrong_password_and_locked_account_take_comparable_time()
    {
        var wrong = await LoginTests.AccountAsync(factory, "lent.mauvais@test.local", locked: false);
        var locked = await LoginTests.AccountAsync(factory, "lent.verrouille@test.local", locked: true);
        var client = factory.CreateClient();
        var tries = new Dictionary<string, List<double>> { ["unknown"] = [], ["wrong"] = [], ["locked"] = [] };
        var emails = new Dictionary<string, string> { ["unknown"] = "lent.inconnu@test.local", ["wrong"] = wrong, ["locked"] = locked };

        for (var round = -1; round < 7; round++)
            foreach (var (kind, email) in emails)
            {
                var clock = Stopwatch.StartNew();
                var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Quelconque-123!" });
                clock.Stop();
                response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
                if (round >= 0) tries[kind].Add(clock.Elapsed.TotalMilliseconds); // the first round warms up
                // The wrong-password account must stay a merely wrong one, not become a locked one.
                if (kind == "wrong")
                    await factory.WithDbAsync(db => db.Users.Where(u => u.Email == wrong).ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0)));
            }

        var medians = tries.ToDictionary(t => t.Key, t => t.Value.Order().ElementAt(t.Value.Count / 2));
        var summary = string.Join(", ", medians.Select(m => $"{m.Key} {m.Value:0} ms"));
        (medians.Values.Max() / medians.Values.Min()).ShouldBeLessThan(3.0, summary);
    }
}
