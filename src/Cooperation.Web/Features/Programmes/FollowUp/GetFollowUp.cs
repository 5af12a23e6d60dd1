using Cooperation.Web.Features.Programmes.Programmes;

namespace Cooperation.Web.Features.Programmes.FollowUp;

/// <summary>
/// The follow-up of one programme the user reads: each planned line against what the records show done (a liaison
/// officer's, the training places only, without budget).
/// </summary>
public class GetFollowUp(GetProgramme get, ComputeFollowUp compute, Access access) : IUseCase
{
    public async Task<FollowUpResult> HandleAsync(int id, CancellationToken ct = default) => (await HandleAsync(await get.HandleAsync(id, ct), ct));

    /// <summary>The follow-up of a programme already read (its page shows both).</summary>
    public async Task<FollowUpResult> HandleAsync(ProgrammeDetail programme, CancellationToken ct = default) =>
        (await compute.HandleAsync([programme.Key], withBudgets: !access.ReadsOnlyProgrammeTraining, ct))[programme.Id];
}
