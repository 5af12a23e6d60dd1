using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace Cooperation.Web.Features.Reporting.Annual;

/// <summary>
/// The report as a PDF to read and sign (PDFsharp, the fonts of <see cref="Pdf"/>): a cover with the ministry's block,
/// the key figures with the change from the year before, the map, then each section's figures, charts and tables.
/// </summary>
public static class AnnualReportPdf
{
    public static byte[] Render(AnnualReport report, ReportPictures pictures, LetterSignature signature, IStringLocalizer text)
    {
        Pdf.EnsureFonts();
        using var document = new PdfDocument();
        document.Info.Title = ReportWords.Title(report, text);
        document.Info.Author = signature.Ministry.LastOrDefault() ?? "";
        var page = new PdfPages(document);

        // Cover.
        page.Space(120);
        page.Line("RÉPUBLIQUE FRANÇAISE", 10, bold: true);
        foreach (var line in signature.Ministry) page.Line(line, 12, brush: PdfWriter.Blue);
        page.Space(80);
        page.Line(text["Rapport annuel d'activité"], 28, bold: true, brush: PdfWriter.Blue);
        page.Line(report.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), 28, bold: true, brush: PdfWriter.Blue);
        page.Space(16);
        page.Line(text["Périmètre : {0}", report.ScopeName], 13);
        page.Line(text["Chiffres calculés à partir des données au {0}", Format.Date(report.AsOf)], 11);

        page.NewPage();
        page.Heading(text["Chiffres clés"], 1);
        page.Table([text["Indicateur"], report.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                (report.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), text["Évolution"]],
            report.KeyFigures.Select(f => (IReadOnlyList<string>)[f.Label, f.Text, f.Previous is { } p ? ReportFormat.Value(p, f.Kind) : "—",
                f.Change is { } c ? ReportFormat.Change(c, f.Kind) : "—"]).ToList(), [0.46, 0.18, 0.18, 0.18]);

        page.Heading(text["Le réseau et les actions de l'année dans le monde"], 1);
        page.Image(pictures.Map);

        foreach (var section in report.Sections)
        {
            page.Heading(section.Title, 1);
            page.Paragraph(section.Note, 9.5);
            if (section.Figures.Count > 0)
                page.Table([text["Indicateur"], text["Valeur"]], section.Figures.Select(f => (IReadOnlyList<string>)[f.Label, f.Text]).ToList(), [0.7, 0.3]);
            foreach (var table in section.Tables)
            {
                page.Heading(table.Caption, 2);
                if (table.Lines.Count == 0)
                {
                    page.Paragraph(text["Aucune donnée pour cette année."], 9.5);
                    continue;
                }
                if (pictures.Charts.TryGetValue(ReportPictures.Key(section, table), out var chart)) page.Image(chart);
                var first = 1 - 0.16 * table.Columns.Count;
                page.Table([table.KeyHeader, .. table.Columns.Select(c => c.Header)],
                    table.Lines.Select(l => (IReadOnlyList<string>)[l.Label, .. l.Values.Select((v, i) => ReportFormat.Value(v, table.Columns[i].Kind))]).ToList(),
                    [first, .. table.Columns.Select(_ => 0.16)]);
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>Writes down A4 pages, opening a new one when the next block does not fit.</summary>
    private sealed class PdfPages(PdfDocument document)
    {
        private const double Margin = PdfWriter.Margin, Bottom = 800;
        private XGraphics _gfx = null!;
        private double _y;
        private double _width;

        private void EnsureStarted()
        {
            if (_gfx is null) NewPage();
        }

        public void NewPage()
        {
            _gfx?.Dispose();
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            _gfx = XGraphics.FromPdfPage(page);
            _width = page.Width.Point - 2 * Margin;
            _y = 56;
            if (document.PageCount > 1)
                _gfx.DrawString(document.PageCount.ToString(System.Globalization.CultureInfo.InvariantCulture), new XFont(Pdf.Font, 8),
                    XBrushes.Gray, new XRect(Margin, 812, _width, 12), XStringFormats.TopRight);
        }

        private void Room(double height)
        {
            EnsureStarted();
            if (_y + height > Bottom) NewPage();
        }

        public void Space(double points)
        {
            EnsureStarted();
            _y += points;
        }

        public void Line(string value, double size, bool bold = false, XBrush? brush = null)
        {
            Room(size * 1.5);
            var font = new XFont(Pdf.Font, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            _gfx.DrawString(value, font, brush ?? XBrushes.Black, new XRect(Margin, _y, _width, size * 1.4), XStringFormats.TopLeft);
            _y += size * 1.45;
        }

        public void Heading(string value, int level)
        {
            var size = level == 1 ? 15 : 11.5;
            Room(size * 2 + 60);
            _y += level == 1 ? 14 : 8;
            Line(value, size, bold: true, brush: level == 1 ? PdfWriter.Blue : XBrushes.Black);
            _y += 2;
        }

        public void Paragraph(string value, double size)
        {
            EnsureStarted();
            var font = new XFont(Pdf.Font, size);
            var lines = Math.Max(1, (int)Math.Ceiling(_gfx.MeasureString(value, font).Width / (_width * 0.92)));
            var height = lines * size * 1.35 + 2;
            Room(height);
            new XTextFormatter(_gfx).DrawString(value, font, XBrushes.Black, new XRect(Margin, _y, _width, height), XStringFormats.TopLeft);
            _y += height + size * 0.6;
        }

        public void Image(byte[] png)
        {
            using var stream = new MemoryStream(png);
            using var image = XImage.FromStream(stream);
            var height = _width * image.PixelHeight / image.PixelWidth;
            Room(height + 8);
            _gfx.DrawImage(image, Margin, _y, _width, height);
            _y += height + 8;
        }

        /// <summary>A table: a bold header row on a grey band, then its rows; the first column left-aligned, the others right-aligned.</summary>
        public void Table(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<double> widths)
        {
            const double size = 9, height = 15;
            var regular = new XFont(Pdf.Font, size);
            var bold = new XFont(Pdf.Font, size, XFontStyleEx.Bold);
            void Row(IReadOnlyList<string> cells, XFont font, XBrush? band)
            {
                Room(height);
                if (band is not null) _gfx.DrawRectangle(band, Margin, _y, _width, height);
                var x = Margin;
                for (var i = 0; i < cells.Count; i++)
                {
                    var w = _width * widths[i];
                    var cell = Fit(cells[i], font, w - 8);
                    _gfx.DrawString(cell, font, XBrushes.Black, new XRect(x + 4, _y + 2, w - 8, height - 2),
                        i == 0 ? XStringFormats.TopLeft : XStringFormats.TopRight);
                    x += w;
                }
                _gfx.DrawLine(XPens.LightGray, Margin, _y + height, Margin + _width, _y + height);
                _y += height;
            }
            Room(height * Math.Min(rows.Count + 1, 4));
            Row(header, bold, new XSolidBrush(XColor.FromArgb(238, 238, 238)));
            foreach (var row in rows) Row(row, regular, null);
            _y += 8;
        }

        private string Fit(string value, XFont font, double room)
        {
            if (_gfx.MeasureString(value, font).Width <= room) return value;
            var cut = value;
            while (cut.Length > 1 && _gfx.MeasureString(cut + "…", font).Width > room) cut = cut[..^1];
            return cut + "…";
        }
    }
}
