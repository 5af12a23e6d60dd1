namespace Cooperation.Web.Features.Schools.Catalogue;

public class CreateModel(CreateCourse create, CooperationDbContext db, Access access, ReferenceLists references, IStringLocalizer<CreateModel> text)
    : CourseFormModel(references, text)
{
    [BindProperty(SupportsGet = true)] public string? School { get; set; }

    public List<SchoolKey> Schools { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Active = "true";
        Languages = ["fr"];
        return await ChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var duration = Duration();
        if (ModelState.IsValid)
        {
            try
            {
                var id = await create.HandleAsync(new CreateCourse.Request(School, Code, TitleFr, TitleEn, Domain, Level, duration,
                    Languages, Audience, Active == "true"), ct);
                TempData["Flash"] = text["La formation a été ajoutée au catalogue."].Value;
                return Redirect($"/Schools/Courses/{id}");
            }
            catch (InvalidInputException e) { TrainingForms.Show(ModelState, e); }
            catch (DomainException e) { TrainingForms.Show(ModelState, text, e); }
            catch (ForbiddenException) { return Forbid(); }
        }
        return await ChoicesAsync(ct);
    }

    private async Task<IActionResult> ChoicesAsync(CancellationToken ct)
    {
        Schools = await CatalogueCodes.ManageableSchoolsAsync(db, access, ct);
        if (Schools.Count == 0) return Forbid();
        if (Schools.Count == 1) School ??= Schools[0].Acronym;
        await LoadChoicesAsync();
        return Page();
    }
}
