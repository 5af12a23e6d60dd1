namespace Cooperation.Web.Domain;

/// <summary>What a report job makes: the annual report as PDF or DOCX, or the ten-year series of its key figures (Excel).</summary>
public enum ReportJobKind { AnnualPdf, AnnualDocx, Series }

public enum ReportJobStatus { Queued, Running, Done, Failed }

/// <summary>
/// A report asked for in the background: who asked, what (kind, year, zone, language), where it stands (status, percent
/// and step, times, error) and, once done, the file made, kept as a <see cref="StoredFile"/>. The scheduler (Quartz, on the
/// application's database) runs it; this record is what its requester sees, and what makes a second run of the same job
/// — after a restart, or on another instance — a no-op once it is done.
/// </summary>
public class ReportJob : IAudited
{
    public const int MaxStep = 200, MaxError = 1000;

    /// <summary>The ten years a series counts, ending with the year asked for.</summary>
    public const int SeriesYears = 10;

    public int Id { get; set; }
    public required string RequestedById { get; set; }
    public required string RequestedByName { get; set; }
    public ReportJobKind Kind { get; set; }
    public int Year { get; set; }
    /// <summary>The zone of the report; null for the whole world.</summary>
    public int? ZoneId { get; set; }
    public Zone? Zone { get; set; }
    /// <summary>fr or en.</summary>
    public required string Language { get; set; }
    public ReportJobStatus Status { get; set; }
    /// <summary>0 to 100.</summary>
    public int Percent { get; set; }
    /// <summary>What the job is doing, in the job's language ("La formation", "Année 2019").</summary>
    public string? Step { get; set; }
    /// <summary>How many times a scheduler started it: more than one only after an interruption (a restart, a crash).</summary>
    public int Runs { get; set; }
    public DateTime QueuedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>Why it failed, in the job's language.</summary>
    public string? Error { get; set; }
    public int? ResultFileId { get; set; }
    public StoredFile? ResultFile { get; set; }

    public bool IsFinished => Status is ReportJobStatus.Done or ReportJobStatus.Failed;

    public static ReportJob Queue(string userId, string userName, ReportJobKind kind, int year, int? zoneId, string language, DateTime now) => new()
    {
        RequestedById = userId, RequestedByName = userName, Kind = kind, Year = year, ZoneId = zoneId, Language = language,
        Status = ReportJobStatus.Queued, QueuedAt = now,
    };

    public void Finish(StoredFile file, DateTime now)
    {
        Status = ReportJobStatus.Done;
        Percent = 100;
        Step = null;
        ResultFile = file;
        FinishedAt = now;
        Error = null;
    }

    public void Fail(string error, DateTime now)
    {
        Status = ReportJobStatus.Failed;
        Error = error.Length > MaxError ? error[..MaxError] : error;
        FinishedAt = now;
    }
}
