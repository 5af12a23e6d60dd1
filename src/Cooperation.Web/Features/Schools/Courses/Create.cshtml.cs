namespace Cooperation.Web.Features.Schools.Courses;

public class CreateModel(CreateCourse create, SchoolChoices schools, ReferenceLists references, IStringLocalizer<CreateModel> text)
    : CourseFormPage(references, text)
{
    [BindProperty(SupportsGet = true)] public string? School { get; set; }

    public IReadOnlyList<SchoolKey> Schools { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Active = "true";
        Languages = ["fr"];
        await OnRefusedAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var id = await create.HandleAsync(Fields<CreateCourse.Request>() with { School = School }, ct);
        TempData["Flash"] = text["La formation a été ajoutée au catalogue."].Value;
        return Redirect($"/Schools/Courses/{id}");
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Schools = await schools.RequireManageableAsync(ct);
        if (Schools.Count == 1) School ??= Schools[0].Acronym;
        await LoadChoicesAsync();
    }
}
