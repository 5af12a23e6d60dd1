using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Cooperation.Tests.Infrastructure;

/// <summary>What a command of the application printed, and how it ended.</summary>
public sealed record CommandResult(int ExitCode, string Output, string Errors);

/// <summary>
/// The application as an operator runs it — <c>dotnet Cooperation.Web.dll</c>, a process of its own, in Production,
/// with its own appsettings.json — on the database of a factory (or another one): for its commands (verify-audit,
/// backup, restore, apply-retention) and for a server that a test may kill.
/// </summary>
public sealed partial class AppProcess : IDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The provider and connection string arguments of a factory's database.</summary>
    public static string[] DatabaseArguments(CooperationFactory factory)
    {
        var config = factory.Services.GetRequiredService<IConfiguration>();
        return DatabaseArguments(config["Database:Provider"]!, config.GetConnectionString("Cooperation")!);
    }

    public static string[] DatabaseArguments(string provider, string connection) =>
        [$"--Database:Provider={provider}", $"--ConnectionStrings:Cooperation={connection}"];

    /// <summary>Runs a command to its end (at most two minutes).</summary>
    public static async Task<CommandResult> RunAsync(params string[] arguments)
    {
        using var process = Process.Start(StartInfo(arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CommandResult(process.ExitCode, await output, await errors);
    }

    /// <summary>Starts the server on a free loopback port and waits until it listens (at most two minutes).</summary>
    public static async Task<AppProcess> StartServerAsync(params string[] arguments)
    {
        var process = Process.Start(StartInfo([.. arguments, "--urls", "http://127.0.0.1:0"]))!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new StringBuilder();
        void Read(string? line)
        {
            if (line is null) return;
            lock (log) log.AppendLine(line);
            if (Listening().Match(line) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups[1].Value));
        }
        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // As long as a command may take: on a loaded machine a start (migrations checked, the trail's seals) takes a while.
        var started = await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(2)));
        if (started != listening.Task)
        {
            var why = process.HasExited ? $"it exited with code {process.ExitCode}" : "it did not listen within two minutes";
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The application did not start: {why}.\n" + log);
        }
        return new AppProcess(process, await listening.Task);
    }

    /// <summary>Ends the process at once, as a crash or a power cut would: SIGKILL, nothing flushed, nothing rolled back by it.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public bool HasExited => _process.HasExited;

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var folder = WebFolder();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(folder, "Cooperation.Web.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_URLS");
        return start;
    }

    /// <summary>The web project's own output (its appsettings.json, its resources), built in the tests' configuration.</summary>
    private static string WebFolder()
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory);   // tests/Cooperation.Tests/bin/<Configuration>/net10.0/
        var framework = bin.Name;
        var configuration = bin.Parent!.Name;
        var root = bin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Cooperation.slnx"))) root = root.Parent;
        var folder = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Repository root not found"),
            "src", "Cooperation.Web", "bin", configuration, framework);
        if (!File.Exists(Path.Combine(folder, "Cooperation.Web.dll"))) throw new InvalidOperationException($"The application is not built in {folder}.");
        return folder;
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
