// Export benchmark (issue 12): times the Excel export of a list through the one export kernel (Export.Xlsx, the
// streaming writer), with the process's peak memory and the bytes allocated, for as many rows as asked; "closedxml"
// times the same workbook written by ClosedXML 0.95.4, cell by cell in memory, as the kernel did before.
//
//   dotnet run -c Release --project bench/Cooperation.ExportBench -- [rows=100000] [runs=3] [closedxml]
//
// The rows are a nominations list's columns: names, a country, a status, dates, a count, an amount and a share.
using System.Diagnostics;
using System.Globalization;
using ClosedXML.Excel;
using Cooperation.Web.Features.Shared;

var rows = int.Parse(args.ElementAtOrDefault(0) ?? "100000", CultureInfo.InvariantCulture);
var runs = int.Parse(args.ElementAtOrDefault(1) ?? "3", CultureInfo.InvariantCulture);
var closedXml = args.Contains("closedxml");
CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr-FR");

var random = new Random(2026);
string[] lastNames = ["Kouassi", "Diop", "Traoré", "Ouédraogo", "Ndiaye", "Koné", "Mensah", "Camara", "Diallo", "Sow"];
string[] firstNames = ["Aya", "Mamadou", "Fatou", "Issa", "Awa", "Moussa", "Mariam", "Ibrahim", "Adjoa", "Seydou"];
string[] countries = ["Côte d'Ivoire", "Sénégal", "Mali", "Burkina Faso", "Niger", "Togo", "Bénin", "Cameroun"];
string[] statuses = ["Soumise", "Acceptée", "Refusée", "En liste d'attente"];
var lines = Enumerable.Range(0, rows).Select(i => new Line(
    lastNames[random.Next(lastNames.Length)].ToUpperInvariant(), firstNames[random.Next(firstNames.Length)],
    countries[random.Next(countries.Length)], statuses[random.Next(statuses.Length)],
    new DateOnly(2016, 1, 1).AddDays(random.Next(3650)), new DateTime(2026, 1, 1, 9, 30, 0).AddMinutes(random.Next(500_000)),
    random.Next(1, 40), Math.Round((decimal)random.NextDouble() * 100_000m, 2), random.NextDouble())).ToList();
Column<Line>[] columns =
[
    new("Nom", l => l.LastName), new("Prénom", l => l.FirstName), new("Pays", l => l.Country), new("Statut", l => l.Status),
    new("Début de la session", l => l.Start), new("Soumise le", l => l.Submitted), new("Places", l => l.Seats),
    new("Montant", l => l.Amount), Column<Line>.Percent("Part", l => l.Share),
];

Console.WriteLine($"{rows:N0} rows, {columns.Length} columns, {(closedXml ? "ClosedXML 0.95.4 (in memory)" : "Export.Xlsx (streaming writer)")}, {Environment.ProcessorCount} cores");
for (var run = 1; run <= runs; run++)
{
    GC.Collect();
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var clock = Stopwatch.StartNew();
    var bytes = closedXml ? WithClosedXml(columns, lines) : Export.Xlsx("Liste", columns, lines);
    clock.Stop();
    var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
    Console.WriteLine($"  run {run}: {clock.Elapsed.TotalSeconds:F2} s, {bytes.Length / 1024.0 / 1024.0:F1} MB file, "
        + $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / 1024.0:F0} MB allocated, process peak {peak:F0} MB");
}
return 0;

static byte[] WithClosedXml(IReadOnlyList<Column<Line>> columns, IReadOnlyList<Line> lines)
{
    using var workbook = new XLWorkbook();
    var sheet = workbook.Worksheets.Add("Liste");
    for (var c = 0; c < columns.Count; c++) { sheet.Cell(1, c + 1).Value = columns[c].Header; sheet.Cell(1, c + 1).Style.Font.Bold = true; }
    for (var r = 0; r < lines.Count; r++)
        for (var c = 0; c < columns.Count; c++)
        {
            var cell = sheet.Cell(r + 2, c + 1);
            switch (columns[c].Value(lines[r]))
            {
                case DateOnly d: cell.Value = d.ToDateTime(TimeOnly.MinValue); cell.Style.DateFormat.Format = Export.DateFormat; break;
                case DateTime t: cell.Value = t; cell.Style.DateFormat.Format = Export.DateTimeFormat; break;
                case int i: cell.Value = i; cell.Style.NumberFormat.Format = Export.IntegerFormat; break;
                case decimal m: cell.Value = m; cell.Style.NumberFormat.Format = Export.DecimalFormat; break;
                case double x: cell.Value = x; cell.Style.NumberFormat.Format = Export.PercentFormat; break;
                case var v: cell.SetValue(Convert.ToString(v, CultureInfo.CurrentCulture)); break;
            }
        }
    sheet.SheetView.FreezeRows(1);
    sheet.RangeUsed()?.SetAutoFilter();
    using var stream = new MemoryStream();
    workbook.SaveAs(stream);
    return stream.ToArray();
}

sealed record Line(string LastName, string FirstName, string Country, string Status, DateOnly Start, DateTime Submitted, int Seats, decimal Amount, double Share);
