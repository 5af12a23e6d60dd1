using Cooperation.Web.Data;
using Cooperation.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Web.Features.Reporting;

/// <summary>The directorate's key figures, computed from the data on every call (never stored).</summary>
public record Figures(
    int ActiveCooperants,
    int Administrations,
    int PostingDestinations,
    int PostingCountries,
    int PostingOrganisations,
    int RegionalSchools,
    int RegionalSchoolCountries,
    int OpenVacancies,
    DateOnly AsOf);

public class ComputeFigures(CooperationDbContext db, TimeProvider clock)
{
    public async Task<Figures> HandleAsync(CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var active = db.Postings.AsNoTracking().ActiveOn(today);

        var cooperants = await active.Select(p => p.CooperantId).Distinct().CountAsync(ct);
        var administrations = await active.Select(p => p.Cooperant!.AdministrationId).Distinct().CountAsync(ct);
        var countries = await active.Where(p => p.OrganisationId == null).Select(p => p.CountryId).Distinct().CountAsync(ct);
        var organisations = await active.Where(p => p.OrganisationId != null).Select(p => p.OrganisationId).Distinct().CountAsync(ct);
        var envr = db.RegionalSchools.Where(s => s.Kind == TrainingPlaceKind.RegionalSchool);
        var schools = await envr.CountAsync(ct);
        var schoolCountries = await envr.Select(s => s.CountryId).Distinct().CountAsync(ct);
        var vacancies = await db.Vacancies.CountAsync(v => v.FilledByPostingId == null, ct);
        return new Figures(cooperants, administrations, countries + organisations, countries, organisations, schools, schoolCountries, vacancies, today);
    }
}

public static class FiguresApi
{
    public static void MapFiguresApi(this RouteGroupBuilder api) =>
        api.MapGet("/figures", (ComputeFigures figures, CancellationToken ct) => figures.HandleAsync(ct))
            .WithTags("Reporting").WithSummary("Key figures of the directorate, computed from the data.");
}
