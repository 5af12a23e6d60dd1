using System.Globalization;

namespace Cooperation.Web.Features.Schools.Nominations;

/// <summary>A session open to nominations, with the seats left in the nominating country's quota (or in all quotas).</summary>
public record OpenSession(int Id, string CourseCode, string CourseTitle, string School, DateOnly Start, DateOnly End, string Place, int SeatsLeft);

/// <summary>
/// Choices of the nominations pages' filters and forms, within the user's scope. The filters' choices are read from the
/// whole training history, so they are kept like the figures (<see cref="FigureCache"/>) for the user's scope.
/// </summary>
public class NominationChoices(
    CooperationDbContext db, Access access, ReferenceLists references, FigureCache cache, TimeProvider clock, IStringLocalizer<NominationChoices> text)
    : IUseCase
{
    /// <summary>
    /// Sessions open to nominations for a country with seats left in its quota, soonest first; without a country
    /// (headquarters before choosing one) the open sessions with seats left in any quota.
    /// </summary>
    public async Task<List<OpenSession>> OpenSessionsAsync(int? countryId, CancellationToken ct = default)
    {
        var sessions = (await access.VisibleSessionsAsync(db.CourseSessions.AsNoTracking(), ct)).Where(s => s.Status == SessionStatus.Open);
        var rows = countryId is { } c
            ? await sessions
                .Select(s => new
                {
                    s.Id, s.Course!.Code, s.Course.TitleFr, s.Course.TitleEn, s.Course.School!.Acronym, s.StartDate, s.EndDate, s.Place,
                    Seats = s.Quotas.Where(q => q.CountryId == c).Sum(q => q.Seats),
                    Taken = s.Nominations.Count(n => n.CountryId == c && n.Status == NominationStatus.Accepted),
                })
                .Where(s => s.Seats > s.Taken).OrderBy(s => s.StartDate).ThenBy(s => s.Id).ToListAsync(ct)
            : await sessions
                .Select(s => new
                {
                    s.Id, s.Course!.Code, s.Course.TitleFr, s.Course.TitleEn, s.Course.School!.Acronym, s.StartDate, s.EndDate, s.Place,
                    Seats = s.Quotas.Sum(q => q.Seats),
                    Taken = s.Nominations.Count(n => n.Status == NominationStatus.Accepted),
                })
                .Where(s => s.Seats > s.Taken).OrderBy(s => s.StartDate).ThenBy(s => s.Id).ToListAsync(ct);
        return rows.Select(s => new OpenSession(s.Id, s.Code, Names.Pick(s.TitleFr, s.TitleEn), s.Acronym, s.StartDate, s.EndDate, s.Place, s.Seats - s.Taken)).ToList();
    }

    public string Label(OpenSession s) => text["{0} — {1} — {2}, du {3} au {4} ({5} place(s) restante(s))",
        s.CourseCode, s.CourseTitle, s.School, s.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        s.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.SeatsLeft].Value;

    /// <summary>The countries the user may nominate for: a liaison officer's own, a desk officer's zones, every one for an administrator.</summary>
    public async Task<List<SelectListItem>> NominatingCountriesAsync(CancellationToken ct = default)
    {
        if (access.IsAdministrator) return await references.CountriesAsync();
        if (access.IsLiaisonOfficer) return access.CountryId is { } own ? await references.CountriesAsync([own]) : [];
        if (!access.IsDeskOfficer) return [];
        var zones = access.ZoneIds.ToList();
        var ids = await db.Countries.AsNoTracking().Where(c => c.ZoneId != null && zones.Contains(c.ZoneId.Value)).Select(c => c.Id).ToListAsync(ct);
        return await references.CountriesAsync(ids);
    }

    /// <summary>The partner countries, or every country with <paramref name="all"/>.</summary>
    public Task<List<SelectListItem>> NationalitiesAsync(bool all = false) => references.CountriesAsync(all: all);

    public Task<List<SelectListItem>> AdministrationsAsync() => references.AdministrationsAsync(includeTraineesOnly: true);

    /// <summary>Countries that nominated candidates the user sees.</summary>
    public async Task<List<SelectListItem>> NominatingCountriesSeenAsync(CancellationToken ct = default)
    {
        var ids = await cache.GetOrComputeAsync("choices:nominating-countries", access, "", clock.Today(), async () =>
        {
            // One look-up a country (by the nominations' country index), not a pass over every nomination.
            var visible = await access.VisibleNominationsAsync(db.Nominations.AsNoTracking(), ct);
            return await db.Countries.AsNoTracking().Where(c => visible.Any(n => n.CountryId == c.Id)).Select(c => c.Id).ToListAsync(ct);
        });
        return await references.CountriesAsync(ids);
    }

    /// <summary>Schools whose sessions the user sees, by acronym.</summary>
    public async Task<List<SelectListItem>> SchoolsAsync(CancellationToken ct = default)
    {
        var schools = await cache.GetOrComputeAsync("choices:session-schools", access, "", clock.Today(), async () =>
        {
            // One look-up a school (by the courses' and sessions' indexes), not a pass over every session.
            var sessions = await access.VisibleSessionsAsync(db.CourseSessions.AsNoTracking(), ct);
            return await db.RegionalSchools.AsNoTracking()
                .Where(r => sessions.Any(s => s.Course!.SchoolId == r.Id))
                .Select(r => new SchoolChoice(r.Acronym, r.Name)).ToListAsync(ct);
        });
        return schools.OrderBy(s => s.Acronym, StringComparer.Ordinal).Select(s => new SelectListItem($"{s.Acronym} — {s.Name}", s.Acronym)).ToList();
    }

    private sealed record SchoolChoice(string Acronym, string Name);

    private sealed record SessionChoice(int Id, string Code, string Acronym, DateOnly StartDate);

    /// <summary>
    /// The session filter's choices: the sessions still to be held (planned, open or closed) of the school chosen, and
    /// the session already chosen. Without a school, only the latter: every school's sessions would make a list of
    /// hundreds that nobody reads through, and half a page's weight on a slow link.
    /// </summary>
    public async Task<List<SelectListItem>> SessionsAsync(int? selected, string? school, CancellationToken ct = default)
    {
        var acronym = string.IsNullOrWhiteSpace(school) ? null : school.Trim().ToUpperInvariant();
        if (acronym is null && selected is null) return [];
        var sessions = await cache.GetOrComputeAsync("choices:sessions", access, $"{selected}|{acronym}", clock.Today(), async () =>
            await (await access.VisibleSessionsAsync(db.CourseSessions.AsNoTracking(), ct))
                .Where(s => s.Id == selected || (acronym != null && s.Course!.School!.Acronym == acronym
                    && (s.Status == SessionStatus.Planned || s.Status == SessionStatus.Open || s.Status == SessionStatus.Closed)))
                .OrderBy(s => s.StartDate).ThenBy(s => s.Id).Take(500)
                .Select(s => new SessionChoice(s.Id, s.Course!.Code, s.Course.School!.Acronym, s.StartDate)).ToListAsync(ct));
        return sessions.Select(s => new SelectListItem(
            $"{s.Code} — {s.Acronym} — {s.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", s.Id.ToString(CultureInfo.InvariantCulture))).ToList();
    }
}
