namespace Cooperation.Web.Features.Schools.Nominations;

/// <summary>
/// One nomination: the candidate, the session and its seats, the screening, the history of its status, the near-matches
/// of its trainee; the decisions the user may take, as buttons; the invitation letter once accepted.
/// </summary>
public class DetailsModel(GetNomination get, DecideNomination decide, ScreenCandidate screen, MergeTrainee merge, FindNearMatches nearMatches,
    InvitationLetter invitation, ListNominations list, Access access, IStringLocalizer<DetailsModel> text) : PageModel
{
    [BindProperty] public long? Version { get; set; }

    public NominationDetails Details { get; private set; } = null!;
    public IReadOnlyList<NearMatch> NearMatches { get; private set; } = [];
    public bool ShowsNearMatches => !access.IsLiaisonOfficer;
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ShowAsync(id, ct);

    public async Task<IActionResult> OnGetInvitationAsync(int id, string? lang, CancellationToken ct)
    {
        try
        {
            var letter = await invitation.HandleAsync(id, lang, ct);
            return File(letter.Content, "application/pdf", letter.FileName);
        }
        catch (RecordNotFoundException) { return NotFound(); }
        catch (ForbiddenException) { return Forbid(); }
        catch (DomainException e)
        {
            Error = text[e.MessageKey, e.Args].Value;
            return await ShowAsync(id, ct, StatusCodes.Status400BadRequest);
        }
    }

    public Task<IActionResult> OnPostReviewAsync(int id, CancellationToken ct) =>
        DecideAsync(id, Decision.Review, "La candidature est en cours d'examen.", ct);

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct) =>
        DecideAsync(id, Decision.Accept, "La candidature a été acceptée.", ct);

    public Task<IActionResult> OnPostWaitlistAsync(int id, CancellationToken ct) =>
        DecideAsync(id, Decision.Waitlist, "La candidature a été placée en liste d'attente.", ct);

    public Task<IActionResult> OnPostRefuseAsync(int id, CancellationToken ct) =>
        DecideAsync(id, Decision.Refuse, "La candidature a été refusée.", ct);

    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) =>
        DecideAsync(id, Decision.Withdraw, "La candidature a été retirée.", ct);

    public Task<IActionResult> OnPostScreenAsync(int id, string? outcome, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            await screen.HandleAsync(id, new ScreenCandidate.Request(outcome, Version), ct);
            return text["Le résultat du criblage a été enregistré."].Value;
        }, ct);

    public Task<IActionResult> OnPostMergeAsync(int id, int? traineeId, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            var kept = await merge.HandleAsync(id, new MergeTrainee.Request(traineeId, Version), ct);
            return text["Le dossier du candidat a été fusionné avec celui du stagiaire n° {0}.", kept].Value;
        }, ct);

    private Task<IActionResult> DecideAsync(int id, Decision decision, string done, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            var result = await decide.HandleAsync(id, decision, new DecideNomination.Request(Version), ct);
            var message = text[done].Value;
            if (result.PromotedId is { } promotedId && await list.FindAsync(promotedId, ct) is { } promoted)
                message += " " + text["{0} passe de la liste d'attente aux candidats acceptés.", promoted.TraineeName].Value;
            return message;
        }, ct);

    /// <summary>Runs an action and comes back to the page: with its message, or with the reason it was refused.</summary>
    private async Task<IActionResult> ActAsync(int id, Func<Task<string>> action, CancellationToken ct)
    {
        try
        {
            TempData["Flash"] = await action();
            return Redirect($"/Schools/Nominations/{id}");
        }
        catch (RecordNotFoundException) { return NotFound(); }
        catch (ForbiddenException) { return Forbid(); }
        catch (InvalidInputException e) { Error = e.Errors.First().Value.FirstOrDefault(); }
        catch (DomainException e) { Error = text[e.MessageKey, e.Args].Value; }
        catch (DbUpdateConcurrencyException) { Error = text["common.concurrency"].Value; }
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        if (await get.HandleAsync(id, ct) is not { } details) return NotFound();
        Details = details;
        if (ShowsNearMatches && details.Nomination.StatusValue is not (NominationStatus.Refused or NominationStatus.Withdrawn))
            NearMatches = await nearMatches.ForTraineeAsync(details.Nomination.TraineeId, ct);
        Response.StatusCode = status;
        return Page();
    }
}
