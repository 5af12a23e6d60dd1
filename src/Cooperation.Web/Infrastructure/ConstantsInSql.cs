using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cooperation.Web.Infrastructure;

/// <summary>
/// Writes two kinds of values into the SQL of a statement after EF Core has made it, so that the database sees one
/// statement, which PostgreSQL plans once, where EF Core keeps one SQL text in its cache:
/// <list type="bullet">
/// <item>the size of a page (<c>LIMIT 25</c>). EF Core makes a parameter of every <c>Take</c> (<c>LIMIT @p</c>); with
/// its size unknown, PostgreSQL judged the generic plan of a list's first page too dear and planned it at every call
/// (1 ms of the server's time for the postings' eight tables, against 0.26 ms to run).</item>
/// <item>the day a query is about (<c>'2026-12-05'</c>): a <see cref="DateOnly"/> captured in a variable named
/// <c>today</c>, which EF Core names <c>@today</c>, <c>@today1</c>… Which postings are running today
/// (<see cref="PostingQueries.Active"/>) decides the coopérants' lists and their scope; sent as a parameter, PostgreSQL
/// planned the coopérants' list at every call.</item>
/// </list>
/// Both were first written with <c>EF.Constant</c>, which made EF Core write the statement's SQL again at every call: a
/// tenth of the application's time under the partnerships' load, a fifth under the coopérants'. A page's size is a
/// whole number the application bounds (<see cref="Features.Shared.Paging.MaxPageSize"/>), and the day changes once a
/// day (the postings' list asked at another date makes a statement of that date), so there are few such statements;
/// what is written is a number or a date formatted here, never a user's text. An OFFSET, and any other parameter, stays
/// a parameter. Only queries are rewritten (EF Core reads every query, a count too, through a reader); writes keep
/// their parameters.
/// </summary>
public sealed partial class ConstantsInSql : DbCommandInterceptor
{
    public static readonly ConstantsInSql Instance = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Inline(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Inline(command);
        return ValueTask.FromResult(result);
    }

    private static void Inline(DbCommand command)
    {
        var sql = command.CommandText;
        var limit = sql.Contains("LIMIT @", StringComparison.Ordinal);
        var today = sql.Contains("@today", StringComparison.Ordinal);
        if (!limit && !today) return;
        var inlined = new HashSet<string>(StringComparer.Ordinal);
        if (limit)
            sql = Limit().Replace(sql, m =>
            {
                if (Find(command, m.Groups[1].Value) is not { Value: int size }) return m.Value;
                inlined.Add(m.Groups[1].Value);
                return "LIMIT " + size.ToString(CultureInfo.InvariantCulture);
            });
        if (today)
            sql = Today().Replace(sql, m =>
            {
                if (Find(command, m.Groups[1].Value) is not { Value: DateOnly day }) return m.Value;
                inlined.Add(m.Groups[1].Value);
                var text = "'" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";
                return command is Npgsql.NpgsqlCommand ? "DATE " + text : text;
            });
        if (inlined.Count == 0) return;
        command.CommandText = sql;
        // A parameter used elsewhere in the statement (never seen so far) is kept.
        foreach (var name in inlined)
            if (!Regex.IsMatch(sql, "@" + Regex.Escape(name) + @"\b") && Find(command, name) is { } parameter)
                command.Parameters.Remove(parameter);
    }

    private static DbParameter? Find(DbCommand command, string name)
    {
        foreach (DbParameter parameter in command.Parameters)
            if (parameter.ParameterName == name || parameter.ParameterName == "@" + name) return parameter;
        return null;
    }

    [GeneratedRegex(@"LIMIT @(\w+)\b")]
    private static partial Regex Limit();

    [GeneratedRegex(@"@(today\d*)\b")]
    private static partial Regex Today();
}
