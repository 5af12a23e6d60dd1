namespace Cooperation.Web.Infrastructure;

/// <summary>
/// The persons' part of the access rules, as queries the database reads: which coopérants and trainees the user sees,
/// whose names and contacts he reads, which coopérants he may post, and which of them a name search may find.
/// Every read that carries a person into a row (a posting's coopérant, a vacancy's filler, a nomination's candidate,
/// an alumnus's sessions) composes these queries (<c>named.Any(c =&gt; c.Id == row.CooperantId) ? name : null</c>),
/// so that a hidden name never leaves the database, is never sorted on and never matched by a search.
/// <list type="bullet">
/// <item>A coopérant belongs to the country of his placing posting (active, else latest); one never posted belongs to
/// headquarters (every desk officer). The same rule decides his record, his name on every posting of his history, and
/// who may post or edit him.</item>
/// <item>A trainee's name is read by whoever sees him (<see cref="VisibleTraineesAsync"/>), the auditor excepted.</item>
/// </list>
/// These queries are never <c>AsNoTracking</c>: EF Core applies a no-tracking call anywhere in a query to the whole of
/// it, so a use case that loads an entity to change it (<c>db.Cooperants.Where(c =&gt; editable.Any(...))</c>) would
/// get it untracked and save nothing. A caller reading rows projects them or asks for no tracking itself.
/// </summary>
public sealed partial class Access
{
    /// <summary>Stands for "never posted" among the countries of a scope: no country has this id.</summary>
    private const int Unposted = 0;

    /// <summary>The coopérants whose record the user sees: those of the countries he sees, and himself.</summary>
    public IQueryable<Cooperant> VisibleCooperants() =>
        VisibleCountryIds is { } countries ? CooperantsPlacedIn(countries, unposted: false, self: true) : _db.Cooperants;

    /// <summary>Sees every coopérant's record (<see cref="VisibleCooperants"/> filters none): a list need not compose it.</summary>
    public bool SeesEveryCooperant => VisibleCountryIds is null;

    /// <summary>Reads every coopérant's name (<see cref="NamedCooperantsAsync"/> filters none): a sort need not compose it.</summary>
    public bool ReadsEveryCooperant => SeesAllPersonalData;

    /// <summary>
    /// The coopérants whose names and contacts the user reads: placed in a country of his personal-data scope
    /// (<see cref="PersonalDataCountryIdsAsync"/>), never posted for a desk officer, and a coopérant himself.
    /// </summary>
    public async Task<IQueryable<Cooperant>> NamedCooperantsAsync(CancellationToken ct = default) =>
        await PersonalDataCountryIdsAsync(ct) is { } countries
            ? CooperantsPlacedIn(countries, unposted: IsDeskOfficer, self: true)
            : _db.Cooperants;

    /// <summary>
    /// The coopérants the user may post and edit: an administrator every one, a desk officer those placed in a country
    /// of her zones or never posted. She may not post (and so take over) a coopérant who belongs to another desk.
    /// </summary>
    public async Task<IQueryable<Cooperant>> EditableCooperantsAsync(CancellationToken ct = default)
    {
        if (IsAdministrator) return _db.Cooperants;
        if (!IsDeskOfficer) return _db.Cooperants.Where(_ => false);
        return CooperantsPlacedIn(await ZoneCountriesAsync(ct), unposted: true, self: false);
    }

    /// <summary>Sees this coopérant's record (<see cref="VisibleCooperants"/>).</summary>
    public Task<bool> SeesCooperantAsync(int cooperantId, CancellationToken ct = default) =>
        VisibleCooperants().AnyAsync(c => c.Id == cooperantId, ct);

    /// <summary>Reads this coopérant's name and contacts (<see cref="NamedCooperantsAsync"/>).</summary>
    public async Task<bool> ReadsCooperantAsync(int cooperantId, CancellationToken ct = default) =>
        await (await NamedCooperantsAsync(ct)).AnyAsync(c => c.Id == cooperantId, ct);

