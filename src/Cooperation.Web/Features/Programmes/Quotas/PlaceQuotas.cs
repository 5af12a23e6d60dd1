using Cooperation.Web.Features.Programmes.FollowUp;
using Cooperation.Web.Features.Schools.Sessions;

namespace Cooperation.Web.Features.Programmes.Quotas;

/// <summary>A session's quota of the programme's country: before and after a placement (the same when only read).</summary>
public record SessionPlacement(int SessionId, string Course, DateOnly StartDate, int Before, int After);

/// <summary>
/// The training places of one school and domain (the programme's lines there, summed): planned, held as the country's
/// quotas in the year's sessions, left to place; the sessions a placement changed, or, when read, every session holding them.
/// </summary>
public record LinePlacement(string School, string SchoolName, string Domain, string DomainName, int Planned, int Given, int Left,
    IReadOnlyList<SessionPlacement> Sessions);

/// <summary>What a programme's training places are as quotas; <see cref="MayPlace"/> whether the reader may place them again.</summary>
public record QuotaPlacement(int ProgrammeId, string Country, int Year, IReadOnlyList<LinePlacement> Lines, bool MayPlace)
{
    /// <summary>The places still to place, all lines together.</summary>
    public int Left => Lines.Sum(l => l.Left);
}

/// <summary>
/// Turns the training places an approved programme plans into its country's quotas in that year's sessions. The rule,
/// per school and domain of its training lines: the places planned, less the quotas the country already holds in the
/// year's sessions of that school and domain that are not cancelled (<see cref="PlannedPlaces.GivenAsync"/>), go to the
/// sessions still open to them — planned or open for nominations, not started — <b>earliest first</b> (then in the
/// order they were created), each up to its free capacity (its capacity less every country's quotas); what does not
/// fit is left to place, and placed again later (once new sessions exist) by the same rule. A plan revised below the
/// quotas held lowers them in those sessions, <b>latest first</b>, never below the country's accepted candidates.
/// Sessions started, closed for nominations, completed or cancelled keep their quotas. Every quota goes through
/// <see cref="CourseSession.SetQuota"/>, so the session's rules hold and the planned places stay the cap.
/// The approval (<c>ProgrammeCycle</c>) and the revision (<c>ReviseProgramme</c>) call <see cref="PlaceAsync"/> before
/// their one save; the programme's page and <c>POST /api/v1/programmes/{id}/quotas</c> call <see cref="HandleAsync"/>.
/// Only a country's programme places quotas: an organisation's places are counted in its partnerships' sessions.
/// </summary>
public class PlaceQuotas(CooperationDbContext db, ProgrammeAccess programmes, Access access, PlannedPlaces planned, TimeProvider clock,
    IStringLocalizer<PlaceQuotas> text) : IUseCase
{
    /// <summary>Places again what is left of an approved programme, for who revises or approves it.</summary>
    public async Task<QuotaPlacement> HandleAsync(int id, CancellationToken ct = default)
    {
        var countryId = await programmes.ReadableCountryAsync(id, ct);
        ForbiddenException.ThrowUnless(await access.CanPlaceProgrammeQuotasAsync(countryId, ct));
        var programme = await db.Programmes.Include(p => p.Lines).SingleAsync(p => p.Id == id, ct);
        programme.EnsureNotClosed();
        if (!programme.Approved) throw new DomainException("status", "programme.quotasNeedApproval");
        if (programme.OrganisationId is not null) throw new DomainException("status", "programme.quotasOfCountries");
        var placement = await PlaceAsync(programme, ct);
        await db.SaveChangesAsync(ct);
        return placement with { MayPlace = true };
    }

    /// <summary>
    /// Places the programme's training places (its plan as it stands in memory, approved or just revised) as quotas in
    /// the tracked sessions; the caller saves once, with the programme.
    /// </summary>
    public async Task<QuotaPlacement> PlaceAsync(Programme programme, CancellationToken ct = default)
    {
        var country = programme.CountryId;
        var targets = Targets(programme.Lines.Select(l => l.Terms));
        if (programme.OrganisationId is not null || !programme.Approved || programme.Status == ProgrammeStatus.Closed || targets.Count == 0)
            return await ResultAsync(programme.Id, country, programme.Year, [], ct);
        var today = clock.Today();
        var (first, last) = Calendar.YearBounds(programme.Year);
        var schools = targets.Select(t => t.SchoolId).Distinct().ToList();
        var domains = targets.Select(t => t.DomainId).Distinct().ToList();
        var sessions = await db.CourseSessions.Include(s => s.Course).Include(s => s.Quotas)
            .Include(s => s.Nominations.Where(n => n.Status == NominationStatus.Accepted && n.CountryId == country))
            .Where(s => schools.Contains(s.Course!.SchoolId) && domains.Contains(s.Course.DomainId) && s.StartDate >= first && s.StartDate <= last
                && s.StartDate > today && (s.Status == SessionStatus.Planned || s.Status == SessionStatus.Open))
            .OrderBy(s => s.StartDate).ThenBy(s => s.Id).AsSplitQuery().ToListAsync(ct);

        var lines = new List<(int SchoolId, int DomainId, int Planned, int Left, int Given, List<SessionPlacement> Sessions)>();
        foreach (var (schoolId, domainId, places) in targets)
        {
            var held = (await planned.GivenAsync(schoolId, domainId, programme.Year, null, [country], ct)).GetValueOrDefault(country);
            var open = sessions.Where(s => s.Course!.SchoolId == schoolId && s.Course.DomainId == domainId).ToList();
            var changes = new List<SessionPlacement>();
            // Positive: places to give; negative: quotas above the plan.
            var delta = places - held;
            foreach (var session in delta >= 0 ? open : Enumerable.Reverse(open))
            {
                if (delta == 0) break;
                var before = session.QuotaFor(country);
                var change = delta > 0
                    ? Math.Min(delta, session.Capacity - session.Quotas.Sum(q => q.Seats))
                    : -Math.Min(-delta, before - session.AcceptedCountFor(country));
                if (change == 0 || Math.Sign(change) != Math.Sign(delta)) continue;
                // What the plan leaves for this session: the places to give plus what it already holds.
                session.SetQuota(country, before + change, delta + before);
                session.Quotas.RemoveAll(q => q.Seats == 0);
                SessionAccess.Guard(db, session, null);
                changes.Add(new SessionPlacement(session.Id, Names.Pick(session.Course!.TitleFr, session.Course.TitleEn), session.StartDate, before, before + change));
                delta -= change;
            }
            lines.Add((schoolId, domainId, places, Math.Max(0, delta), places - delta, changes));
        }
        return await ResultAsync(programme.Id, country, programme.Year, lines, ct);
    }

    /// <summary>
    /// The programme's training places as quotas now, for its page: per school and domain, planned, held and left, and
    /// the sessions holding them; whether the reader may place them again.
    /// </summary>
    /// <param name="programme">The programme as its reader reads it (<see cref="ProgrammeKey"/>).</param>
    public async Task<QuotaPlacement?> ReadAsync(ProgrammeKey programme, ProgrammeStatus status, CancellationToken ct = default)
    {
        var (id, countryId, year) = (programme.Id, programme.CountryId, programme.Year);
        var targets = Targets(programme.Lines.Select(l => l.Terms));
        if (programme.OrganisationId is not null || !Programme.IsApproved(status) || targets.Count == 0) return null;
        var (first, last) = Calendar.YearBounds(year);
        var schools = targets.Select(t => t.SchoolId).Distinct().ToList();
        var domains = targets.Select(t => t.DomainId).Distinct().ToList();
        var quotas = await db.SessionQuotas.AsNoTracking()
            .Where(q => q.CountryId == countryId && schools.Contains(q.Session!.Course!.SchoolId) && domains.Contains(q.Session.Course.DomainId)
                && q.Session.StartDate >= first && q.Session.StartDate <= last && q.Session.Status != SessionStatus.Cancelled)
            .OrderBy(q => q.Session!.StartDate).ThenBy(q => q.SessionId)
            .Select(q => new { q.SessionId, q.Session!.Course!.SchoolId, q.Session.Course.DomainId, q.Session.Course.TitleFr, q.Session.Course.TitleEn,
                q.Session.StartDate, q.Seats })
            .ToListAsync(ct);
        var lines = targets.Select(t =>
        {
            var held = quotas.Where(q => q.SchoolId == t.SchoolId && q.DomainId == t.DomainId)
                .Select(q => new SessionPlacement(q.SessionId, Names.Pick(q.TitleFr, q.TitleEn), q.StartDate, q.Seats, q.Seats)).ToList();
            var given = held.Sum(s => s.After);
            return (t.SchoolId, t.DomainId, t.Places, Math.Max(0, t.Places - given), given, held);
        }).ToList();
        var result = await ResultAsync(id, countryId, year, lines, ct);
        return result with { MayPlace = status != ProgrammeStatus.Closed && await access.CanPlaceProgrammeQuotasAsync(countryId, ct) };
    }

    /// <summary>What a placement did, in a sentence for the page's message: each session and its places, then what is left.</summary>
    public string Describe(QuotaPlacement placement)
    {
        var changed = placement.Lines.SelectMany(l => l.Sessions).Where(s => s.After != s.Before)
            .Select(s => text["{0} du {1} : {2} → {3} place(s)", s.Course, Format.Date(s.StartDate), s.Before, s.After].Value).ToList();
        var done = changed.Count == 0 ? text["Aucun quota de session n'a changé."].Value : text["Quotas placés : {0}.", string.Join(" ; ", changed)].Value;
        return placement.Lines.Count == 0 ? "" : placement.Left > 0 ? $"{done} {text["{0} place(s) restent à placer.", placement.Left]}" : done;
    }

    /// <summary>The programme's training places per school and domain, its lines there summed.</summary>
    private static List<(int SchoolId, int DomainId, int Places)> Targets(IEnumerable<ProgrammeLineTerms> plan) =>
        plan.Where(l => l is { Mode: ProgrammeMode.Training, SchoolId: not null, DomainId: not null })
            .GroupBy(l => (School: l.SchoolId!.Value, Domain: l.DomainId!.Value))
            .Select(g => (g.Key.School, g.Key.Domain, g.Sum(l => l.Quantity))).ToList();

    private async Task<QuotaPlacement> ResultAsync(int id, int countryId, int year,
        List<(int SchoolId, int DomainId, int Planned, int Left, int Given, List<SessionPlacement> Sessions)> lines, CancellationToken ct)
    {
        var schoolIds = lines.Select(l => l.SchoolId).Distinct().ToList();
        var domainIds = lines.Select(l => l.DomainId).Distinct().ToList();
        var schools = await db.RegionalSchools.AsNoTracking().Where(s => schoolIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => (s.Acronym, s.Name), ct);
        var domains = await db.Domains.AsNoTracking().Where(d => domainIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => (d.Code, Name: Names.Pick(d.NameFr, d.NameEn)), ct);
        var iso2 = await db.Countries.AsNoTracking().Where(c => c.Id == countryId).Select(c => c.Iso2).SingleAsync(ct);
        return new QuotaPlacement(id, iso2, year, lines.Select(l => new LinePlacement(schools[l.SchoolId].Acronym, schools[l.SchoolId].Name,
            domains[l.DomainId].Code, domains[l.DomainId].Name, l.Planned, l.Given, l.Left, l.Sessions)).ToList(), false);
    }
}
