namespace Cooperation.Web.Features.Partners.Partnerships;

/// <summary>Changes a partnership as a whole, guarded by the version read: not found out of sight, forbidden unless it touches the user's zones.</summary>
public class EditPartnership(CooperationDbContext db, Access access, PartnershipForm form, IStringLocalizer<EditPartnership> text) : IUseCase
{
    public async Task HandleAsync(int id, PartnershipInput input, CancellationToken ct = default)
    {
        var partnership = await ManageableAsync(db, access, id, ct);
        var version = new FieldErrors(text).Required("version", "Version", input.Version)
            ?? throw FieldErrors.One(text, "version", "common.required", text["Version"].Value);
        var terms = await form.CheckAsync(input, id, ct);
        terms.ApplyTo(partnership);
        db.Entry(partnership).Property(p => p.Version).OriginalValue = version;
        db.Entry(partnership).Property(p => p.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The partnership with its scope and contributions, tracked: not found out of sight, forbidden unless the user manages it.</summary>
    public static async Task<Partnership> ManageableAsync(CooperationDbContext db, Access access, int id, CancellationToken ct)
    {
        var partnership = await access.VisiblePartnerships(db.Partnerships)
            .Include(p => p.Domains).Include(p => p.Countries).Include(p => p.Zones).Include(p => p.Contributions)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new RecordNotFoundException();
        ForbiddenException.ThrowUnless(access.CanManagePartnership(ZonesOf(partnership)));
        return partnership;
    }

    public static IEnumerable<int> ZonesOf(Partnership p) =>
        p.Zones.Select(z => z.Id).Concat(p.Countries.Where(c => c.ZoneId != null).Select(c => c.ZoneId!.Value)).Distinct();
}
