namespace Cooperation.Web.Features.Schools.Courses;

/// <summary>The course forms (creation and change): the fields of <c>_CourseFields</c> and their choices.</summary>
public abstract class CourseFormPage(ReferenceLists references, IStringLocalizer text) : FormPageModel
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

    /// <summary>A version the form sends back has no field of its own: its refusal shows above the form.</summary>
    public override string FormField(string field) => field == "version" ? "" : base.FormField(field);

    protected async Task LoadChoicesAsync()
    {
        Domains = await references.DomainsAsync();
        Levels = CourseRules.LevelChoices(text);
        Administrations = await references.AdministrationsAsync(includeTraineesOnly: true);
        LanguageChoices = CourseRules.LanguageChoices(text);
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

    /// <summary>The course as the form gives it, in a request of type <typeparamref name="T"/>; a duration that is no number refuses the post.</summary>
    protected T Fields<T>() where T : CourseFields, new()
    {
        var duration = Number(nameof(DurationDays), DurationDays);
        ThrowIfInvalid();
        return new T
        {
            Code = Code, TitleFr = TitleFr, TitleEn = TitleEn, Domain = Domain, Level = Level, DurationDays = duration,
            Languages = Languages, Audience = Audience, Active = Active == "true",
        };
    }
}
