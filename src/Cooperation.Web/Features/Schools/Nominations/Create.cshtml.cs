namespace Cooperation.Web.Features.Schools.Nominations;

/// <summary>
/// The liaison officer's light form: a candidate's identity and the session. Headquarters also choose the nominating
/// country. Errors show next to their fields; nothing is saved unless everything is right.
/// </summary>
public class CreateModel(NominateCandidate nominate, NominationChoices choices, Access access, IStringLocalizer<CreateModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? SessionId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty] public string? FirstName { get; set; }
    [BindProperty] public string? LastName { get; set; }
    [BindProperty] public string? BirthDate { get; set; }
    [BindProperty] public string? Gender { get; set; }
    [BindProperty] public string? Nationality { get; set; }
    [BindProperty] public string? Administration { get; set; }
    [BindProperty] public string? Rank { get; set; }
    [BindProperty] public string? Position { get; set; }
    [BindProperty] public string? Email { get; set; }

    public List<SelectListItem> Sessions { get; private set; } = [];
    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Nationalities { get; private set; } = [];
    public List<SelectListItem> Administrations { get; private set; } = [];
    /// <summary>A liaison officer nominates for his own country only; headquarters choose the country.</summary>
    public bool ChoosesCountry => !access.IsLiaisonOfficer;
    public string? OwnCountryName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!access.CanNominateAny) return Forbid();
        await ChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!access.CanNominateAny) return Forbid();
        var birthDate = FormValues.Date(ModelState, text, nameof(BirthDate), BirthDate);
        if (ModelState.IsValid)
        {
            try
            {
                var request = new NominateCandidate.Request(
                    FormValues.Int(SessionId),
                    new NominateCandidate.Candidate(FirstName, LastName, birthDate, Gender, Nationality, Administration, Rank, Position, Email),
                    ChoosesCountry ? Country : null);
                var result = await nominate.HandleAsync(request, ct);
                var flash = text["La candidature de {0} {1} a été enregistrée.", FirstName!.Trim(), LastName!.Trim().ToUpperInvariant()].Value;
                if (result.ExistingTrainee) flash += " " + text["Ce candidat était déjà connu : son dossier de stagiaire a été repris."].Value;
                if (result.NearMatches > 0) flash += " " + text["{0} dossier(s) de stagiaire voisin(s) seront vérifiés par la direction.", result.NearMatches].Value;
                TempData["Flash"] = flash;
                return Redirect($"/Schools/Nominations/{result.NominationId}");
            }
            catch (InvalidInputException e)
            {
                foreach (var (field, messages) in e.Errors)
                    foreach (var m in messages) ModelState.AddModelError(PageField(field), m);
            }
            catch (DomainException e) { ModelState.AddModelError(PageField(e.Field), text[e.MessageKey, e.Args].Value); }
            catch (ForbiddenException) { return Forbid(); }
        }
        await ChoicesAsync(ct);
        return Page();
    }

    /// <summary>The form field that shows an error of the use case's field; errors of no field go above the form.</summary>
    private string PageField(string field) => field switch
    {
        "session" or "sessionId" => nameof(SessionId),
        "country" => ChoosesCountry ? nameof(Country) : "",
        "trainee" or "" => "",
        _ => char.ToUpperInvariant(field[0]) + field[1..],
    };

    private async Task ChoicesAsync(CancellationToken ct)
    {
        var countryId = access.IsLiaisonOfficer ? access.CountryId : null;
        var sessions = await choices.OpenSessionsAsync(countryId, ct);
        Sessions = sessions.Select(s => new SelectListItem(choices.Label(s), s.Id.ToString())).ToList();
        Countries = ChoosesCountry ? await choices.NominatingCountriesAsync(ct) : [];
        if (!ChoosesCountry) OwnCountryName = (await choices.NominatingCountriesAsync(ct)).FirstOrDefault()?.Text;
        Nationalities = await choices.NationalitiesAsync();
        Administrations = await choices.AdministrationsAsync();
    }
}
