using Cooperation.Web.Features.Partners;

namespace Cooperation.Web.Features.Schools.Sessions;

/// <summary>A course a session may be planned of, as the planning form offers it.</summary>
public sealed record CourseChoice(int Id, string Code, string Title, string School, string City, int DurationDays);

/// <summary>What the planning form takes from a course's last session: its capacity and the countries it invited.</summary>
public sealed record LastSession(int Capacity, IReadOnlyList<QuotaInput> Quotas);

/// <summary>The choices of the session pages: the courses to plan, the countries to invite or to filter by.</summary>
public class SessionChoices(CooperationDbContext db, Access access, SchoolChoices schools, ReferenceLists references, FigureCache cache,
    TimeProvider clock) : IUseCase
{
    /// <summary>The courses still taught in the schools the user manages, by school then title; forbidden when he manages none.</summary>
    public async Task<IReadOnlyList<CourseChoice>> CoursesAsync(CancellationToken ct = default)
    {
        var ids = (await schools.RequireManageableAsync(ct)).Select(s => s.Id).ToList();
        return (await db.Courses.AsNoTracking().Where(c => ids.Contains(c.SchoolId) && c.Active)
                .Select(c => new { c.Id, c.Code, c.TitleFr, c.TitleEn, School = c.School!.Acronym, c.School.City, c.DurationDays }).ToListAsync(ct))
            .Select(c => new CourseChoice(c.Id, c.Code, Names.Pick(c.TitleFr, c.TitleEn), c.School, c.City, c.DurationDays))
            .OrderBy(c => c.School, StringComparer.Ordinal).ThenBy(c => c.Title, PartnerQueries.NameOrder).ToList();
    }

    /// <summary>The course's last session, if it had one: the countries it invited are a good start for the next.</summary>
    public async Task<LastSession?> LastSessionAsync(int courseId, CancellationToken ct = default) =>
        await db.CourseSessions.AsNoTracking().Where(s => s.CourseId == courseId)
            .OrderByDescending(s => s.StartDate).ThenByDescending(s => s.Id)
            .Select(s => new LastSession(s.Capacity, s.Quotas.OrderBy(q => q.Country!.Iso2).Select(q => new QuotaInput(q.Country!.Iso2, q.Seats)).ToList()))
            .FirstOrDefaultAsync(ct);

    /// <summary>The countries a session may invite: the partners, those placed in a zone.</summary>
    public async Task<List<SelectListItem>> PartnerCountriesAsync(CancellationToken ct = default) =>
        await references.CountriesAsync(await db.Countries.AsNoTracking().Where(c => c.ZoneId != null).Select(c => c.Id).ToListAsync(ct));

    /// <summary>
    /// The countries with seats in some session, for the list's country filter: one look-up a country (by the quotas'
    /// country index) rather than a pass over every quota (a million at scale 100), and kept by the figure cache.
    /// </summary>
    public async Task<List<SelectListItem>> InvitedCountriesAsync(CancellationToken ct = default)
    {
        var ids = await cache.GetOrComputeAsync("choices:invited-countries", access, "", clock.Today(), async () =>
            await db.Countries.AsNoTracking().Where(c => db.SessionQuotas.Any(q => q.CountryId == c.Id && q.Seats > 0)).Select(c => c.Id).ToListAsync(ct));
        return await references.CountriesAsync(ids);
    }

    /// <summary>"CODE — Title" of the course a list is narrowed to; none when the user does not see the course.</summary>
    public async Task<string?> CourseNameAsync(int courseId, CancellationToken ct = default)
    {
        var courses = db.Courses.AsNoTracking().Where(c => c.Id == courseId);
        if (access.SchoolCountryIds is { } visible) courses = courses.Where(c => visible.Contains(c.School!.CountryId));
        var course = await courses.Select(c => new { c.Code, c.TitleFr, c.TitleEn }).SingleOrDefaultAsync(ct);
        return course is null ? null : $"{course.Code} — {Names.Pick(course.TitleFr, course.TitleEn)}";
    }
}
