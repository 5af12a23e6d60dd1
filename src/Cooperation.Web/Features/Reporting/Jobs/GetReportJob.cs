using System.Linq.Expressions;

namespace Cooperation.Web.Features.Reporting.Jobs;

/// <summary>
/// A report job as its requester (or an administrator) sees it: what was asked, where it stands, and its file once done.
/// <see cref="Kind"/> is annual-pdf, annual-docx or series; <see cref="Status"/> queued, running, done or failed;
/// <see cref="File"/> the address of its file (done only).
/// </summary>
public sealed record ReportJobView(
    int Id, string Kind, int Year, string? Zone, string Language, string Status, int Percent, string? Step,
    DateTime QueuedAt, DateTime? StartedAt, DateTime? FinishedAt, string? Error, string? FileName, long? FileLength, string? File,
    string RequestedBy, int Runs)
{
    [System.Text.Json.Serialization.JsonIgnore] public ReportJobKind KindValue { get; init; }
    [System.Text.Json.Serialization.JsonIgnore] public ReportJobStatus StatusValue { get; init; }
}

/// <summary>The words of report jobs in the API: kinds and statuses in kebab case.</summary>
public static class ReportJobWords
{
    public static readonly IReadOnlyDictionary<string, ReportJobKind> Kinds = new Dictionary<string, ReportJobKind>
    {
        ["annual-pdf"] = ReportJobKind.AnnualPdf, ["annual-docx"] = ReportJobKind.AnnualDocx, ["series"] = ReportJobKind.Series,
    };

    public static string Name(ReportJobKind kind) => Kinds.Single(k => k.Value == kind).Key;

    public static string Name(ReportJobStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>What a kind is, for people.</summary>
    public static string Label(ReportJobKind kind) => kind switch
    {
        ReportJobKind.AnnualPdf => "Rapport annuel (PDF)",
        ReportJobKind.AnnualDocx => "Rapport annuel (DOCX)",
        _ => "Série de dix ans (Excel)",
    };

    public static string Label(ReportJobStatus status) => status switch
    {
        ReportJobStatus.Queued => "En attente",
        ReportJobStatus.Running => "En cours",
        ReportJobStatus.Done => "Terminé",
        _ => "Échec",
    };
}

/// <summary>One report job and its file: the requester's own, or any for an administrator; anything else is 404.</summary>
public class GetReportJob(CooperationDbContext db, Access access, StoredFiles files) : IUseCase
{
    public async Task<ReportJobView> HandleAsync(int id, CancellationToken ct = default)
    {
        var job = await Visible(db.ReportJobs.AsNoTracking().Where(j => j.Id == id)).Select(Projection).FirstOrDefaultAsync(ct);
        return job is null ? throw new RecordNotFoundException() : With(job);
    }

    /// <summary>The file a done job made; 404 when the job is not his, not done, or purged.</summary>
    public async Task<FileDownload> FileAsync(int id, CancellationToken ct = default)
    {
        var fileId = await Visible(db.ReportJobs.AsNoTracking().Where(j => j.Id == id && j.Status == ReportJobStatus.Done))
            .Select(j => j.ResultFileId).FirstOrDefaultAsync(ct);
        return fileId is { } file ? await files.LoadAsync(file, ct) : throw new RecordNotFoundException();
    }

    /// <summary>The jobs the user sees: his own, or all for an administrator.</summary>
    internal IQueryable<ReportJob> Visible(IQueryable<ReportJob> jobs)
    {
        if (access.SeesAllReportJobs) return jobs;
        if (!access.MayRequestReportJobs) return jobs.Where(_ => false);
        var user = access.UserId;
        return jobs.Where(j => j.RequestedById == user);
    }

    internal static readonly Expression<Func<ReportJob, ReportJobView>> Projection = j => new ReportJobView(
        j.Id, "", j.Year, j.Zone == null ? null : j.Zone.Code, j.Language, "", j.Percent, j.Step, j.QueuedAt, j.StartedAt, j.FinishedAt, j.Error,
        j.ResultFile == null ? null : j.ResultFile.FileName, j.ResultFile == null ? null : j.ResultFile.Length, null, j.RequestedByName, j.Runs)
    {
        KindValue = j.Kind, StatusValue = j.Status,
    };

    /// <summary>The words of the API, and the file's address once done.</summary>
    internal static ReportJobView With(ReportJobView job) => job with
    {
        Kind = ReportJobWords.Name(job.KindValue),
        Status = ReportJobWords.Name(job.StatusValue),
        File = job.StatusValue == ReportJobStatus.Done && job.FileName is not null ? $"/api/v1/reports/jobs/{job.Id}/file" : null,
    };
}
