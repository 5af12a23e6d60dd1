using Cooperation.Web.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Cooperation.Tests.Admin.Backups;

/// <summary>A command's switches never take the setting after them: the database named on the command line is the one used.</summary>
[Trait("Category", "Unit")]
public class CommandArgumentsTests
{
    private static IConfiguration Read(params string[] args) =>
        new ConfigurationBuilder().AddCommandLine(Commands.ConfigurationArguments(args)).Build();

    [Theory]
    [InlineData("restore", "--from", "cooperation.backup", "--force")]
    [InlineData("apply-retention", "--dry-run")]
    public void A_switch_before_the_database_settings_leaves_them_whole(params string[] command)
    {
        var config = Read([.. command, "--Database:Provider=Postgres", "--ConnectionStrings:Cooperation=Host=db;Database=coop"]);

        config["Database:Provider"].ShouldBe("Postgres");
        config.GetConnectionString("Cooperation").ShouldBe("Host=db;Database=coop");
    }

    [Fact]
    public void The_server_keeps_its_arguments_as_they_are()
    {
        string[] server = ["--urls", "http://127.0.0.1:8080", "--Database:Provider=Postgres"];
        Commands.ConfigurationArguments(server).ShouldBe(server);
        Read(server)["urls"].ShouldBe("http://127.0.0.1:8080");
    }
}
