namespace Cooperation.Web.Features.Schools.Nominations;

/// <summary>
/// One nomination: the candidate, the session and its seats, the screening, the history of its status, the near-matches
/// of its trainee; the decisions the user may take, as buttons; the invitation letter once accepted. A refused action
/// shows its reason above the page.
/// </summary>
public class DetailsModel(GetNomination get, DecideNomination decide, ScreenCandidate screen, MergeTrainee merge, FindNearMatches nearMatches,
    InvitationLetter invitation, ListNominations list, Access access, IStringLocalizer<DetailsModel> text) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public long? Version { get; set; }

    public NominationDetails Details { get; private set; } = null!;
    public IReadOnlyList<NearMatch> NearMatches { get; private set; } = [];
    public bool ShowsNearMatches => !access.IsLiaisonOfficer;

    public Task OnGetAsync(CancellationToken ct) => OnRefusedAsync(ct);

    public async Task<IActionResult> OnGetInvitationAsync(string? lang, CancellationToken ct)
    {
        var letter = await invitation.HandleAsync(Id, lang, ct);
        return File(letter.Content, "application/pdf", letter.FileName);
    }

    public Task<IActionResult> OnPostReviewAsync(CancellationToken ct) => DecideAsync(Decision.Review, "La candidature est en cours d'examen.", ct);

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) => DecideAsync(Decision.Accept, "La candidature a été acceptée.", ct);

    public Task<IActionResult> OnPostWaitlistAsync(CancellationToken ct) =>
        DecideAsync(Decision.Waitlist, "La candidature a été placée en liste d'attente.", ct);

    public Task<IActionResult> OnPostRefuseAsync(CancellationToken ct) => DecideAsync(Decision.Refuse, "La candidature a été refusée.", ct);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) => DecideAsync(Decision.Withdraw, "La candidature a été retirée.", ct);

    public async Task<IActionResult> OnPostScreenAsync(string? outcome, CancellationToken ct)
    {
        await screen.HandleAsync(Id, new ScreenCandidate.Request(outcome, Version), ct);
        return Done(text["Le résultat du criblage a été enregistré."].Value);
    }

    public async Task<IActionResult> OnPostMergeAsync(int? traineeId, CancellationToken ct)
    {
        var kept = await merge.HandleAsync(Id, new MergeTrainee.Request(traineeId, Version), ct);
        return Done(text["Le dossier du candidat a été fusionné avec celui du stagiaire n° {0}.", kept].Value);
    }

    private async Task<IActionResult> DecideAsync(Decision decision, string done, CancellationToken ct)
    {
        var result = await decide.HandleAsync(Id, decision, new DecideNomination.Request(Version), ct);
        var message = text[done].Value;
        if (result.PromotedId is { } promotedId && await list.FindAsync(promotedId, ct) is { } promoted)
            message += " " + text["{0} passe de la liste d'attente aux candidats acceptés.", promoted.TraineeName].Value;
        return Done(message);
    }

    private RedirectResult Done(string message)
    {
        TempData["Flash"] = message;
        return Redirect($"/Schools/Nominations/{Id}");
    }

    /// <summary>An action's refusal concerns the nomination as a whole: it shows above the page.</summary>
    public override string FormField(string field) => "";

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Details = await get.HandleAsync(Id, ct);
        if (ShowsNearMatches && Details.Nomination.StatusValue is not (NominationStatus.Refused or NominationStatus.Withdrawn))
            NearMatches = await nearMatches.ForTraineeAsync(Details.Nomination.TraineeId, ct);
    }
}
