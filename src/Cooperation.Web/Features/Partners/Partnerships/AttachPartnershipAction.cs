namespace Cooperation.Web.Features.Partners.Partnerships;

/// <summary>
/// Attaches an action to a partnership, or detaches it: a course session (a UN pre-deployment course, an OIF French
/// course), a posting to the organisation, or a project. The action must be one the user sees and overlap the
/// agreement's period; a posting must be with the partnership's organisation.
/// </summary>
public class AttachPartnershipAction(CooperationDbContext db, Access access, IStringLocalizer<AttachPartnershipAction> text) : IUseCase
{
    public const string Session = "session", Posting = "posting", Project = "project";
    public static readonly string[] Kinds = [Session, Posting, Project];

    /// <param name="Kind">session, posting or project.</param>
    /// <param name="Id">The action's id.</param>
    /// <param name="Detach">true: detaches it from the partnership instead.</param>
    public record Request(string? Kind, int? Id, bool Detach = false);

    public async Task HandleAsync(int partnershipId, Request request, CancellationToken ct = default)
    {
        var partnership = await EditPartnership.ManageableAsync(db, access, partnershipId, ct);
        var errors = new FieldErrors(text);
        var kind = request.Kind?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(kind)) errors.Add("kind", "common.required", errors.Label("Type d'action"));
        else if (!Kinds.Contains(kind)) errors.Add("kind", "common.unknown", errors.Label("Type d'action"), request.Kind!.Trim());
        var id = errors.Required("id", "Action", request.Id);
        errors.ThrowIfAny();

        switch (kind)
        {
            case Session:
                var session = await (await access.VisibleSessionsAsync(db.CourseSessions, ct)).SingleOrDefaultAsync(s => s.Id == id, ct)
                    ?? throw Unknown(id!.Value);
                if (!request.Detach) partnership.EnsureCovers("id", session.StartDate, session.EndDate);
                session.PartnershipId = Target(request, session.PartnershipId, partnershipId);
                break;
            case Posting:
                var countries = access.VisibleCountryIds;
                var posting = await db.Postings.SingleOrDefaultAsync(p => p.Id == id && (countries == null || countries.Contains(p.CountryId)), ct)
                    ?? throw Unknown(id!.Value);
                if (!request.Detach)
                {
                    if (posting.OrganisationId != partnership.OrganisationId) throw FieldErrors.One(text, "id", "partnership.postingElsewhere");
                    partnership.EnsureCovers("id", posting.StartDate, posting.EffectiveEnd);
                }
                posting.PartnershipId = Target(request, posting.PartnershipId, partnershipId);
                break;
            default:
                var project = await access.VisibleProjects(db.Projects).SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw Unknown(id!.Value);
                if (!request.Detach) partnership.EnsureCovers("id", project.StartDate, project.EndDate);
                project.PartnershipId = Target(request, project.PartnershipId, partnershipId);
                break;
        }
        // The partnership's version moves with what it covers: another reader's page is stale.
        db.Entry(partnership).Property(p => p.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
    }

    private InvalidInputException Unknown(int id) => FieldErrors.One(text, "id", "common.unknown", text["Action"].Value, id);

    /// <summary>The action's partnership after the change: a detach only of an action of this partnership.</summary>
    private int? Target(Request request, int? current, int partnershipId)
    {
        if (!request.Detach) return partnershipId;
        if (current != partnershipId) throw FieldErrors.One(text, "id", "partnership.notAttached");
        return null;
    }
}
