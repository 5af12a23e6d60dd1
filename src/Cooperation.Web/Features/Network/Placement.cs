
namespace Cooperation.Web.Features.Network;

/// <summary>
/// A coopérant with the posting that places him: his active posting, else his latest one, else none.
/// Its country is the coopérant's country for every scope rule.
/// </summary>
public sealed class PlacedCooperant
{
    public required Cooperant Cooperant { get; init; }
    public Posting? Posting { get; init; }
}

/// <summary>Where a coopérant stands today: in post, former (his last posting ended), or awaiting a posting.</summary>
public static class CooperantStatus
{
    public const string Active = "active";
    public const string Former = "former";
    public const string Awaiting = "awaiting";
    public const string All = "all";

    public static readonly string[] Filters = [Active, Former, Awaiting, All];

    public static string Of(DateOnly? start, DateOnly? actualEnd, DateOnly today) =>
        start is null || start > today ? Awaiting
        : actualEnd is null || actualEnd > today ? Active
        : Former;

    /// <summary>The label of a status, in French (the key of its translation).</summary>
    public static string Label(string status) => status switch
    {
        Active => "En poste",
        Former => "Ancien coopérant",
        Awaiting => "En attente d'affectation",
        _ => "Tous",
    };
}

public static class Placement
{
    /// <summary>Every coopérant joined with his placing posting (left join: a coopérant never posted has none).</summary>
    public static IQueryable<PlacedCooperant> PlacedCooperants(this CooperationDbContext db, DateOnly today) =>
        from c in db.Cooperants.AsNoTracking()
        join p in db.Postings.AsNoTracking()
            on c.Postings
                .OrderByDescending(x => x.StartDate <= today && (x.ActualEndDate == null || x.ActualEndDate > today))
                .ThenByDescending(x => x.StartDate)
                .Select(x => (int?)x.Id)
                .FirstOrDefault()
            equals (int?)p.Id into placing
        from p in placing.DefaultIfEmpty()
        select new PlacedCooperant { Cooperant = c, Posting = p };

    /// <summary>The placing posting among a coopérant's postings already in memory.</summary>
    public static T? Placing<T>(IEnumerable<T> postings, Func<T, DateOnly> start, Func<T, DateOnly?> actualEnd, DateOnly today)
        where T : class =>
        postings.OrderByDescending(p => start(p) <= today && (actualEnd(p) is null || actualEnd(p) > today))
            .ThenByDescending(start)
            .FirstOrDefault();
}
