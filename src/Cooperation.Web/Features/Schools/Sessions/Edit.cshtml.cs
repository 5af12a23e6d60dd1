using Cooperation.Web.Features.Schools.Catalogue;

namespace Cooperation.Web.Features.Schools.Sessions;

public class EditModel(EditSession edit, GetSession get, IStringLocalizer<EditModel> text) : PageModel
{
    [BindProperty] public string? Version { get; set; }
    [BindProperty] public string? StartDate { get; set; }
    [BindProperty] public string? EndDate { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? Capacity { get; set; }

    public SessionRow Session { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } page) return NotFound();
        if (!page.CanManage) return Forbid();
        Session = page.Session;
        Version = Session.Version.ToString();
        StartDate = Session.StartDate.ToString("yyyy-MM-dd");
        EndDate = Session.EndDate.ToString("yyyy-MM-dd");
        Place = Session.Place;
        Capacity = Session.Capacity.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } page) return NotFound();
        if (!page.CanManage) return Forbid();
        Session = page.Session;
        var start = FormValues.Date(ModelState, text, nameof(StartDate), StartDate);
        var end = FormValues.Date(ModelState, text, nameof(EndDate), EndDate);
        var capacity = TrainingForms.Int(ModelState, text, nameof(Capacity), Capacity);
        if (ModelState.IsValid)
        {
            try
            {
                await edit.HandleAsync(id, new EditSession.Request(long.TryParse(Version, out var v) ? v : null, start, end, Place, capacity), ct);
                TempData["Flash"] = text["La session a été modifiée."].Value;
                return Redirect($"/Schools/Sessions/{id}");
            }
            catch (InvalidInputException e) { TrainingForms.Show(ModelState, e); }
            catch (DomainException e) { TrainingForms.Show(ModelState, text, e); }
            catch (DbUpdateConcurrencyException) { ModelState.AddModelError("", text["common.concurrency"]); }
            catch (ForbiddenException) { return Forbid(); }
        }
        return Page();
    }
}
