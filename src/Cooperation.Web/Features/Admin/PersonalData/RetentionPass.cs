namespace Cooperation.Web.Features.Admin.PersonalData;

/// <summary>
/// How long the directorate keeps a person's identity once it no longer works with him (<c>Retention:TraineesYears</c>,
/// <c>Retention:CooperantsYears</c>); unset, it keeps it (the behaviour before the setting existed).
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>Years after a trainee's last session ended and his last recorded position ended.</summary>
    public int? TraineesYears { get; set; }
    /// <summary>Years after a coopérant's last posting ended.</summary>
    public int? CooperantsYears { get; set; }
}

/// <summary>Retention periods the configuration sets wrong: the pass does not run, the operator is told why.</summary>
public sealed class RetentionSettingsException(string message) : InvalidOperationException(message);

/// <summary>
/// Pseudonymises the persons past their retention period, each in his own transaction as a request would
/// (<see cref="PseudonymisePerson"/>), by the system. Past retention: a trainee whose sessions all ended, and whose
/// career positions all ended, more than <see cref="RetentionOptions.TraineesYears"/> years ago (an alumnus whose career
/// is still followed is kept; a trainee with no session is not dated, so kept); a coopérant whose postings all ended
/// more than <see cref="RetentionOptions.CooperantsYears"/> years ago. Run by the <c>apply-retention</c> command,
/// from a scheduler (cron, a Kubernetes CronJob): one run at a time, whatever the number of instances.
/// </summary>
public class RetentionPass(CooperationDbContext db, PseudonymisePerson pseudonymise, PersonRecords records, IConfiguration config, TimeProvider clock)
    : IUseCase
{
    /// <summary>The reason the trail records for a pseudonymisation at the end of the retention period.</summary>
    public const string Reason = "Fin de la durée de conservation";

    public record Outcome(int? TraineesYears, int? CooperantsYears, IReadOnlyList<int> Trainees, IReadOnlyList<int> Cooperants)
    {
        public string Describe(bool dryRun)
        {
            string Part(string who, int? years, int count) => years is null
                ? $"{who}: no retention period set (Retention:{who}Years), kept"
                : $"{who}: {count} past {years} years{(dryRun ? " would be" : "")} pseudonymised";
            return (dryRun ? "Dry run. " : "") + Part("Trainees", TraineesYears, Trainees.Count) + "; " + Part("Cooperants", CooperantsYears, Cooperants.Count) + ".";
        }
    }

    public RetentionOptions Options
    {
        get
        {
            var options = config.GetSection("Retention").Get<RetentionOptions>() ?? new RetentionOptions();
            if (options.TraineesYears is < 1 || options.CooperantsYears is < 1)
                throw new RetentionSettingsException("Retention:TraineesYears and Retention:CooperantsYears count whole years, at least 1.");
            return options;
        }
    }

    public async Task<Outcome> RunAsync(bool dryRun = false, CancellationToken ct = default)
    {
        var options = Options;
        var trainees = options.TraineesYears is { } t ? await DueTraineesAsync(t, ct) : [];
        var cooperants = options.CooperantsYears is { } c ? await DueCooperantsAsync(c, ct) : [];
        if (!dryRun)
        {
            var history = trainees.Count > 0 ? await records.TraineeHistoryAsync(ct) : null;
            foreach (var id in trainees) await ApplyAsync(PersonKind.Trainee, id, history, ct);
            foreach (var id in cooperants) await ApplyAsync(PersonKind.Cooperant, id, null, ct);
        }
        return new Outcome(options.TraineesYears, options.CooperantsYears, trainees, cooperants);
    }

    private async Task ApplyAsync(PersonKind kind, int id, TraineeHistory? history, CancellationToken ct)
    {
        await pseudonymise.ApplyAsync(kind, id, Reason, null, history, ct);
        db.ChangeTracker.Clear();
    }

    public Task<List<int>> DueTraineesAsync(int years, CancellationToken ct = default)
    {
        var cutoff = clock.Today().AddYears(-years);
        return db.Trainees.AsNoTracking()
            .Where(t => t.PseudonymisedAt == null && t.Nominations.Any()
                        && !t.Nominations.Any(n => n.Session!.EndDate >= cutoff)
                        && !t.Career.Any(c => c.EndDate == null || c.EndDate >= cutoff))
            .OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);
    }

    public Task<List<int>> DueCooperantsAsync(int years, CancellationToken ct = default)
    {
        var cutoff = clock.Today().AddYears(-years);
        return db.Cooperants.AsNoTracking()
            .Where(c => c.PseudonymisedAt == null && c.Postings.Any()
                        && !c.Postings.Any(p => p.ActualEndDate == null || p.ActualEndDate >= cutoff))
            .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
    }
}
