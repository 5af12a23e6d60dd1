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
    /// nobody for the auditor. The list form of <see cref="TraineesNamedAsync"/>. A few found by the index of the names'
    /// trigrams, or in the names for shorter words (up to <see cref="FewTrainees"/>), are read by their ids
    /// (<see cref="FewNamedAsync"/>); more are tested
    /// along the list's order, where a common name fills a page at once (a full name's first call: 43 to 9 ms on SQLite
    /// at scale 10).
    /// </summary>
    public async Task<IQueryable<Trainee>> VisibleTraineesNamedAsync(IQueryable<Trainee> visible, IReadOnlyList<string> words,
        CancellationToken ct = default)
    {
        if (!ReadsVisibleTraineeNames) return visible.Where(_ => false);
        if (await FewNamedAsync(words, FewTrainees, ct) is not { } few) return HoldingWords(visible, words);
        var found = visible.Where(t => EF.Parameter(few).Contains(t.Id));
        if (!_db.Database.IsNpgsql()) return found;
        // An OFFSET of nothing keeps PostgreSQL from walking the list's order: it guesses the few evenly spread along it,
        // but a surname's lie together, far along the names' index for SYLLA, whose entries it then read one by one
        // with their rows (230 ms at scale 10). Read by their ids and sorted: 12-17 ms.
        var none = 0;
        return found.Skip(none);
    }

    /// <summary>The trainees whose names the user reads and which hold every word searched (see <see cref="NameWords"/>).</summary>
    public async Task<IQueryable<Trainee>> TraineesNamedAsync(IReadOnlyList<string> words, CancellationToken ct = default) =>
        HoldingWords(await NamedTraineesAsync(ct), words);

    /// <summary>
    /// Nominations the user already sees (<see cref="VisibleNominationsAsync"/>, whose candidates he sees) narrowed to
    /// those whose candidates' names hold every word searched (see <see cref="NameWords"/>); none for the auditor.
    /// The candidates are found by the index of the names' trigrams (the <c>TraineeNameSearch</c> migration) for the
    /// words of three letters or more, rather than by reading every trainee's name: at scale 10, a full name searched
    /// took 130–150 ms on SQLite and 85–97 ms on PostgreSQL, a page of a common name 40–48 ms on SQLite. Shorter words
    /// are looked for in the names themselves, by the same two ways; in a list read a page at a time
    /// (<paramref name="paged"/>), SQLite tests many by each candidate's name (<see cref="CandidateNamesHolding"/>).
    /// <list type="bullet">
    /// <item>The planners cannot tell how many trainees the index finds (SQLite knows nothing of a full-text match,
    /// PostgreSQL guesses evenly spread names), so they are asked first, up to a bound (<see cref="FewNamedAsync"/>).</item>
    /// <item>For so few, the list is read from their nominations (a full name: 0.6 ms on SQLite).</item>
    /// <item>For more, along the list's order, each row tested against the matches (a common name: 3–10 ms).</item>
    /// <item>Either way alone was slow for the other: a rare name along the order walked every nomination (0.3–2.6 s on
    /// SQLite), a common one from its nominations sorted up to 44,000 of them (110 ms). PostgreSQL took 180 ms for a
    /// name and a word of two letters (<c>mar li</c>), 15 ms since.</item>
    /// </list>
    /// </summary>
    public async Task<IQueryable<Nomination>> NominationsOfCandidatesNamedAsync(IQueryable<Nomination> visible, IReadOnlyList<string> words,
        CancellationToken ct = default, int? fewCandidates = null, bool paged = false)
    {
        if (!ReadsVisibleTraineeNames) return visible.Where(_ => false);
        if (await FewNamedAsync(words, fewCandidates, ct) is { } few) return visible.Where(n => EF.Parameter(few).Contains(n.TraineeId));
        if (IndexedNames(words) is { } many)
            // "+ 0" keeps SQLite from reading the nominations by their trainee, which it chose for a page of 25 (a
            // common name by submission: 117 ms; along the order: 6 ms).
            return visible.Where(n => many.Contains(n.TraineeId + 0));
        if (paged && _db.Database.IsSqlite()) return CandidateNamesHolding(visible, words);
        var named = HoldingWords(_db.Trainees, words);
        return visible.Where(n => named.Any(t => t.Id == n.TraineeId));
    }

    /// <summary>
    /// On SQLite, the nominations whose candidates' names hold every word, each candidate's name read by its id as the
    /// list goes (a scalar subquery), for words too short for the index that many names hold, in a list read a page at a
    /// time. SQLite 3.53 makes a join of an <c>EXISTS</c> and first reads every trainee's name into a Bloom filter: a
    /// page of <c>BA</c>, a fifth of the names, took 40 ms at scale 10, its count up to 10,000 70 ms; read by id, 0.3 and
    /// 15-25 ms. A list read whole (its order kept, sorted by name: 63,200 nominations) is four times slower so (1.8 s
    /// against 0.45 s), and keeps the <c>EXISTS</c>.
    /// </summary>
    private IQueryable<Nomination> CandidateNamesHolding(IQueryable<Nomination> nominations, IReadOnlyList<string> words)
    {
        foreach (var word in words)
            nominations = nominations.Where(n =>
                _db.Trainees.Where(t => t.Id == n.TraineeId).Select(t => t.NormalizedName).FirstOrDefault()!.Contains(word));
        return nominations;
    }

    /// <summary>
    /// The ids of the trainees whose names hold every word, found by the index of the names' trigrams, when they are at
    /// most <paramref name="few"/> (by default <see cref="FewCandidates"/> on SQLite, <see cref="FewCandidatesPostgres"/>);
    /// null when they are more. Words too short for the index are looked for in the names themselves, read until more
    /// than the few are found: a common one (<c>BA</c>, a fifth of the names) stops within a few thousand (2-10 ms at
    /// scale 10), a rare one (<c>ZQ</c>) reads every name (SQLite 33 ms, PostgreSQL 34 ms), where its nominations along
    /// the list's order walked every one (0.36 s and 0.6-1.6 s).
    /// </summary>
    private async Task<List<int>?> FewNamedAsync(IReadOnlyList<string> words, int? few, CancellationToken ct)
    {
        var ids = IndexedNames(words) ?? HoldingWords(_db.Trainees, words).Select(t => t.Id);
        var most = few ?? (_db.Database.IsSqlite() ? FewCandidates : FewCandidatesPostgres);
        var found = await ids.Take(most + 1).ToListAsync(ct);
        return found.Count <= most ? found : null;
    }

    /// <summary>
    /// On SQLite, the ids of the trainees whose names hold every word: those the index of the names' trigrams finds for
    /// the words of three letters or more, whose names hold the shorter ones; null on PostgreSQL, or when no word is long
    /// enough.
    /// </summary>
    private IQueryable<int>? IndexedNames(IReadOnlyList<string> words)
    {
        var indexed = words.Where(Trigrams).ToList();
        if (!_db.Database.IsSqlite() || indexed.Count == 0) return null;
        // A phrase of each word (letters and digits only, NameWords): the trigram tokenizer matches it within a name.
        var match = string.Join(' ', indexed.Select(w => $"\"{w}\""));
        var found = _db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "TraineeNames" WHERE "TraineeNames" MATCH {match}""");
        // The index's rows are the trainees' (their ids); a shorter word is looked for in the names they hold.
        var shorter = words.Except(indexed).ToList();
        return shorter.Count == 0 ? found : HoldingWords(_db.Trainees.Where(t => found.Contains(t.Id)), shorter).Select(t => t.Id);
    }

    /// <summary>
    /// Up to how many candidates found by their names SQLite reads a list from their rows (<see cref="FewNamedAsync"/>):
    /// their nominations sorted by submission, which are not in the index SQLite reads them by, take 6 ms for 2,000.
    /// </summary>
    private const int FewCandidates = 2_000;

    /// <summary>
    /// The same for PostgreSQL, which sorts more rows in the time: a surname of 4,300 trainees, tested along the names'
    /// order, took 63 ms for the trainees' list, read by their ids 19 ms. Asking for up to 10,000 ids costs a common
    /// name 8–10 ms.
    /// </summary>
    private const int FewCandidatesPostgres = 10_000;

    /// <summary>
    /// Up to how many trainees found by their names the trainees' list reads by their ids, on either provider: sorted,
    /// 4,232 trainees (<c>SARR</c>) take SQLite 10–13 ms a statement, their page and their count, where tested along the
    /// names' order they took 22–34 ms each (the count reads every name).
    /// </summary>
    private const int FewTrainees = 10_000;

    /// <summary>
    /// The trainees whose names hold every word. On PostgreSQL a word of three letters or more is a <c>LIKE</c>, which it
    /// answers from the index of the names' trigrams (words are letters and digits, <see cref="NameWords"/>, so none holds
    /// a wildcard); a shorter one, and every word on SQLite, a plain test (<c>strpos</c>, <c>instr</c>): the index has
    /// nothing to find a shorter word by, and PostgreSQL read it whole for a <c>LIKE '%LI%'</c> (160 ms at scale 10);
    /// SQLite's <c>LIKE</c> took longer than its <c>instr</c>.
    /// </summary>
    private IQueryable<Trainee> HoldingWords(IQueryable<Trainee> trainees, IReadOnlyList<string> words)
    {
        var like = _db.Database.IsNpgsql();
        foreach (var word in words)
        {
            if (!like || !Trigrams(word)) { trainees = trainees.Where(t => t.NormalizedName.Contains(word)); continue; }
            var pattern = $"%{word}%";
            trainees = trainees.Where(t => EF.Functions.Like(t.NormalizedName, pattern));
        }
        return trainees;
    }

    /// <summary>Whether a word is long enough for the index of the names' trigrams to find it.</summary>
    private static bool Trigrams(string word) => word.EnumerateRunes().Count() >= 3;

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
