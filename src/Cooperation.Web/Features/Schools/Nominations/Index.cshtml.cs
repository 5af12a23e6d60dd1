namespace Cooperation.Web.Features.Schools.Nominations;

/// <summary>The nominations the user sees; with Awaiting=true, the desk officer's queue of those awaiting a decision.</summary>
public class IndexModel(ListNominations list, NominationChoices choices, Access access, IStringLocalizer<IndexModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Session { get; set; }
    [BindProperty(SupportsGet = true)] public string? School { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Screening { get; set; }
    [BindProperty(SupportsGet = true)] public bool Awaiting { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public Paged<NominationRow> Result { get; private set; } = null!;
    public PageLinks Links { get; private set; } = null!;
    public List<SelectListItem> Sessions { get; private set; } = [];
    public List<SelectListItem> Schools { get; private set; } = [];
    public List<SelectListItem> Countries { get; private set; } = [];
    public bool CanNominate => access.CanNominateAny;
    public bool SeesNames => access.SeesTraineePersonalData;
    public string? FilterError { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, [FromQuery(Name = "pageSize")] int? pageSize, CancellationToken ct)
    {
        try
        {
            Result = await list.HandleAsync(Query(page, pageSize), ct);
        }
        catch (InvalidInputException e)
        {
            FilterError = e.Errors.First().Value.FirstOrDefault();
            (Status, Screening) = (null, null);
            Result = await list.HandleAsync(Query(page, pageSize), ct);
        }
        Links = new PageLinks(Result.Page, Result.PageSize, Result.Total, Request.Path, Request.Query);
        Sessions = await choices.SessionsAsync(Session, ct);
        Schools = await choices.SchoolsAsync(ct);
        Countries = await choices.NominatingCountriesSeenAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        IReadOnlyList<NominationRow> rows;
        try { rows = await list.AllAsync(Query(null, null), ct); }
        catch (InvalidInputException) { return BadRequest(); }
        Column<NominationRow>[] columns =
        [
            new(text["Candidat"], r => r.TraineeName),
            new(text["Sexe"], r => r.Gender == nameof(Gender.Female) ? text["Femme"].Value : text["Homme"].Value),
            new(text["Grade"], r => r.Rank),
            new(text["Administration d'origine"], r => r.AdministrationName),
            new(text["Pays proposant"], r => r.CountryName),
            new(text["École"], r => r.School),
            new(text["Formation"], r => $"{r.CourseCode} — {r.CourseTitle}"),
            new(text["Début de la session"], r => r.SessionStart),
            new(text["Fin de la session"], r => r.SessionEnd),
            new(text["Lieu"], r => r.Place),
            new(text["Statut"], r => r.StatusName),
            new(text["Criblage"], r => r.ScreeningName),
            new(text["Soumise le"], r => DateOnly.FromDateTime(r.SubmittedAt)),
            new(text["Décidée le"], r => r.DecidedAt is { } d ? DateOnly.FromDateTime(d) : null),
        ];
        return Export.File(format, text["candidatures"], columns, rows);
    }

    private ListNominations.Query Query(int? page, int? pageSize) =>
        new(Session, School, Country, Status, Screening, Awaiting ? true : null, null, Search, Sort, page, pageSize);

    /// <summary>The link of a column header: sorts by it, or reverses the order when it already does.</summary>
    public string SortUrl(string key)
    {
        var next = Sort == key ? "-" + key : key;
        var q = Request.Query.Where(kv => kv.Key is not ("sort" or "Sort" or "page" or "handler" or "format"))
            .ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
        q["Sort"] = next;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Request.Path, q);
    }

    public string AriaSort(string key) =>
        (Sort ?? "-submitted") == key ? "ascending" : (Sort ?? "-submitted") == "-" + key ? "descending" : "none";
}
