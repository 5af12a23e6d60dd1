namespace Cooperation.Web.Features.Partners.Partnerships;

/// <summary>Records a partnership: its agreement, scope and contributions; a desk officer within her zones.</summary>
public class CreatePartnership(CooperationDbContext db, Access access, PartnershipForm form) : IUseCase
{
    public async Task<int> HandleAsync(PartnershipInput input, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.CanCreatePartnerships);
        var terms = await form.CheckAsync(input, null, ct);
        var partnership = new Partnership { AgreementTitle = terms.Title, AgreementReference = terms.Reference };
        (partnership.StartDate, partnership.EndDate) = (terms.Start, terms.End);
        terms.ApplyTo(partnership);
        db.Partnerships.Add(partnership);
        await db.SaveChangesAsync(ct);
        return partnership.Id;
    }
}
