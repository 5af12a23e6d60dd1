namespace Cooperation.Web.Features.Schools.Import;

/// <summary>What the import page offers the user: the open sessions he may nominate to, the schools he manages.</summary>
public class ImportChoices(CooperationDbContext db, Access access, ReferenceCodes codes, IStringLocalizer<ImportChoices> text) : IUseCase
{
    /// <summary>The import page is for whoever nominates for a country or manages a school.</summary>
    public void Authorize() => ForbiddenException.ThrowUnless(access.CanImportTraining);

    public bool MayImportNominations => access.CanNominateAny;

    public async Task<List<SelectListItem>> OpenSessionsAsync(CancellationToken ct)
    {
        if (!MayImportNominations) return [];
        var visible = await access.VisibleSessionsAsync(db.CourseSessions.AsNoTracking(), ct);
        var sessions = await visible.Where(s => s.Status == SessionStatus.Open)
            .OrderBy(s => s.StartDate).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Course!.Code, s.Course.TitleFr, s.Course.TitleEn, s.Course.School!.Acronym, s.StartDate, s.EndDate })
            .ToListAsync(ct);
        return sessions.Select(s => new SelectListItem(
            $"{s.Acronym} — {s.Code} {Names.Pick(s.TitleFr, s.TitleEn)} ({ImportValues.Iso(s.StartDate)} → {ImportValues.Iso(s.EndDate)})",
            s.Id.ToString())).ToList();
    }

    public async Task<List<SelectListItem>> ManagedSchoolsAsync(CancellationToken ct)
    {
        var schools = await db.RegionalSchools.AsNoTracking().OrderBy(s => s.Acronym)
            .Select(s => new { s.Id, s.Acronym, s.Name, s.CountryId }).ToListAsync(ct);
        var managed = new List<SelectListItem>();
        foreach (var s in schools)
            if (await access.CanManageSchoolAsync(s.Id, s.CountryId, ct))
                managed.Add(new SelectListItem($"{s.Acronym} — {s.Name}", s.Acronym));
        return managed;
    }

    /// <summary>Whether the user records this school's past trainees (the link from the school's page).</summary>
    public async Task<bool> ManagesSchoolAsync(string acronym, CancellationToken ct = default) =>
        await codes.SchoolAsync(acronym, new FieldErrors(text), required: false, ct: ct) is { } school
        && await access.CanManageSchoolAsync(school.Id, school.CountryId, ct);
}
