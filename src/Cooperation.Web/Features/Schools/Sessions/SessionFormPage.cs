namespace Cooperation.Web.Features.Schools.Sessions;

/// <summary>A row of a quota table (<c>_QuotaRows</c>): an invited country and its seats, as typed.</summary>
public sealed class QuotaLine
{
    public string? Country { get; set; }
    public string? Seats { get; set; }
}

/// <summary>
/// The session forms: planning, change of terms, and the session page's status buttons and quota table. A refusal of
/// the seats shows beside the quota table; one of the session's status, or of the version sent back, above the form.
/// </summary>
public abstract class SessionFormPage : FormPageModel
{
    public override string FormField(string field) => field switch
    {
        "seats" or "quotas" => "Quotas",
        "status" or "version" => "",
        _ => base.FormField(field),
    };

    /// <summary>The filled rows of a quota table; seats that are no number refuse the post.</summary>
    protected List<QuotaInput> QuotaInputs(IEnumerable<QuotaLine> lines) =>
        lines.Where(q => !string.IsNullOrWhiteSpace(q.Country) || !string.IsNullOrWhiteSpace(q.Seats))
            .Select(q => new QuotaInput(q.Country, Number("Quotas", q.Seats))).ToList();
}

/// <summary>The planning and change forms: a session's dates, place and capacity (<c>_SessionTerms</c>).</summary>
public abstract class SessionTermsPage : SessionFormPage
{
    [BindProperty] public string? StartDate { get; set; }
    [BindProperty] public string? EndDate { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? Capacity { get; set; }
    /// <summary>The project the session serves (the one chain).</summary>
    [BindProperty] public string? ProjectId { get; set; }
    public List<SelectListItem> Projects { get; protected set; } = [];

    /// <summary>The dates and capacity as typed; one that cannot be read refuses the post.</summary>
    protected (DateOnly? Start, DateOnly? End, int? Capacity) Terms() =>
        (Date(nameof(StartDate), StartDate), Date(nameof(EndDate), EndDate), Number(nameof(Capacity), Capacity));
}