    /// <summary>May post this coopérant and edit his whole profile (<see cref="EditableCooperantsAsync"/>).</summary>
    public async Task<bool> CanPostCooperantAsync(int cooperantId, CancellationToken ct = default) =>
        await (await EditableCooperantsAsync(ct)).AnyAsync(c => c.Id == cooperantId, ct);

    /// <summary>
    /// May change or end a posting: one in a country of her scope, of a coopérant she may post. The history of a
    /// coopérant who has moved on to another desk is that desk's (changing its dates could otherwise make it his placing
    /// posting, and him hers).
    /// </summary>
    public async Task<bool> CanEditPostingAsync(int countryId, int cooperantId, CancellationToken ct = default) =>
        await CanEditCountryAsync(countryId, ct) && await CanPostCooperantAsync(cooperantId, ct);

    /// <summary>The coopérants whose names the user reads and which hold every word searched (see <see cref="NameWords"/>).</summary>
    public async Task<IQueryable<Cooperant>> CooperantsNamedAsync(IReadOnlyList<string> words, CancellationToken ct = default)
    {
        var named = await NamedCooperantsAsync(ct);
        foreach (var word in words) named = named.Where(c => c.NormalizedName.Contains(word));
        return named;
    }

    /// <summary>The trainees whose names, birth date and contacts the user reads: those he sees, unless he is the auditor.</summary>
    public async Task<IQueryable<Trainee>> NamedTraineesAsync(CancellationToken ct = default) =>
        SeesTraineePersonalData ? await VisibleTraineesAsync(_db.Trainees, ct) : _db.Trainees.Where(_ => false);

    /// <summary>
    /// Among trainees the user already sees (a list built on <see cref="VisibleTraineesAsync"/> or on the nominations of
    /// <see cref="VisibleNominationsAsync"/>, whose candidates he sees), whether he reads their names: all of them, or none
    /// for the auditor. A list asks it once instead of asking <see cref="NamedTraineesAsync"/> of each row, which the
    /// database answers with a subquery a row and a column (PostgreSQL: 11–15 s for a desk officer's trainees by name).
    /// </summary>
    public bool ReadsVisibleTraineeNames => SeesTraineePersonalData;

    /// <summary>
    /// Trainees the user already sees narrowed to those whose names hold every word searched (see <see cref="NameWords"/>);
    /// nobody for the auditor. The list form of <see cref="TraineesNamedAsync"/>.
    /// </summary>
    public IQueryable<Trainee> VisibleTraineesNamed(IQueryable<Trainee> visible, IReadOnlyList<string> words)
    {
        if (!ReadsVisibleTraineeNames) return visible.Where(_ => false);
        foreach (var word in words) visible = visible.Where(t => t.NormalizedName.Contains(word));
        return visible;
    }

    /// <summary>The trainees whose names the user reads and which hold every word searched (see <see cref="NameWords"/>).</summary>
    public async Task<IQueryable<Trainee>> TraineesNamedAsync(IReadOnlyList<string> words, CancellationToken ct = default)
    {
        var named = await NamedTraineesAsync(ct);
        foreach (var word in words) named = named.Where(t => t.NormalizedName.Contains(word));
        return named;
    }

    /// <summary>
    /// The words of a name search as names are kept (normalised): one rule for every list. A search matches only the
    /// persons whose names the user reads, so that hidden names cannot be guessed one try at a time; for the auditor it
    /// finds nobody.
    /// </summary>
    public static string[] NameWords(string? search) =>
        Text.NormalizeName(search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The coopérants placed in one of these countries (or never posted, or himself, as asked).</summary>
    private IQueryable<Cooperant> CooperantsPlacedIn(IEnumerable<int> countries, bool unposted, bool self)
    {
        var active = PostingQueries.Active(_clock.Today());
        var ids = countries.ToList();
        if (unposted) ids.Add(Unposted);
        var me = self && IsCooperant ? CooperantId ?? -1 : -1;
        // The placing posting as Placement reads it: the active one first, then the latest start.
        return _db.Cooperants.Where(c => c.Id == me || ids.Contains(
            c.Postings.AsQueryable().OrderByDescending(active).ThenByDescending(p => p.StartDate)
                .Select(p => (int?)p.CountryId).FirstOrDefault() ?? Unposted));
    }
}
