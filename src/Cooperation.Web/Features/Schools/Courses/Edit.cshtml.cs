namespace Cooperation.Web.Features.Schools.Courses;

public class EditModel(EditCourse edit, ReferenceLists references, IStringLocalizer<EditModel> text) : CourseFormPage(references, text)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Version { get; set; }

    public CourseRow Course { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        Fill(Course);
        Version = Course.Version.ToString();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await edit.HandleAsync(Id, Fields<EditCourse.Request>() with { Version = long.TryParse(Version, out var v) ? v : null }, ct);
        TempData["Flash"] = text["La formation a été modifiée."].Value;
        return Redirect($"/Schools/Courses/{Id}");
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Course = await edit.CourseAsync(Id, ct);
        await LoadChoicesAsync();
    }
}
