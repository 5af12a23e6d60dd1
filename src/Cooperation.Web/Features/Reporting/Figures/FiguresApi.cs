namespace Cooperation.Web.Features.Reporting.Figures;

public sealed class FiguresApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api) =>
        api.MapGet("/figures", async (ComputeFigures figures, CancellationToken ct) => TypedResults.Ok(await figures.HandleAsync(ct)))
            .WithTags("Reporting").WithSummary("Key figures of the directorate, computed from the data. The training figures "
                + "(traineesLastYear, womenShareLastYear, sessionsLastYear, fillRateLastYear) cover the previous calendar year (lastYear): "
                + "sessions that started between 1 January and 31 December of that year, cancelled ones left out; trainees are distinct persons "
                + "with an accepted enrolment in them; shares and rates are between 0 and 1, rounded to 3 decimals "
                + "(fill rate = accepted enrolments / capacity of those sessions). Projects: projectsRunning (status running), euFundedProjects (EU-funded, "
                + "abandoned ones left out), disbursedLastYear (disbursements dated in lastYear, in euros). "
                + "Missions: missionsLastYear (expertise missions in progress, reported or closed whose actual dates meet lastYear), expertDaysLastYear "
                + "(days of their experts' assignments starting in lastYear), recommendationsImplementedShare (implemented / recommendations due over the "
                + "last three years up to today, between 0 and 1). IHEDN: internationalSessionsLastYear (sessions of lastYear, three a year), "
                + "internationalParticipantsLastYear (participants who attended them). Donations: donationsLastYear (handed over in lastYear), "
                + "donatedValueLastYear (the euro value of what was handed over, shortfalls left out), donatedByCategoryLastYear (that value by equipment category).");
}
