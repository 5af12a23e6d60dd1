
namespace Cooperation.Web.Features.Network;

/// <summary>
/// Changes a coopérant's profile, from the version the user read (a stale one throws
/// <see cref="DbUpdateConcurrencyException"/>, nothing saved). A desk officer edits in her zones, an administrator
/// everywhere; a coopérant edits his own contact details and languages, nothing else.
/// </summary>
public class EditCooperant(CooperationDbContext db, Access access, TimeProvider clock, IStringLocalizer<EditCooperant> text) : IUseCase
{
    public enum Mode { None, OwnContact, Full }

    /// <summary>What the user may change on this coopérant; null when the coopérant does not exist or is out of sight.</summary>
    public async Task<Mode?> ModeAsync(int id, CancellationToken ct = default)
    {
        var today = clock.Today();
        var (exists, countryId) = await GetCooperant.ScopeAsync(db, id, today, ct);
        var own = access.IsCooperant && access.CooperantId == id;
        if (!exists || !own && access.VisibleCountryIds is { } visible && !(countryId is { } c && visible.Contains(c)))
            return null;
        if (await access.CanEditCountryAsync(countryId, ct)) return Mode.Full;
        return await access.CanEditCooperantAsync(id, countryId, ct) ? Mode.OwnContact : Mode.None;
    }

    /// <summary>Null when the coopérant does not exist or is out of the user's sight.</summary>
    public async Task<CooperantSaved?> HandleAsync(int id, CooperantInput input, CancellationToken ct = default)
    {
        var mode = await ModeAsync(id, ct);
        if (mode is null) return null;
        if (mode == Mode.None) throw new ForbiddenException("common.forbidden");

        var cooperant = await db.Cooperants.Include(c => c.Administration).Include(c => c.SpecialtyDomain).SingleAsync(c => c.Id == id, ct);
        if (mode == Mode.OwnContact)
        {
            // The rest of his profile is the directorate's to keep: a coopérant may send it back unchanged, or leave it out.
            bool Same(string? sent, string? current) => sent is null || CooperantRules.Clean(sent) is var s
                && string.Equals(s, CooperantRules.Clean(current), StringComparison.OrdinalIgnoreCase);
            if (!Same(input.FirstName, cooperant.FirstName) || !Same(input.LastName, cooperant.LastName)
                || !Same(input.Administration, cooperant.Administration!.Code) || !Same(input.Rank, cooperant.Rank)
                || !Same(input.SpecialtyDomain, cooperant.SpecialtyDomain?.Code))
                throw new ForbiddenException("cooperant.ownContactOnly");
            input = input with
            {
                FirstName = cooperant.FirstName, LastName = cooperant.LastName, Administration = cooperant.Administration.Code,
                Rank = cooperant.Rank, SpecialtyDomain = cooperant.SpecialtyDomain?.Code,
            };
        }

        var (profile, errors) = await CooperantRules.CheckAsync(input, db, text, ct);
        if (input.Version is null)
            errors.TryAdd("version", [text["common.required", text[CooperantRules.FieldLabels["version"]].Value].Value]);
        if (profile is null || errors.Count > 0) return CooperantSaved.Invalid(errors);

        db.Entry(cooperant).Property(c => c.Version).OriginalValue = input.Version!.Value;
        CooperantRules.Apply(cooperant, profile);
        await db.SaveChangesAsync(ct);
        return new CooperantSaved(cooperant.Id, cooperant.Version, errors);
    }
}
