
namespace Cooperation.Web.Features.Network;

/// <summary>Records a new coopérant (not yet posted: his posting is a separate act). Administrators and desk officers only.</summary>
public class CreateCooperant(CooperationDbContext db, Access access, IStringLocalizer<CreateCooperant> text) : IUseCase
{
    public bool Allowed => access.CanEditAnything;

    public async Task<CooperantSaved> HandleAsync(CooperantInput input, CancellationToken ct = default)
    {
        if (!Allowed) throw new ForbiddenException("common.forbidden");
        var (profile, errors) = await CooperantRules.CheckAsync(input, db, text, ct);
        if (profile is null) return CooperantSaved.Invalid(errors);

        var cooperant = new Cooperant { FirstName = profile.FirstName, LastName = profile.LastName, Rank = profile.Rank };
        CooperantRules.Apply(cooperant, profile);
        db.Cooperants.Add(cooperant);
        await db.SaveChangesAsync(ct);
        return new CooperantSaved(cooperant.Id, cooperant.Version, errors);
    }
}
