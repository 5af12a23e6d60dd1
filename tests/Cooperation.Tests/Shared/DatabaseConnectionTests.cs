using Cooperation.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Npgsql;

namespace Cooperation.Tests.Shared;

/// <summary>On PostgreSQL the statements a connection repeats are prepared, unless the operator's connection string says otherwise.</summary>
[Trait("Category", "Unit")]
public class DatabaseConnectionTests
{
    private static (bool Postgres, string Connection) Connect(string connection) =>
        Database.Connection(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres", ["ConnectionStrings:Cooperation"] = connection,
        }).Build(), new HostingEnvironment { ContentRootPath = Path.GetTempPath() });

    [Fact]
    public void PostgreSQL_prepares_repeated_statements_by_default_and_keeps_the_rest_of_the_string()
    {
        var (postgres, connection) = Connect("Host=db.internal;Database=cooperation;Username=coop;Password=secret");

        postgres.ShouldBeTrue();
        var built = new NpgsqlConnectionStringBuilder(connection);
        (built.MaxAutoPrepare, built.Host, built.Database, built.Username, built.Password).ShouldBe((64, "db.internal", "cooperation", "coop", "secret"));
    }

    [Fact]
    public void A_connection_string_that_sets_the_prepared_statements_keeps_its_own()
    {
        new NpgsqlConnectionStringBuilder(Connect("Host=db;Database=coop;Max Auto Prepare=0").Connection).MaxAutoPrepare.ShouldBe(0);
    }
}
