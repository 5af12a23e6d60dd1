using Microsoft.AspNetCore.Html;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

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

    /// <summary>The status a placing posting gives (none: awaiting).</summary>
    public static string Of(DateOnly? start, DateOnly? actualEnd, DateOnly today) =>
        start is not { } s || s > today ? Awaiting
        : Posting.IsActive(s, actualEnd, today) ? Active
        : Former;

    /// <summary>The label of a status, in French (the key of its translation).</summary>
    public static string Label(string status) => status switch
    {
        Active => "En poste",
        Former => "Ancien coopérant",
        Awaiting => "En attente d'affectation",
        _ => "Tous",
    };

    /// <summary>
    /// The badge of a coopérant's status, in the user's language: written here rather than by a partial view, which
    /// would cost a view of its own for every row of the list.
    /// </summary>
    public static IHtmlContent Badge(string status, IStringLocalizer text) => new HtmlContentBuilder(7)
        .AppendHtml("<span class=\"fr-badge fr-badge--sm fr-badge--no-icon ")
        .Append(status switch { Active => "fr-badge--success", Former => "", _ => "fr-badge--info" })
        .AppendHtml("\" data-status=\"").Append(status).AppendHtml("\">").Append(text[Label(status)].Value).AppendHtml("</span>");
}

public static class Placement
{
    /// <summary>Every coopérant joined with his placing posting (left join: a coopérant never posted has none).</summary>
    public static IQueryable<PlacedCooperant> PlacedCooperants(this CooperationDbContext db, DateOnly today)
    {
        var active = PostingQueries.Active(today);
        return from c in db.Cooperants.AsNoTracking()
            join p in db.Postings.AsNoTracking()
                on c.Postings.AsQueryable()
                    .OrderByDescending(active)
                    .ThenByDescending(x => x.StartDate)
                    .Select(x => (int?)x.Id)
                    .FirstOrDefault()
                equals (int?)p.Id into placing
            from p in placing.DefaultIfEmpty()
            select new PlacedCooperant { Cooperant = c, Posting = p };
    }

    /// <summary>The coopérants whose placing posting meets a rule of postings (those without one never do).</summary>
    public static IQueryable<PlacedCooperant> WherePosting(this IQueryable<PlacedCooperant> query, Expression<Func<Posting, bool>> rule)
    {
        var x = Expression.Parameter(typeof(PlacedCooperant), "x");
        var posting = Expression.Property(x, nameof(PlacedCooperant.Posting));
        var body = new ReplacingExpressionVisitor([rule.Parameters[0]], [posting]).Visit(rule.Body);
        return query.Where(Expression.Lambda<Func<PlacedCooperant, bool>>(
            Expression.AndAlso(Expression.NotEqual(posting, Expression.Constant(null, typeof(Posting))), body), x));
    }

    /// <summary>The placing posting among a coopérant's postings already in memory.</summary>
    public static T? Placing<T>(IEnumerable<T> postings, Func<T, DateOnly> start, Func<T, DateOnly?> actualEnd, DateOnly today)
        where T : class =>
        postings.OrderByDescending(p => Posting.IsActive(start(p), actualEnd(p), today))
            .ThenByDescending(start)
            .FirstOrDefault();
}
