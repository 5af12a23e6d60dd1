using Cooperation.Web.Features.Projects.Projects;

namespace Cooperation.Web.Features.Network.Postings;

public class CreateModel(CreatePosting create, NetworkChoices choices, ReferenceLists references, ProjectChoices projects, IStringLocalizer<CreateModel> text)
    : PostingFormPage(choices, references)
{
    [BindProperty(SupportsGet = true)] public string? CooperantId { get; set; }
    /// <summary>A name searched for, narrowing the coopérants offered.</summary>
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    /// <summary>The form was opened from a coopérant's page, for him only.</summary>
    [BindProperty(SupportsGet = true)] public bool FixedCooperant { get; set; }

    /// <summary>The coopérant the form was opened for (from his page); otherwise the form offers a choice.</summary>
    public CooperantChoice? Cooperant { get; private set; }
    public List<CooperantChoice> Cooperants { get; private set; } = [];
    public bool MoreCooperants { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        FixedCooperant = FormValues.Int(CooperantId) is not null;
        await OnRefusedAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var start = Date(nameof(StartDate), StartDate);
        var plannedEnd = Date(nameof(PlannedEndDate), PlannedEndDate);
        ThrowIfInvalid();
        var (country, organisation) = Network.Destinations.Split(Destination);
        var cooperantId = FormValues.Int(CooperantId);
        await create.HandleAsync(new CreatePosting.Request(cooperantId, country, organisation, HostAuthorityType,
            HostAuthorityName, PositionTitle, start, plannedEnd, FormValues.Int(ProjectId)), ct);
        TempData["Flash"] = text["L'affectation a été enregistrée."].Value;
        return Redirect($"/Network/Cooperants/{cooperantId}");
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        create.Authorize();
        if (FixedCooperant && FormValues.Int(CooperantId) is { } id)
            Cooperant = await Choices.CooperantAsync(id, ct);
        else
            (Cooperants, MoreCooperants) = await Choices.CooperantsAsync(Search, ct);
        await LoadPlaceChoicesAsync(ct);
        Projects = await projects.ForActionsAsync(ct);
    }
}
