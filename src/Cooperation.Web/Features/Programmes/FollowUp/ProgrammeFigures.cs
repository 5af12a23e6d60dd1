namespace Cooperation.Web.Features.Programmes.FollowUp;

/// <summary>
/// What the key figures say of the programmes: the share of a year's planned lines, weighted by their budget, that
/// was done — each line counted up to its plan (<see cref="ComputeFollowUp.Completion"/>) — over the approved programmes
/// of that year the user reads. Counted inside <c>ComputeFigures</c>, hence kept by the figure cache like every figure.
/// </summary>
public class ProgrammeFigures(CooperationDbContext db, Access access, ComputeFollowUp followUp) : IUseCase
{
    /// <returns>The share, between 0 and 1; null when no approved programme of that year planned anything measurable.</returns>
    public async Task<double?> CompletionAsync(int year, CancellationToken ct = default) =>
        (await PlannedAndDoneAsync(year, null, ct)).Completion is { } share ? (double)share : null;

    /// <summary>
    /// The approved programmes of a year (of one zone, or all) the user reads, each with its follow-up; and the
    /// completion of them all, each line up to its plan, weighted by budget: the annual report's "planned and done".
    /// </summary>
    public async Task<PlannedAndDone> PlannedAndDoneAsync(int year, string? zone, CancellationToken ct = default)
    {
        if (!access.SeesProgrammes || access.ReadsOnlyProgrammeTraining) return new PlannedAndDone([], null);
        var visible = access.VisibleProgrammes(db.Programmes.AsNoTracking())
            .Where(p => p.Year == year && (p.Status == ProgrammeStatus.Approved || p.Status == ProgrammeStatus.Revised || p.Status == ProgrammeStatus.Closed));
        if (zone is not null) visible = visible.Where(p => p.Country!.Zone!.Code == zone);
        var programmes = await visible
            .Select(p => new { p.Id, p.CountryId, p.OrganisationId, p.Year, p.Baseline, p.Country!.Iso2, p.Country.NameFr, p.Country.NameEn, Organisation = p.Organisation!.Acronym })
            .ToListAsync(ct);
        var ids = programmes.Select(p => p.Id).ToList();
        var lines = (await db.ProgrammeLines.AsNoTracking().Where(l => ids.Contains(l.ProgrammeId)).OrderBy(l => l.Number).ToListAsync(ct))
            .ToLookup(l => l.ProgrammeId);
        var keys = programmes.Select(p => new ProgrammeKey(p.Id, p.CountryId, p.OrganisationId, p.Year,
            lines[p.Id].Select(l => (l.Number, l.Terms)).ToList(), p.Baseline)).ToList();
        var done = await followUp.HandleAsync(keys, ct: ct);
        var all = keys.SelectMany(k => k.Lines.Select(l => l.Terms)).ToList();
        var rows = keys.SelectMany(k => done[k.Id].Lines).ToList();
        return new PlannedAndDone(
            programmes.Select(p => new PlannedAndDoneRow(p.Id, p.Iso2, p.Organisation is null ? Names.Pick(p.NameFr, p.NameEn) : $"{p.Organisation} ({Names.Pick(p.NameFr, p.NameEn)})",
                lines[p.Id].Count(), done[p.Id].Budget, done[p.Id].Completion, done[p.Id].OffCourse)).OrderBy(r => r.Name).ToList(),
            ComputeFollowUp.Completion(all, rows));
    }
}

/// <summary>An approved programme of the year and where it stands.</summary>
public sealed record PlannedAndDoneRow(int Id, string Iso2, string Name, int Lines, decimal Budget, decimal? Completion, int OffCourse);

/// <summary>The approved programmes of a year and the completion of them all.</summary>
public sealed record PlannedAndDone(IReadOnlyList<PlannedAndDoneRow> Programmes, decimal? Completion);
