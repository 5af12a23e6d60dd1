using Microsoft.AspNetCore.Identity;

namespace Cooperation.Web.Infrastructure;

/// <summary>Command-line tasks run instead of the server: <c>create-admin --email a@b --password ...</c>.</summary>
public static class Commands
{
    public static async Task<int?> RunCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "create-admin") return null;
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var email = Arg("--email");
        var password = Arg("--password") ?? Environment.GetEnvironmentVariable("COOPERATION_ADMIN_PASSWORD");
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            Console.Error.WriteLine("usage: create-admin --email ADDRESS [--password PASSWORD | env COOPERATION_ADMIN_PASSWORD]");
            return 2;
        }
        await app.PrepareDatabaseAsync();
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            Console.Error.WriteLine($"A user {email} already exists.");
            return 1;
        }
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, Roles.Administrator);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) Console.Error.WriteLine(e.Description);
            return 1;
        }
        Console.WriteLine($"Administrator {email} created.");
        return 0;
    }
}
