using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using Format = Cooperation.Web.Features.Shared.Format;
using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Cooperation.Web.Features.Reporting.Annual;

/// <summary>
/// The report as a Word document to edit (Open XML SDK): Word's own Title, Heading1 and Heading2 styles (so that the
/// staff's table of contents and outline work), real tables, the charts and map as pictures, in the report's language.
/// </summary>
public static class AnnualReportDocx
{
    public static byte[] Render(AnnualReport report, ReportPictures pictures, LetterSignature signature, IStringLocalizer text)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(report.Language);
            word.PackageProperties.Title = ReportWords.Title(report, text);
            var body = new Body();
            main.Document = new Document(body);
            var imageCount = 0;
            void Picture(byte[] png)
            {
                var part = main.AddImagePart(ImagePartType.Png);
                using (var image = new MemoryStream(png)) part.FeedData(image);
                body.Append(new Paragraph(new Run(Drawing(main.GetIdOfPart(part), ++imageCount, png))));
            }

            body.Append(Para("RÉPUBLIQUE FRANÇAISE", bold: true));
            foreach (var line in signature.Ministry) body.Append(Para(line));
            body.Append(Styled("Title", $"{text["Rapport annuel d'activité"]} {report.Year}"));
            body.Append(Para(text["Périmètre : {0}", report.ScopeName]));
            body.Append(Para(text["Chiffres calculés à partir des données au {0}", Format.Date(report.AsOf)]));

            body.Append(Styled("Heading1", text["Chiffres clés"]));
            body.Append(Table([text["Indicateur"], report.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    (report.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), text["Évolution"]],
                report.KeyFigures.Select(f => (IReadOnlyList<string>)[f.Label, f.Text, f.Previous is { } p ? ReportFormat.Value(p, f.Kind) : "—",
                    f.Change is { } c ? ReportFormat.Change(c, f.Kind) : "—"])));

            body.Append(Styled("Heading1", text["Le réseau et les actions de l'année dans le monde"]));
            Picture(pictures.Map);

            foreach (var section in report.Sections)
            {
                body.Append(Styled("Heading1", section.Title));
                body.Append(Para(section.Note));
                if (section.Figures.Count > 0)
                    body.Append(Table([text["Indicateur"], text["Valeur"]], section.Figures.Select(f => (IReadOnlyList<string>)[f.Label, f.Text])));
                foreach (var table in section.Tables)
                {
                    body.Append(Styled("Heading2", table.Caption));
                    if (table.Lines.Count == 0)
                    {
                        body.Append(Para(text["Aucune donnée pour cette année."]));
                        continue;
                    }
                    if (pictures.Charts.TryGetValue(ReportPictures.Key(section, table), out var chart)) Picture(chart);
                    body.Append(Table([table.KeyHeader, .. table.Columns.Select(c => c.Header)],
                        table.Lines.Select(l => (IReadOnlyList<string>)[l.Label, .. l.Values.Select((v, i) => ReportFormat.Value(v, table.Columns[i].Kind))])));
                }
            }
            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
        }
        return stream.ToArray();
    }

    private static Paragraph Para(string value, bool bold = false) =>
        new(new Run(bold ? new RunProperties(new Bold()) : new RunProperties(), new Text(value) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Styled(string style, string value) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(value)));

    /// <summary>A table across the page: a header row repeated on each page, then the rows; numbers right-aligned.</summary>
    private static Table Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var border = () => new BorderType[]
        {
            new TopBorder { Val = BorderValues.Single, Size = 4, Color = "BBBBBB" }, new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "BBBBBB" },
            new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "BBBBBB" }, new RightBorder { Val = BorderValues.Single, Size = 4, Color = "BBBBBB" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "BBBBBB" }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "BBBBBB" },
        };
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(border())));
        TableRow Row(IReadOnlyList<string> cells, bool head)
        {
            var row = new TableRow();
            if (head) row.Append(new TableRowProperties(new TableHeader()));
            for (var i = 0; i < cells.Count; i++)
            {
                var run = new Run(new Text(cells[i]) { Space = SpaceProcessingModeValues.Preserve });
                if (head) run.PrependChild(new RunProperties(new Bold()));
                var paragraph = new Paragraph(new ParagraphProperties(new Justification { Val = i == 0 ? JustificationValues.Left : JustificationValues.Right }), run);
                var properties = new TableCellProperties();
                if (head) properties.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "EEEEEE" });
                row.Append(new TableCell(properties, paragraph));
            }
            return row;
        }
        table.Append(Row(header, true));
        foreach (var row in rows) table.Append(Row(row, false));
        return table;
    }

    /// <summary>An inline picture as wide as the text (17 cm), its height in proportion.</summary>
    private static Drawing Drawing(string relationshipId, int id, byte[] png)
    {
        var (width, height) = PngSize(png);
        const long cx = 17L * 360000;
        var cy = cx * height / Math.Max(1, width);
        var name = $"image{id}.png";
        return new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = (UInt32Value)(uint)id, Name = name },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = name }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }))
            ) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
    }

    /// <summary>A PNG's width and height, from its IHDR chunk.</summary>
    private static (long Width, long Height) PngSize(byte[] png) =>
        ((long)png[16] << 24 | (long)png[17] << 16 | (long)png[18] << 8 | png[19], (long)png[20] << 24 | (long)png[21] << 16 | (long)png[22] << 8 | png[23]);

    /// <summary>Word's built-in Normal, Title, Heading1 and Heading2 styles (with their outline levels), in the report's language.</summary>
    private static Styles Styles(string language)
    {
        Style Heading(string id, string name, int level, string size, string color) => new(
            new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = level == 0 ? "360" : "240", After = "120" },
                new OutlineLevel { Val = level }),
            new StyleRunProperties(new Bold(), new Color { Val = color }, new FontSize { Val = size }))
        { Type = StyleValues.Paragraph, StyleId = id };
        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" }, new FontSize { Val = "20" },
                    new Languages { Val = language == "en" ? "en-GB" : "fr-FR" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120" }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Title" }, new BasedOn { Val = "Normal" }, new PrimaryStyle(),
                new StyleParagraphProperties(new SpacingBetweenLines { Before = "1200", After = "240" }),
                new StyleRunProperties(new Bold(), new Color { Val = "000091" }, new FontSize { Val = "52" }))
            { Type = StyleValues.Paragraph, StyleId = "Title" },
            Heading("Heading1", "heading 1", 0, "32", "000091"),
            Heading("Heading2", "heading 2", 1, "24", "161616"));
    }
}
