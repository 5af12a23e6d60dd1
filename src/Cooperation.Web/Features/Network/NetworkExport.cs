using Cooperation.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cooperation.Web.Features.Network;

/// <summary>The Export handler of a list page: the whole filtered list as Excel (default) or CSV.</summary>
public static class NetworkExport
{
    public static FileContentResult File<T>(PageModel page, string? format, string name, IReadOnlyList<Column<T>> columns, IEnumerable<T> rows)
    {
        var stamp = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return format == "csv"
            ? page.File(Export.Csv(columns, rows), Export.CsvType, $"{name}-{stamp}.csv")
            : page.File(Export.Xlsx(name, columns, rows), Export.XlsxType, $"{name}-{stamp}.xlsx");
    }
}
