namespace Cooperation.Web.Features.Schools.Sessions;

/// <summary>
/// Moves a session through its life: open to nominations, close them, cancel it, or mark it completed once it has run.
/// Each refusal comes from the session's own rules, naming the reason.
/// </summary>
public class ChangeSessionStatus(CooperationDbContext db, Access access, TimeProvider clock) : IUseCase
{
    public const string Open = "open", Close = "close", Cancel = "cancel", Complete = "complete";
    public static readonly string[] All = [Open, Close, Cancel, Complete];

    /// <summary>
    /// The changes a session allows, in the order the pages offer them: none once it is finished, completion once its
    /// end date has come.
    /// </summary>
    public static IReadOnlyList<string> ActionsFrom(CourseSession session, DateOnly today) => session.IsFinished ? [] : session.Status switch
    {
        SessionStatus.Planned => [Open, Cancel],
        SessionStatus.Open => today >= session.EndDate ? [Close, Complete, Cancel] : [Close, Cancel],
        _ => today >= session.EndDate ? [Complete, Open, Cancel] : [Open, Cancel],
    };

    /// <param name="Version">The session's version as read; a stale one answers 409.</param>
    public record Request(long? Version = null);

    public async Task HandleAsync(int id, string action, Request request, CancellationToken ct = default)
    {
        var session = await SessionAccess.ManageableAsync(db, access, id, ct);
        switch (action)
        {
            case Open: session.OpenNominations(); break;
            case Close: session.CloseNominations(); break;
            case Cancel: session.Cancel(); break;
            case Complete: session.Complete(clock.Today()); break;
            default: throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
        SessionAccess.Guard(db, session, request.Version);
        await db.SaveChangesAsync(ct);
    }
}
