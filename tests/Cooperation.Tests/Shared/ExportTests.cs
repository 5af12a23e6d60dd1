using ClosedXML.Excel;
using Cooperation.Web.Features.Shared;

namespace Cooperation.Tests.Shared;

/// <summary>The shared Excel kernel writes real dates and numbers with their formats, shares as percentages, a sheet a table.</summary>
[Trait("Category", "Unit")]
public class ExportTests
{
    private sealed record Line(string Name, DateOnly Day, int Count, decimal Amount, double Share);

    private static readonly Column<Line>[] Columns =
    [
        new("Nom", l => l.Name),
        new("Jour", l => l.Day),
        new("Nombre", l => l.Count),
        new("Montant", l => l.Amount),
        Column<Line>.Percent("Part", l => l.Share),
    ];

    [Fact]
    public void Dates_numbers_and_shares_are_typed_cells_with_formats()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Export.Xlsx("Liste", Columns,
            [new Line("Dakar", new DateOnly(2026, 12, 1), 12345, 1234567.5m, 0.194)])));
        var row = workbook.Worksheet(1).Row(2);
        row.Cell(2).DataType.ShouldBe(XLDataType.DateTime);
        row.Cell(2).GetDateTime().ShouldBe(new DateTime(2026, 12, 1));
        row.Cell(2).Style.DateFormat.Format.ShouldBe("dd/mm/yyyy");
        row.Cell(3).DataType.ShouldBe(XLDataType.Number);
        row.Cell(3).GetDouble().ShouldBe(12345);
        row.Cell(3).Style.NumberFormat.Format.ShouldBe("#,##0");
        row.Cell(4).GetDouble().ShouldBe(1234567.5);
        row.Cell(4).Style.NumberFormat.Format.ShouldBe("#,##0.00");
        row.Cell(5).DataType.ShouldBe(XLDataType.Number);
        row.Cell(5).GetDouble().ShouldBe(0.194);
        row.Cell(5).Style.NumberFormat.Format.ShouldBe("0.0%");
    }

    [Fact]
    public void Several_tables_go_to_several_sheets_named_as_Excel_takes_them()
    {
        var line = new Line("Dakar", new DateOnly(2026, 1, 2), 1, 1m, 0.5);
        using var workbook = new XLWorkbook(new MemoryStream(Export.Xlsx(Columns,
        [
            new ExportTable<Line>("Par pays", [line, line]),
            new ExportTable<Line>("Par zone / domaine : une table au nom bien trop long", [line]),
            new ExportTable<Line>("Par pays", [line]),
        ])));
        workbook.Worksheets.Select(w => w.Name).ShouldBe(["Par pays", "Par zone - domaine - une table a"[..31], "Par pays (2)"]);
        workbook.Worksheet(1).RowsUsed().Count().ShouldBe(3);
        workbook.Worksheet(2).RowsUsed().Count().ShouldBe(2);
    }

    [Fact]
    public void A_long_list_reads_back_with_the_same_values_its_header_in_bold_and_frozen()
    {
        var lines = Enumerable.Range(0, 5000).Select(i => new Line(i % 7 == 0 ? "=HYPERLINK(\"x\")" : $"Élève {i}",
            new DateOnly(2016, 1, 1).AddDays(i % 3650), i * 3, i * 1.25m, i % 100 / 100.0)).ToList();
        using var workbook = new XLWorkbook(new MemoryStream(Export.Xlsx("Liste", Columns, lines)));
        var sheet = workbook.Worksheet(1);
        sheet.Name.ShouldBe("Liste");
        sheet.Cell(1, 1).GetString().ShouldBe("Nom");
        sheet.Cell(1, 5).GetString().ShouldBe("Part");
        sheet.Cell(1, 1).Style.Font.Bold.ShouldBeTrue();
        sheet.SheetView.SplitRow.ShouldBe(1);
        sheet.RowsUsed().Count().ShouldBe(lines.Count + 1);
        for (var i = 0; i < lines.Count; i++)
        {
            var row = sheet.Row(i + 2);
            row.Cell(1).GetString().ShouldBe(lines[i].Name);
            row.Cell(2).GetDateTime().ShouldBe(lines[i].Day.ToDateTime(TimeOnly.MinValue));
            row.Cell(3).GetDouble().ShouldBe(lines[i].Count);
            row.Cell(4).GetDouble().ShouldBe((double)lines[i].Amount);
            row.Cell(5).GetDouble().ShouldBe(lines[i].Share);
        }
    }
}
