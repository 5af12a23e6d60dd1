using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cooperation.Tests.Shared;

/// <summary>
/// The application loads each provider's compiled model (Data/CompiledModels) instead of building it at start: it must
/// be the model the configurations build today. When this fails, run <c>./migrations.sh</c> (without a name it only
/// writes the compiled models again).
/// </summary>
[Trait("Category", "Unit")]
public class CompiledModelTests
{
    [Fact]
    public void The_SQLite_compiled_model_is_the_configured_one()
    {
        using var configured = new SqliteCooperationDbContext(new DbContextOptionsBuilder<SqliteCooperationDbContext>()
            .UseSqlite("Data Source=:memory:").Options);
        using var compiled = new SqliteCooperationDbContext(new DbContextOptionsBuilder<SqliteCooperationDbContext>()
            .UseSqlite("Data Source=:memory:").UseModel(Cooperation.Web.Data.CompiledModels.Sqlite.SqliteCooperationDbContextModel.Instance).Options);

        ShouldBeTheSame(compiled, configured);
    }

    [Fact]
    public void The_PostgreSQL_compiled_model_is_the_configured_one()
    {
        using var configured = new PostgresCooperationDbContext(new DbContextOptionsBuilder<PostgresCooperationDbContext>()
            .UseNpgsql("Host=localhost;Database=unused").Options);
        using var compiled = new PostgresCooperationDbContext(new DbContextOptionsBuilder<PostgresCooperationDbContext>()
            .UseNpgsql("Host=localhost;Database=unused").UseModel(Cooperation.Web.Data.CompiledModels.Postgres.PostgresCooperationDbContextModel.Instance).Options);

        ShouldBeTheSame(compiled, configured);
    }

    private static void ShouldBeTheSame(DbContext compiled, DbContext configured)
    {
        var loaded = compiled.Model;
        var built = configured.GetService<IDesignTimeModel>().Model;
        loaded.ShouldNotBeSameAs(built);

        var (inCompiled, inConfigured) = (Describe(loaded), Describe(built));
        inConfigured.Count.ShouldBeGreaterThan(1000);
        inCompiled.Except(inConfigured).ShouldBeEmpty("only in the compiled model: run ./migrations.sh");
        inConfigured.Except(inCompiled).ShouldBeEmpty("not in the compiled model: run ./migrations.sh");
    }

    /// <summary>
    /// The database's side (tables, columns and their types, keys, indexes, foreign keys) and the classes' (what EF Core
    /// maps and navigates, the converters, the filters it adds to every query), a line a fact.
    /// </summary>
    private static HashSet<string> Describe(IModel model) =>
        model.GetRelationalModel().Tables.SelectMany(t => new[] { $"{t.Name} key ({Names(t.PrimaryKey?.Columns)})" }
            .Concat(t.Columns.Select(c => $"{t.Name}.{c.Name} {c.StoreType} null:{c.IsNullable}"))
            .Concat(t.Indexes.Select(i => $"{t.Name} index {i.Name} ({Names(i.Columns)}) unique:{i.IsUnique} where:{i.Filter}"))
            .Concat(t.UniqueConstraints.Select(u => $"{t.Name} unique {u.Name} ({Names(u.Columns)})"))
            .Concat(t.ForeignKeyConstraints.Select(f => $"{t.Name} fk {f.Name} ({Names(f.Columns)}) -> {f.PrincipalTable.Name} {f.OnDeleteAction}")))
        .Concat(model.GetEntityTypes().SelectMany(e => new[] { $"{e.Name} -> {e.GetTableName()} filters:{e.GetDeclaredQueryFilters().Count}" }
            .Concat(e.GetProperties().Select(p =>
                $"{e.Name}.{p.Name} {p.ClrType.Name} null:{p.IsNullable} converter:{p.GetTypeMapping().Converter?.GetType().Name} concurrency:{p.IsConcurrencyToken}"))
            .Concat(e.GetNavigations().Select(n => $"{e.Name}.{n.Name} -> {n.TargetEntityType.Name} many:{n.IsCollection}"))
            .Concat(e.GetSkipNavigations().Select(n => $"{e.Name}.{n.Name} => {n.TargetEntityType.Name}"))))
        .ToHashSet(StringComparer.Ordinal);

    private static string Names(IEnumerable<Microsoft.EntityFrameworkCore.Metadata.IColumnBase>? columns) =>
        string.Join(",", columns?.Select(c => c.Name) ?? []);
}
