using Microsoft.EntityFrameworkCore.Design;

namespace Cooperation.Web.Data;

// Used only by `dotnet ef migrations add`: each provider keeps its own migrations (Data/Migrations/Sqlite, .../Postgres).
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCooperationDbContext>
{
    public SqliteCooperationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCooperationDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCooperationDbContext>
{
    public PostgresCooperationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCooperationDbContext>().UseNpgsql("Host=localhost;Database=cooperation_design").Options);
}
