namespace Cooperation.Web.Features.Programmes.Programmes;

/// <summary>
/// Prepares next year's programme from this one: a draft for the year after, with the same priorities and lines, the
/// training places proposed from the use of the last three years (the places the country's trainees took in that
/// school and domain, on average), the envelopes adjusted to match.
/// </summary>
public class PrepareNextYear(CooperationDbContext db, ProgrammeAccess programmes, IStringLocalizer<PrepareNextYear> text) : IUseCase
{
    public const int YearsOfUse = 3;

    /// <returns>The id of the new draft.</returns>
    public async Task<int> HandleAsync(int id, CancellationToken ct = default)
    {
        var source = await programmes.DraftedAsync(id, ct);
        var year = source.Year + 1;
        if (await db.Programmes.AnyAsync(p => p.CountryId == source.CountryId && p.OrganisationId == source.OrganisationId && p.Year == year
                && p.Status != ProgrammeStatus.Closed, ct))
            throw FieldErrors.One(text, "year", "programme.nextYearExists", year);
        var (from, to) = (Calendar.YearBounds(year - YearsOfUse).First, Calendar.YearBounds(year - 1).Last);
        var use = await db.Nominations.AsNoTracking()
            .Where(n => n.CountryId == source.CountryId && n.Status == NominationStatus.Accepted && n.Session!.StartDate >= from && n.Session.StartDate <= to
                && n.Session.Status != SessionStatus.Cancelled)
            .GroupBy(n => new { n.Session!.Course!.SchoolId, n.Session.Course.DomainId })
            .Select(g => new { g.Key.SchoolId, g.Key.DomainId, Used = g.Count() })
            .ToDictionaryAsync(x => (x.SchoolId, x.DomainId), x => x.Used, ct);
        var plan = source.CurrentPlan();
        var lines = plan.Lines.Select(l => l.Mode == ProgrammeMode.Training && l.Quantity > 0 && l.SchoolId is { } s && l.DomainId is { } d
            ? l with
            {
                Quantity = Programme.ProposedPlaces([use.GetValueOrDefault((s, d))], YearsOfUse),
                Budget = Math.Round(l.Budget * Programme.ProposedPlaces([use.GetValueOrDefault((s, d))], YearsOfUse) / l.Quantity, 2),
            }
            : l).ToList();
        var envelopes = lines.GroupBy(l => (l.Mode, l.Source)).Select(g => new ProgrammeEnvelopeTerms(g.Key.Mode, g.Key.Source, g.Sum(l => l.Budget))).ToList();
        var next = new Programme { CountryId = source.CountryId, OrganisationId = source.OrganisationId, Year = year };
        next.Plan(new ProgrammePlan(plan.Priorities, lines, envelopes));
        db.Programmes.Add(next);
        await db.SaveChangesAsync(ct);
        return next.Id;
    }
}
