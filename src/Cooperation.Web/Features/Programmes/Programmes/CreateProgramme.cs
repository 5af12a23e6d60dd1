namespace Cooperation.Web.Features.Programmes.Programmes;

/// <summary>Drafts the annual programme of a partner of the desk officer's zones for a year.</summary>
public class CreateProgramme(CooperationDbContext db, Access access, ProgrammeTerms terms, IStringLocalizer<CreateProgramme> text) : IUseCase
{
    /// <returns>The id of the new programme.</returns>
    public async Task<int> HandleAsync(ProgrammeInput input, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.CanDraftProgrammes);
        var errors = new FieldErrors(text);
        var (destination, year) = await terms.PartnerAsync(input, errors, ct);
        var plan = await terms.PlanAsync(input, errors, ct);
        errors.ThrowIfAny();
        var programme = new Programme { CountryId = destination!.CountryId, OrganisationId = destination.OrganisationId, Year = year!.Value };
        programme.Plan(plan!);
        db.Programmes.Add(programme);
        await db.SaveChangesAsync(ct);
        return programme.Id;
    }
}
