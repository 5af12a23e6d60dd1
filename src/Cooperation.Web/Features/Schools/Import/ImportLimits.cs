namespace Cooperation.Web.Features.Schools.Import;

/// <summary>
/// How large a spreadsheet an import takes (configuration section <c>Import</c>). A file past any of them is refused
/// with a message naming the limit before its rows are read, so that a small hostile file (a cell at column ZZZZZ, a
/// shared string of twenty million characters, a zip that expands to gigabytes of rows) costs neither seconds nor memory.
/// </summary>
public sealed class ImportLimits
{
    public const string Section = "Import";

    /// <summary>The file as sent.</summary>
    public int MaxFileMegabytes { get; set; } = 10;

    /// <summary>The rows holding data (the header aside).</summary>
    public int MaxRows { get; set; } = 20_000;

    /// <summary>The rows of the sheet, blank or not, declared by its dimension or present: the rows of data and some room.</summary>
    public int MaxSheetRows { get; set; } = 40_000;

    /// <summary>The columns of the sheet, declared by its dimension or holding a cell (an import has some twenty).</summary>
    public int MaxColumns { get; set; } = 100;

    /// <summary>The parts of the workbook once decompressed, declared by the zip or actually read.</summary>
    public int MaxUncompressedMegabytes { get; set; } = 50;

    /// <summary>The distinct texts of the workbook (its shared strings), declared or present.</summary>
    public int MaxSharedStrings { get; set; } = 400_000;

    /// <summary>The text of one cell (Excel's own limit).</summary>
    public int MaxCellCharacters { get; set; } = 32_767;

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;

    public long MaxUncompressedBytes => MaxUncompressedMegabytes * 1024L * 1024L;
}
