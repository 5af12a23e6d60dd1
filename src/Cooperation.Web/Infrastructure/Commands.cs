using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace Cooperation.Web.Infrastructure;

/// <summary>
/// Command-line tasks run instead of the server, with the application's configuration (the database it would use):
/// <list type="bullet">
/// <item><c>create-admin --email a@b [--password ...] [--reset]</c>: the first administrator, or the way back in for one locked out.</item>
/// <item><c>verify-audit</c>: whether the audit trail's hash chain is intact, and where it breaks (exit 1).</item>
/// <item><c>backup --to FILE</c> and <c>restore --from FILE [--force]</c>: see <see cref="Backups"/>.</item>
/// <item><c>apply-retention [--dry-run]</c>: pseudonymises the persons past their retention period.</item>
/// </list>
/// Exit codes: 0 done, 1 refused or failed, 2 wrong usage.
/// </summary>
public static class Commands
{
    private const string Usage = """
        usage:
          create-admin --email ADDRESS [--password PASSWORD | env COOPERATION_ADMIN_PASSWORD] [--reset]
          verify-audit
          backup --to FILE
          restore --from FILE [--force]
          apply-retention [--dry-run]
        """;

    /// <summary>The commands' switches, which take no value.</summary>
    private static readonly HashSet<string> Switches = ["--force", "--dry-run", "--reset"];

    /// <summary>
    /// The arguments the configuration reads: all but a command's switches. The command-line configuration takes the
    /// argument after a bare <c>--name</c> as its value, so <c>restore --from F --force --Database:Provider=Postgres</c>
    /// would otherwise lose the provider to <c>force</c> and restore into the default SQLite file.
    /// </summary>
    public static string[] ConfigurationArguments(string[] args) =>
        args.Length == 0 || args[0].StartsWith('-') ? args : args.Where(a => !Switches.Contains(a)).ToArray();

    public static async Task<int?> RunCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) return null;
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        bool Flag(string name) => args.Contains(name);
        var exitCode = args[0] switch
        {
            "create-admin" => await CreateAdminAsync(app, Arg("--email"), Arg("--password") ?? Environment.GetEnvironmentVariable("COOPERATION_ADMIN_PASSWORD"), Flag("--reset")),
            "verify-audit" => await VerifyAuditAsync(app),
            "backup" => await WithDatabaseAsync(app, (backups, ct) => backups.BackupAsync(Arg("--to"), Console.Out, ct)),
            "restore" => await WithDatabaseAsync(app, (backups, ct) => backups.RestoreAsync(Arg("--from"), Flag("--force"), Console.Out, ct)),
            "apply-retention" => await ApplyRetentionAsync(app, Flag("--dry-run")),
            _ => (int?)null,
        };
        // The servers on the same database hear of this command's writes (their figures are counted again).
        if (exitCode is not null) await app.Services.GetRequiredService<SharedGenerationsSync>().PublishPendingAsync();
        return exitCode;
    }

    private static async Task<int> CreateAdminAsync(WebApplication app, string? email, string? password, bool reset)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        await app.PrepareDatabaseAsync();
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null && !reset)
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

    /// <summary>Reads the chain as the database holds it: nothing is migrated nor sealed first, so that nothing is hidden.</summary>
    private static async Task<int> VerifyAuditAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperationDbContext>();
        if ((await Database.PendingMigrationsAsync(db)).Count > 0)
        {
            Console.Error.WriteLine("The database is not up to date: start the application once to migrate it (and seal the trail), then verify.");
            return 1;
        }
        var integrity = await AuditTrail.VerifyAsync(db);
        Console.WriteLine(Describe(integrity));
        return integrity.Intact ? 0 : 1;
    }

    /// <summary>The verification in a sentence (the operator's language on this machine is the log's: English).</summary>
    public static string Describe(AuditIntegrity integrity)
    {
        var head = integrity.HeadSequence is { } s ? $"last no. {s.ToString(CultureInfo.InvariantCulture)}, hash {integrity.HeadHash}" : "empty";
        var rewritten = integrity.RewrittenEntries > 0 ? $"; {integrity.RewrittenEntries} entries pseudonymised" : "";
        if (integrity.FirstBreak is not { } b)
            return $"Audit trail intact: {integrity.Entries} entries, {head}{rewritten}.";
        var where = $"entry id {b.EntryId}" + (b.Sequence is { } n ? $" (no. {n})" : "");
        var why = b.Kind switch
        {
            AuditBreakKind.Altered => "its content or place no longer matches its hash: it was changed",
            AuditBreakKind.Missing => $"entries are missing before it (no. {b.ExpectedSequence} expected): they were deleted",
            AuditBreakKind.Relinked => "it does not follow the entry before it: that entry was replaced",
            AuditBreakKind.Unsealed => "it has no seal: it was written outside the application",
            _ => "its content was replaced without a pseudonymisation entry naming it",
        };
        return $"Audit trail BROKEN at {where}: {why}. {integrity.Entries} entries in all.";
    }

    private static async Task<int> WithDatabaseAsync(WebApplication app, Func<Backups, CancellationToken, Task<int>> run)
    {
        using var scope = app.Services.CreateScope();
        try
        {
            return await run(ActivatorUtilities.CreateInstance<Backups>(scope.ServiceProvider), CancellationToken.None);
        }
        catch (BackupException e)
        {
            Console.Error.WriteLine(e.Message);
            return e.UsageError ? 2 : 1;
        }
    }

    private static async Task<int> ApplyRetentionAsync(WebApplication app, bool dryRun)
    {
        await app.PrepareDatabaseAsync();
        using var scope = app.Services.CreateScope();
        var retention = scope.ServiceProvider.GetRequiredService<Features.Admin.PersonalData.RetentionPass>();
        Features.Admin.PersonalData.RetentionPass.Outcome outcome;
        try
        {
            outcome = await retention.RunAsync(dryRun);
        }
        catch (Features.Admin.PersonalData.RetentionSettingsException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        Console.WriteLine(outcome.Describe(dryRun));
        return 0;
    }
}
