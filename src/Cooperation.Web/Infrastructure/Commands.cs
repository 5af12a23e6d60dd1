using Microsoft.AspNetCore.Identity;

namespace Cooperation.Web.Infrastructure;

/// <summary>Command-line tasks run instead of the server: <c>create-admin --email a@b --password ... [--reset]</c>.</summary>
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
            Console.Error.WriteLine("usage: create-admin --email ADDRESS [--password PASSWORD | env COOPERATION_ADMIN_PASSWORD] [--reset]");
            return 2;
        }
        await app.PrepareDatabaseAsync();
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null && !args.Contains("--reset"))
        {
            Console.Error.WriteLine($"A user {email} already exists (add --reset to give it this password and the Administrator role back).");
            return 1;
        }
        if (existing is not null) return Report(await ResetAdministratorAsync(scope.ServiceProvider, existing, password), $"Administrator {email} reset.");
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, Roles.Administrator);
        return Report(result, $"Administrator {email} created.");
    }

    /// <summary>
    /// The way back in when the last administrator is locked out or forgot her password: a new password, no lock, the
    /// Administrator role alone, and a new security stamp, which ends every session and token the account still had.
    /// </summary>
    private static async Task<IdentityResult> ResetAdministratorAsync(IServiceProvider services, AppUser user, string password)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var db = services.GetRequiredService<CooperationDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (result.Succeeded) result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded) result = await users.ResetAccessFailedCountAsync(user);
        var roles = await users.GetRolesAsync(user);
        if (result.Succeeded && roles.Any(r => r != Roles.Administrator)) result = await users.RemoveFromRolesAsync(user, roles.Where(r => r != Roles.Administrator));
        if (result.Succeeded && !roles.Contains(Roles.Administrator)) result = await users.AddToRoleAsync(user, Roles.Administrator);
        if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded) return result;
        db.AuditEntries.Add(Features.Admin.Users.ResetUserPassword.PasswordEntry(services.GetRequiredService<IAuditActor>(),
            services.GetRequiredService<TimeProvider>(), user.Id));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return result;
    }

    private static int Report(IdentityResult result, string done)
    {
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) Console.Error.WriteLine(e.Description);
            return 1;
        }
        Console.WriteLine(done);
        return 0;
    }
}
