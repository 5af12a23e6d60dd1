using Cooperation.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Cooperation.Tests.Security;

/// <summary>
/// <c>create-admin --reset</c>, the way back in for a locked-out administrator, is a change of password, lock and role
/// like the others: the sessions the account had end.
/// </summary>
public class CreateAdminCommandTests(ClockedFactory factory) : IClassFixture<ClockedFactory>
{
    /// <summary>Runs a command as <c>dotnet Cooperation.Web.dll ...</c> would, on the factory's database.</summary>
    private async Task<int> RunAsync(params string[] args)
    {
        var config = factory.Services.GetRequiredService<IConfiguration>();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            // As Program.cs reads them: a command's switches (--reset) are no settings.
            Args = Commands.ConfigurationArguments([.. args, "--Database:Provider=" + config["Database:Provider"],
                "--ConnectionStrings:Cooperation=" + config.GetConnectionString("Cooperation"), "--Demo:Enabled=false"]),
        });
        builder.AddCooperation();
        await using var app = builder.Build();
        return (await app.RunCommandAsync(args))!.Value;
    }

    [Fact]
    public async Task Resetting_an_existing_account_makes_it_an_unlocked_administrator_and_ends_its_sessions()
    {
        const string email = "ancien.admin@test.local";
        const string password = "Retour-Admin-2026!";
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);
        var created = await admin.PostAsJsonAsync("/api/v1/users",
            new { email, displayName = "Ancien administrateur", role = "DeskOfficer", zoneCodes = new[] { "BAL" }, password = CooperationFactory.Password });
        var id = (await JsonAsync(created)).GetProperty("id").GetString()!;
        var api = factory.CreateClient();
        var token = await ApiTokens.SignInAsync(api, email);
        var cookie = await Visitor.Of(factory).SignInAsync(email);
        // Five wrong passwords lock the account.
        for (var i = 0; i < 5; i++) await api.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "faux-mot-de-passe" });

        (await RunAsync("create-admin", "--email", email, "--password", password)).ShouldBe(1); // exists: --reset is needed
        (await RunAsync("create-admin", "--email", email, "--password", password, "--reset")).ShouldBe(0);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));

        (await api.SendAsync(token.Request(HttpMethod.Get, "/api/v1/figures"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await cookie.PageStatusAsync("/Network/Cooperants")).ShouldBe(HttpStatusCode.Redirect);
        var fresh = await ApiTokens.SignInAsync(api, email, password);
        (await api.SendAsync(fresh.Request(HttpMethod.Get, "/api/v1/users"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = await (await api.SendAsync(fresh.Request(HttpMethod.Get, $"/api/v1/users/{id}"))).Content.ReadFromJsonAsync<JsonElement>();
        row.GetProperty("role").GetString().ShouldBe("Administrator");
    }
}
