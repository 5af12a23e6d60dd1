namespace Cooperation.Web.Features.Schools.Catalogue;

public class EditModel(EditCourse edit, ListCourses list, Access access, ReferenceLists references, IStringLocalizer<EditModel> text)
    : CourseFormModel(references, text)
{
    [BindProperty] public string? Version { get; set; }

    public CourseRow Course { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await list.FindAsync(id, ct) is not { } course) return NotFound();
        Course = course;
        Fill(course);
        Version = course.Version.ToString();
        return await ChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await list.FindAsync(id, ct) is not { } course) return NotFound();
        Course = course;
        var duration = Duration();
        if (ModelState.IsValid)
        {
            try
            {
                await edit.HandleAsync(id, new EditCourse.Request(long.TryParse(Version, out var v) ? v : null, Code, TitleFr, TitleEn,
                    Domain, Level, duration, Languages, Audience, Active == "true"), ct);
                TempData["Flash"] = text["La formation a été modifiée."].Value;
                return Redirect($"/Schools/Courses/{id}");
            }
            catch (InvalidInputException e) { TrainingForms.Show(ModelState, e); }
            catch (DomainException e) { TrainingForms.Show(ModelState, text, e); }
            catch (DbUpdateConcurrencyException) { ModelState.AddModelError("", text["common.concurrency"]); }
            catch (ForbiddenException) { return Forbid(); }
        }
        return await ChoicesAsync(ct);
    }

    private async Task<IActionResult> ChoicesAsync(CancellationToken ct)
    {
        if (!await access.CanManageSchoolAsync(Course.SchoolId, Course.SchoolCountryId, ct)) return Forbid();
        await LoadChoicesAsync();
        return Page();
    }
}
