namespace Cooperation.Tests.Reporting.Jobs;

/// <summary>Asking for report jobs through the API and waiting for them, as a program would.</summary>
public static class ReportJobTestHelpers
{
    public static async Task<JsonElement> RequestJobAsync(this HttpClient api, string kind, int year, string? zone = null, string? lang = null)
    {
        var response = await api.PostAsJsonAsync("/api/v1/reports/jobs", new { kind, year, zone, lang });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var job = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/reports/jobs/{job.GetProperty("id").GetInt32()}");
        return job;
    }

    /// <summary>The job once finished (done or failed), read every 200 ms; fails after <paramref name="seconds"/>.</summary>
    public static async Task<JsonElement> FinishedAsync(this HttpClient api, int id, int seconds = 120)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var job = await api.GetFromJsonAsync<JsonElement>($"/api/v1/reports/jobs/{id}");
            if (job.GetProperty("status").GetString() is "done" or "failed") return job;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Report job {id} still {job.GetProperty("status")} after {seconds} s: {job}");
            await Task.Delay(200);
        }
    }

    public static int Id(this JsonElement job) => job.GetProperty("id").GetInt32();

    /// <summary>Spaces left out: the PDF's text is read back letter by letter, and French numbers hold narrow no-break spaces.</summary>
    public static string Squeeze(string value) => new(value.Where(c => !char.IsWhiteSpace(c) && c != '\u202F' && c != '\u00A0').ToArray());
}
