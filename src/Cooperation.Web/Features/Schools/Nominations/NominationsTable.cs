namespace Cooperation.Web.Features.Schools.Nominations;

/// <summary>The model of the nominations table partial: rows, and the sort links of the page showing it (none: no sorting).</summary>
public record NominationsTable(IReadOnlyList<NominationRow> Rows, Func<string, string>? SortUrl = null, Func<string, string>? AriaSort = null);
