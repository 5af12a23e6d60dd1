using System.Text.Json.Nodes;
using Cooperation.Web.Features.Admin.PersonalData;
using Microsoft.Extensions.Configuration;

namespace Cooperation.Tests.Admin.PersonalData;

/// <summary>
/// The retention pass (the apply-retention command, run by a scheduler) pseudonymises the persons past their retention
/// period, and only them; unset, it keeps everyone.
/// </summary>
public class RetentionTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static readonly string[] Periods = ["--Retention:TraineesYears=15", "--Retention:CooperantsYears=15"];

    /// <summary>A trainee enrolled in a session that began <paramref name="yearsAgo"/> years ago, now completed.</summary>
    private async Task<TestTrainee> TraineeTrainedAsync(int yearsAgo)
    {
        var session = await factory.SessionAsync(start: Today.AddYears(-yearsAgo));
        var trainee = await factory.TraineeAsync("CI");
        await factory.PassAsync(await factory.NominateAsync(session.Id, trainee));
        await factory.WithDbAsync(async db =>
        {
            (await db.CourseSessions.SingleAsync(s => s.Id == session.Id)).Status = SessionStatus.Completed;
            return await db.SaveChangesAsync();
        });
        return trainee;
    }

    /// <summary>A former coopérant whose one posting ended <paramref name="yearsAgo"/> years ago.</summary>
    private Task<int> CooperantLeftAsync(int yearsAgo) => factory.WithDbAsync(async db =>
    {
        var last = UniqueName("Bernard");
        var cooperant = new Cooperant
        {
            FirstName = "Paul", LastName = last, NormalizedName = Cooperant.Normalize("Paul", last), Rank = "Colonel", Email = $"{last}@defense.gouv.fr",
            AdministrationId = await db.Administrations.Where(a => a.Code == "ARM").Select(a => a.Id).SingleAsync(),
        };
        var end = Today.AddYears(-yearsAgo);
        cooperant.Post(new PostingTerms(await db.Countries.Where(c => c.Iso2 == "SN").Select(c => c.Id).SingleAsync(), null,
            await db.HostAuthorityTypes.Select(t => t.Id).FirstAsync(), "État-major général", "Conseiller", end.AddYears(-3), end, end));
        db.Cooperants.Add(cooperant);
        await db.SaveChangesAsync();
        return cooperant.Id;
    });

    private Task<(string LastName, DateTime? PseudonymisedAt)> TraineeStateAsync(int id) =>
        factory.WithDbAsync(async db => await db.Trainees.Where(t => t.Id == id).Select(t => new ValueTuple<string, DateTime?>(t.LastName, t.PseudonymisedAt)).SingleAsync());

    /// <summary>
    /// The pass in this process, with the periods given as the command line would: what the command prints. The command
    /// itself (a process of the application) runs once below, for the real pass.
    /// </summary>
    private async Task<string> PassAsync(bool dryRun, params string[] periods)
    {
        var config = new ConfigurationBuilder().AddCommandLine(periods).Build();
        using var scope = factory.Services.CreateScope();
        var pass = ActivatorUtilities.CreateInstance<RetentionPass>(scope.ServiceProvider, (IConfiguration)config);
        return (await pass.RunAsync(dryRun)).Describe(dryRun);
    }

    [Fact]
    public async Task The_pass_pseudonymises_the_persons_past_their_period_and_keeps_the_others()
    {
        var old = await TraineeTrainedAsync(20);
        var followed = await TraineeTrainedAsync(20);
        await factory.CareerAsync(followed.Id, "Chef d'état-major de l'armée de terre", Today.AddYears(-2), null, prominent: true);
        var recent = await TraineeTrainedAsync(3);
        var gone = await CooperantLeftAsync(16);
        var left = await CooperantLeftAsync(2);
        var database = AppProcess.DatabaseArguments(factory);

        (await PassAsync(dryRun: true)).ShouldBe("Dry run. Trainees: no retention period set (Retention:TraineesYears), kept; Cooperants: no retention period set (Retention:CooperantsYears), kept.");
        (await PassAsync(dryRun: true, Periods)).ShouldBe("Dry run. Trainees: 1 past 15 years would be pseudonymised; Cooperants: 1 past 15 years would be pseudonymised.");
        (await Should.ThrowAsync<RetentionSettingsException>(() => PassAsync(dryRun: true, "--Retention:TraineesYears=0")))
            .Message.ShouldBe("Retention:TraineesYears and Retention:CooperantsYears count whole years, at least 1.");
        (await TraineeStateAsync(old.Id)).PseudonymisedAt.ShouldBeNull();

        var run = await AppProcess.RunAsync(["apply-retention", .. database, .. Periods]);

        run.ExitCode.ShouldBe(0, run.Output + run.Errors);
        run.Output.ShouldContain("Trainees: 1 past 15 years pseudonymised; Cooperants: 1 past 15 years pseudonymised.");
        var pseudonymised = await TraineeStateAsync(old.Id);
        pseudonymised.LastName.ShouldBe($"STAGIAIRE-{old.Id}");
        pseudonymised.PseudonymisedAt.ShouldNotBeNull();
        (await TraineeStateAsync(followed.Id)).ShouldBe((followed.LastName, null));
        (await TraineeStateAsync(recent.Id)).ShouldBe((recent.LastName, null));
        (await factory.WithDbAsync(db => db.Nominations.CountAsync(n => n.TraineeId == old.Id && n.CertificateCode != null))).ShouldBe(1);
        var cooperants = await factory.WithDbAsync(db => db.Cooperants.Where(c => c.Id == gone || c.Id == left)
            .ToDictionaryAsync(c => c.Id, c => (c.LastName, c.Email)));
        cooperants[gone].ShouldBe(($"COOPERANT-{gone}", (string?)null));
        cooperants[left].Email.ShouldNotBeNull();
        var recorded = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditChain.PseudonymisedAction && e.EntityKey == old.Id.ToString()));
        (recorded.UserName, recorded.EntityType).ShouldBe(("system", "Trainee"));
        JsonNode.Parse(recorded.After!)!["Reason"]!.GetValue<string>().ShouldBe(RetentionPass.Reason);
        (await factory.WithDbAsync(db => AuditTrail.VerifyAsync(db))).Intact.ShouldBeTrue();

        (await PassAsync(dryRun: true, Periods)).ShouldBe("Dry run. Trainees: 0 past 15 years would be pseudonymised; Cooperants: 0 past 15 years would be pseudonymised.");
    }
}
