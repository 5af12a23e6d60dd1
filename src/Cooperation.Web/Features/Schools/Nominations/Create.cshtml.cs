using Cooperation.Web.Features.Schools.Trainees;

namespace Cooperation.Web.Features.Schools.Nominations;

/// <summary>
/// The liaison officer's light form: a candidate's identity and the session. Headquarters also choose the nominating
/// country. Errors show next to their fields; nothing is saved unless everything is right.
/// </summary>
public class CreateModel(NominateCandidate nominate, NominationChoices choices, Access access, IStringLocalizer<CreateModel> text) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public string? SessionId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty] public string? FirstName { get; set; }
    [BindProperty] public string? LastName { get; set; }
    [BindProperty] public string? BirthDate { get; set; }
    [BindProperty] public string? Gender { get; set; }
    [BindProperty] public string? Nationality { get; set; }
    /// <summary>The nationality offers every country, not only the partners (<c>?AllCountries=true</c>).</summary>
    [BindProperty(SupportsGet = true)] public bool AllCountries { get; set; }
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

    public Task OnGetAsync(CancellationToken ct) => OnRefusedAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var birthDate = Date(nameof(BirthDate), BirthDate);
        ThrowIfInvalid();
        var result = await nominate.HandleAsync(new NominateCandidate.Request(
            FormValues.Int(SessionId),
            new IdentityInput
            {
                FirstName = FirstName, LastName = LastName, BirthDate = birthDate, Gender = Gender, Nationality = Nationality,
                Administration = Administration, Rank = Rank, Position = Position, Email = Email,
            },
            ChoosesCountry ? Country : null), ct);
        var flash = text["La candidature de {0} {1} a été enregistrée.", FirstName!.Trim(), LastName!.Trim().ToUpperInvariant()].Value;
        if (result.ExistingTrainee) flash += " " + text["Ce candidat était déjà connu : son dossier de stagiaire a été repris."].Value;
        if (result.NearMatches > 0) flash += " " + text["{0} dossier(s) de stagiaire voisin(s) seront vérifiés par la direction.", result.NearMatches].Value;
        TempData["Flash"] = flash;
        return Redirect($"/Schools/Nominations/{result.NominationId}");
    }

    /// <summary>The session's rules name the session or the nominating country; a repeated candidate belongs to the whole form.</summary>
    public override string FormField(string field) => field switch
    {
        "session" or "sessionId" => nameof(SessionId),
        "country" => ChoosesCountry ? nameof(Country) : "",
        "trainee" => "",
        _ => base.FormField(field),
    };

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        nominate.Authorize();
        var sessions = await choices.OpenSessionsAsync(access.IsLiaisonOfficer ? access.CountryId : null, ct);
        Sessions = sessions.Select(s => new SelectListItem(choices.Label(s), s.Id.ToString())).ToList();
        var countries = await choices.NominatingCountriesAsync(ct);
        Countries = ChoosesCountry ? countries : [];
        if (!ChoosesCountry) OwnCountryName = countries.FirstOrDefault()?.Text;
        Nationalities = await choices.NationalitiesAsync(AllCountries);
        Administrations = await choices.AdministrationsAsync();
    }
}
