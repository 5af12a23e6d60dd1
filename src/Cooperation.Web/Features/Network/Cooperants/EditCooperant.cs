namespace Cooperation.Web.Features.Network.Cooperants;

/// <summary>
/// Changes a coopérant's profile, from the version the user read (a stale one is refused, nothing saved). A desk
/// officer edits in her zones, an administrator everywhere; a coopérant edits his own contact details and languages,
/// nothing else.
/// </summary>
public class EditCooperant(CooperationDbContext db, Access access, ReferenceCodes codes, IStringLocalizer<EditCooperant> text)
    : IUseCase
{
    public enum Mode { OwnContact, Full }

    /// <summary>What the user may change on this coopérant: not found when out of his sight, forbidden when nothing.</summary>
    public async Task<Mode> ModeAsync(int id, CancellationToken ct = default)
    {
        if (!await access.SeesCooperantAsync(id, ct)) throw new RecordNotFoundException();
        if (await access.CanPostCooperantAsync(id, ct)) return Mode.Full;
        return await access.CanEditCooperantAsync(id, ct) ? Mode.OwnContact : throw new ForbiddenException();
    }

    public async Task HandleAsync(int id, CooperantInput input, CancellationToken ct = default)
    {
        var mode = await ModeAsync(id, ct);
        var cooperant = await db.Cooperants.Include(c => c.Administration).Include(c => c.SpecialtyDomain).SingleAsync(c => c.Id == id, ct);
        if (mode == Mode.OwnContact)
        {
            // The rest of his profile is the directorate's to keep: a coopérant may send it back unchanged, or leave it out.
            bool Same(string? sent, string? current) =>
                sent is null || string.Equals(Text.Clean(sent), Text.Clean(current), StringComparison.OrdinalIgnoreCase);
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

        var errors = new FieldErrors(text);
        var profile = await CooperantProfile.CheckAsync(input, codes, errors, ct);
        var version = errors.Required("version", "Version", input.Version);
        errors.ThrowIfAny();

        db.Entry(cooperant).Property(c => c.Version).OriginalValue = version!.Value;
        CooperantProfile.Apply(cooperant, profile!);
        await db.SaveChangesAsync(ct);
    }
}
