namespace Cooperation.Web.Features.Sessions.International;

/// <summary>A session's page: its terms, invited countries, participants and their status buttons, invitation letters.</summary>
public class DetailsModel(GetInternationalSession get, ChangeParticipantStatus change, ParticipantInvitationLetter letter, IStringLocalizer<DetailsModel> text)
    : FormPageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    public InternationalSessionPage Session { get; private set; } = null!;

    public override string FormField(string field) => "";

    public async Task OnGetAsync(CancellationToken ct) => Session = await get.HandleAsync(Id, ct);

    public async Task<IActionResult> OnPostStatusAsync(int participantId, string? to, long? version, CancellationToken ct)
    {
        await change.HandleAsync(Id, participantId, new ChangeParticipantStatus.Request(to, version), ct);
        TempData["Flash"] = text["Le statut du participant a été modifié."].Value;
        return Redirect($"/Sessions/International/{Id}#participants");
    }

    public async Task<IActionResult> OnGetLetterAsync(int participantId, string? lang, CancellationToken ct)
    {
        var pdf = await letter.HandleAsync(Id, participantId, lang, ct);
        return File(pdf.Content, "application/pdf", pdf.FileName);
    }

    public override async Task OnRefusedAsync(CancellationToken ct) => Session = await get.HandleAsync(Id, ct);
}
