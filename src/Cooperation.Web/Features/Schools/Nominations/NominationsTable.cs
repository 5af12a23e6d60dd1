namespace Cooperation.Web.Features.Schools.Nominations;

/// <summary>The model of the nominations table partial: rows, and the sort of the list page showing it (none: no sorting).</summary>
public record NominationsTable(IReadOnlyList<NominationRow> Rows, ListSort? Sort = null);
