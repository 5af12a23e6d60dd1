
namespace Cooperation.Web.Features.Network.Postings;

public class EndModel(EndPosting end, ListPostings list, Access access, TimeProvider clock, IStringLocalizer<EndModel> text) : PageModel
{
    [BindProperty] public string? ActualEndDate { get; set; }
    [BindProperty] public string? Version { get; set; }

    public PostingRow Posting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        ActualEndDate = (Posting.ActualEndDate ?? clock.Today()).ToString("yyyy-MM-dd");
        Version = Posting.Version.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var date = NetworkForms.Date(ModelState, text, nameof(ActualEndDate), ActualEndDate);
        if (!ModelState.IsValid) return Page();
        try
        {
            await end.HandleAsync(id, new EndPosting.Request(date, long.TryParse(Version, out var v) ? v : null), ct);
            TempData["Flash"] = text["L'affectation a été terminée."].Value;
            return Redirect($"/Network/Cooperants/Details/{Posting.CooperantId}");
        }
        catch (InvalidInputException e) { NetworkForms.Show(ModelState, e); }
        catch (DomainException e) { NetworkForms.Show(ModelState, text, e); }
        catch (DbUpdateConcurrencyException) { ModelState.AddModelError("", text["common.concurrency"]); }
        catch (ForbiddenException) { return Forbid(); }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (!access.CanEditAnything) return Forbid();
        if (await list.FindAsync(id, ct) is not { } posting) return NotFound();
        Posting = posting;
        return await access.CanEditCountryAsync(posting.CountryId, ct) ? null : Forbid();
    }
}
