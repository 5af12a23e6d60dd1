namespace Cooperation.Web.Features.Network.Cooperants;

/// <summary>Records a new coopérant (not yet posted: his posting is a separate act). Administrators and desk officers only.</summary>
public class CreateCooperant(CooperationDbContext db, Access access, ReferenceCodes codes, IStringLocalizer<CreateCooperant> text) : IUseCase
{
    public bool Allowed => access.CanEditAnything;

    /// <returns>The id of the new coopérant.</returns>
    public async Task<int> HandleAsync(CooperantInput input, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(Allowed);
        var errors = new FieldErrors(text);
        var profile = await CooperantProfile.CheckAsync(input, codes, errors, ct);
        errors.ThrowIfAny();

        var cooperant = new Cooperant { FirstName = profile!.FirstName, LastName = profile.LastName, Rank = profile.Rank };
        CooperantProfile.Apply(cooperant, profile);
        db.Cooperants.Add(cooperant);
        await db.SaveChangesAsync(ct);
        return cooperant.Id;
    }
}
