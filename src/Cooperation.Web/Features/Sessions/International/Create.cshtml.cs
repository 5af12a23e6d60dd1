namespace Cooperation.Web.Features.Sessions.International;

/// <summary>Plans an international session; the rotation planner's proposals open it with their year, number and zone.</summary>
public class CreateModel(CreateInternationalSession create, Access access, ReferenceLists references, IStringLocalizer<CreateModel> text)
    : SessionFormPage(references)
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (!access.CanPlanInternationalSessions) return Forbid();
        // A proposal's session falls in its usual season: March, June, October, for twelve days.
        if (FormValues.Int(Year) is { } year and >= 1990 and <= 2100 && FormValues.Int(Slot) is { } number and >= 1 and <= InternationalSession.SessionsPerYear)
        {
            var start = new DateOnly(year, number switch { 1 => 3, 2 => 6, _ => 10 }, 9);
            (StartDate, EndDate) = (start.ToString("yyyy-MM-dd"), start.AddDays(11).ToString("yyyy-MM-dd"));
        }
        Place = InternationalSession.DefaultPlace;
        await OnRefusedAsync(default);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = Input();
        ThrowIfInvalid();
        var id = await create.HandleAsync(input, ct);
        TempData["Flash"] = text["La session internationale a été planifiée."].Value;
        return Redirect($"/Sessions/International/{id}");
    }

    public override Task OnRefusedAsync(CancellationToken ct) => LoadZonesAsync();
}
