namespace Cooperation.Web.Features.Missions.Experts;

/// <summary>Adds a short-term expert to the registry: name, home administration (one of the four), grade, speciality, contacts.</summary>
public class CreateExpert(CooperationDbContext db, Access access, ReferenceCodes codes, IStringLocalizer<CreateExpert> text) : IUseCase
{
    /// <param name="Administration">Code of the home administration (ARM, INT, ECO, JUS).</param>
    public record Request(string? FirstName, string? LastName, string? Administration, string? Grade, string? Speciality,
        string? Email = null, string? Phone = null);

    public void Authorize() => ForbiddenException.ThrowUnless(access.CanEditExperts);

    /// <returns>The id of the new expert.</returns>
    public async Task<int> HandleAsync(Request request, CancellationToken ct = default)
    {
        Authorize();
        var errors = new FieldErrors(text);
        var first = errors.Text("firstName", "Prénom", request.FirstName, 100);
        var last = errors.Text("lastName", "Nom", request.LastName, 100);
        var administration = await codes.AdministrationAsync(request.Administration, errors, secondingOnly: true, ct: ct);
        var grade = errors.Text("grade", "Grade", request.Grade, 100);
        var speciality = errors.Text("speciality", "Spécialité", request.Speciality);
        var email = errors.Email("email", "Courriel", request.Email);
        var phone = errors.Phone("phone", "Téléphone", request.Phone);
        errors.ThrowIfAny();

        var expert = new Expert
        {
            FirstName = first!, LastName = last!, NormalizedName = Expert.Normalize(first!, last!), AdministrationId = administration!.Value,
            Grade = grade!, Speciality = speciality!, Email = email, Phone = phone,
        };
        db.Experts.Add(expert);
        await db.SaveChangesAsync(ct);
        return expert.Id;
    }
}
