namespace Cooperation.Web.Features.Network.Cooperants;

public class DetailsModel(GetCooperant get, Access access, Missions.Missions.ListMissions missions) : PageModel
{
    public CooperantDetails Cooperant { get; private set; } = null!;
    /// <summary>Posting is the Postings pages' to decide in detail; the button shows to those who may post anyone.</summary>
    public bool CanPost => access.CanEditAnything;

    /// <summary>The expertise missions he is assigned to, among those the user reads; null for who reads no mission.</summary>
    public IReadOnlyList<Missions.Missions.MissionRow>? Missions { get; private set; }

    public async Task OnGetAsync(int id, CancellationToken ct)
    {
        Cooperant = await get.HandleAsync(id, ct);
        if (access.SeesMissions) Missions = await missions.AllAsync(new() { CooperantId = id }, ct);
    }
}
