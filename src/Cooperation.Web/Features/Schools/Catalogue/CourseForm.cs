namespace Cooperation.Web.Features.Schools.Catalogue;

/// <summary>The fields of the course forms (creation and change) and their choices.</summary>
public abstract class CourseFormModel(ReferenceLists references, IStringLocalizer text) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? TitleFr { get; set; }
    [BindProperty] public string? TitleEn { get; set; }
    [BindProperty] public string? Domain { get; set; }
    [BindProperty] public string? Level { get; set; }
    [BindProperty] public string? DurationDays { get; set; }
    [BindProperty] public List<string> Languages { get; set; } = [];
    [BindProperty] public List<string> Audience { get; set; } = [];
    /// <summary>"true" when the box is ticked: an unticked box sends nothing.</summary>
    [BindProperty] public string? Active { get; set; }

    public List<SelectListItem> Domains { get; private set; } = [];
    public List<SelectListItem> Levels { get; private set; } = [];
    public List<SelectListItem> Administrations { get; private set; } = [];
    public List<SelectListItem> LanguageChoices { get; private set; } = [];

    protected async Task LoadChoicesAsync()
    {
        Domains = await references.DomainsAsync();
        Levels = IndexModel.LevelChoices(text);
        Administrations = await references.AdministrationsAsync(includeTraineesOnly: true);
        LanguageChoices = CatalogueCodes.KnownLanguages.Select(l => new SelectListItem(CatalogueCodes.LanguageName(l, text), l)).ToList();
    }

    protected void Fill(CourseRow c)
    {
        Code = c.Code;
        TitleFr = c.TitleFr;
        TitleEn = c.TitleEn;
        Domain = c.Domain;
        Level = c.Level;
        DurationDays = c.DurationDays.ToString();
        Languages = c.Languages.ToList();
        Audience = c.Audience.Select(a => a.Code).ToList();
        Active = c.Active ? "true" : null;
    }

    protected int? Duration() => TrainingForms.Int(ModelState, text, nameof(DurationDays), DurationDays);
}
