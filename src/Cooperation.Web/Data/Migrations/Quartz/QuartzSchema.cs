namespace Cooperation.Web.Data.Migrations.Quartz;

/// <summary>The statements that create the scheduler's tables (<c>sqlite.sql</c>, <c>postgres.sql</c>, embedded), for a migration to run one by one.</summary>
public static class QuartzSchema
{
    public static IEnumerable<string> Statements(string provider)
    {
        using var stream = typeof(QuartzSchema).Assembly.GetManifestResourceStream($"Cooperation.Web.Data.Migrations.Quartz.{provider}.sql")
            ?? throw new InvalidOperationException($"The scheduler's schema for {provider} is not embedded.");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd().ReplaceLineEndings("\n");
        return script.Split("\n--;;\n").Select(Statement).Where(s => s.Length > 0).ToList();
    }

    /// <summary>A piece without its comment lines (the generator names each object in one).</summary>
    private static string Statement(string piece) =>
        string.Join('\n', piece.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim();
}
