namespace Cooperation.Web.Features.Schools;

/// <summary>The schools as the catalogue and session pages offer them: those the user sees, those he manages.</summary>
public class SchoolChoices(CooperationDbContext db, Access access) : IUseCase
{
    /// <summary>
    /// The schools whose catalogue and sessions the user manages (<see cref="Access.CanManageSchoolAsync"/>), by
    /// acronym: none for a reader, which is what keeps him from the forms.
    /// </summary>
    public async Task<IReadOnlyList<SchoolKey>> ManageableAsync(CancellationToken ct = default)
    {
        var schools = await db.RegionalSchools.AsNoTracking().Select(s => new SchoolKey(s.Id, s.CountryId, s.Acronym, s.City)).ToListAsync(ct);
        var manageable = new List<SchoolKey>();
        foreach (var school in schools.OrderBy(s => s.Acronym, StringComparer.Ordinal))
            if (await access.CanManageSchoolAsync(school.Id, school.CountryId, ct)) manageable.Add(school);
        return manageable;
    }

    /// <summary>The schools the user manages, for a form that writes a catalogue or plans a session: forbidden when he manages none.</summary>
    public async Task<IReadOnlyList<SchoolKey>> RequireManageableAsync(CancellationToken ct = default)
    {
        var manageable = await ManageableAsync(ct);
        return manageable.Count > 0 ? manageable : throw new ForbiddenException();
    }

    /// <summary>The schools the user sees, "ACRONYM — Name" by acronym, for the lists' school filter.</summary>
    public async Task<List<SelectListItem>> VisibleAsync(CancellationToken ct = default)
    {
        var schools = access.FilterableSchools(db.RegionalSchools.AsNoTracking());
        return (await schools.Select(s => new { s.Acronym, s.Name }).ToListAsync(ct))
            .OrderBy(s => s.Acronym, StringComparer.Ordinal).Select(s => new SelectListItem($"{s.Acronym} — {s.Name}", s.Acronym)).ToList();
    }
}
