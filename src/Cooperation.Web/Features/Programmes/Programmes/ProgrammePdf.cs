using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Cooperation.Web.Features.Programmes.Programmes;

/// <summary>
/// A country's programme as the document the director signs: the ministry's letterhead, the partner and year, the
/// priorities with their rationale, the planned actions by mode with their budget and source, the envelopes, the
/// revisions, and the signatory's block. Written with PDFsharp, in the reader's language; pages turn as the plan needs.
/// </summary>
public class ProgrammePdf(GetProgramme get, IConfiguration config, IStringLocalizer<ProgrammePdf> text) : IUseCase
{
    public sealed record File(byte[] Content, string FileName);

    public async Task<File> HandleAsync(int id, CancellationToken ct = default)
    {
        var p = await get.HandleAsync(id, ct);
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var content = Pdf.InCulture(english ? "en-GB" : "fr-FR", () => Render(p, LetterSignature.From(config, english)));
        return new File(content, $"programme-{p.Country.ToLowerInvariant()}-{p.Year}.pdf");
    }

    private byte[] Render(ProgrammeDetail p, LetterSignature signature)
    {
        Pdf.EnsureFonts();
        using var document = new PdfDocument();
        document.Info.Title = text["Programme annuel de coopération {0} — {1}", p.Year, p.CountryName];
        document.Info.Creator = "Coopération";
        PdfPage page = document.AddPage();
        var gfx = XGraphics.FromPdfPage(page);
        var writer = new PdfWriter(gfx, page.Width.Point);
        void Room(double points)
        {
            if (writer.Y + points < page.Height.Point - 56) return;
            gfx.Dispose();
            page = document.AddPage();
            gfx = XGraphics.FromPdfPage(page);
            writer = new PdfWriter(gfx, page.Width.Point);
        }
        try
        {
            writer.Letterhead(text, Format.Date(DateOnly.FromDateTime(DateTime.Today)), signature);
            writer.Space(8);
            writer.Line(text["Programme annuel de coopération {0}", p.Year], 16, bold: true, brush: PdfWriter.Blue);
            writer.Line(p.Organisation is null ? p.CountryName : $"{p.Organisation} ({p.CountryName})", 14, bold: true);
            writer.Line(text["Statut : {0}", p.StatusName], 10);
            if (p.Budget is { } budget) writer.Line(text["Budget total : {0} €", Format.Number(budget)], 10);
            writer.Space(6);
            if (p.Priorities.Count > 0)
            {
                writer.Line(text["Priorités stratégiques"], 12, bold: true);
                foreach (var priority in p.Priorities)
                {
                    Room(30);
                    writer.Paragraph($"{priority.DomainName} : {priority.Rationale}", 10, indent: 8);
                }
            }
            writer.Line(text["Actions planifiées"], 12, bold: true);
            foreach (var l in p.Lines)
            {
                Room(30);
                var target = l.Mode switch
                {
                    "training" => $"{l.SchoolName} ({l.School}) — {l.DomainName} : {text["{0} place(s)", l.Quantity]}",
                    "missions" => $"{l.DomainName} : {text["{0} mission(s), {1} jour(s) d'expertise", l.Quantity, l.ExpertDays]}",
                    "donations" => $"{l.CategoryName} : {Format.Number(l.Value)} €",
                    "postings" => $"{l.PostingName} : {l.Quantity}",
                    _ => l.ProjectTitle ?? "",
                };
                var cost = l.Budget is { } b ? $" — {Format.Number(b)} € ({l.SourceName})" : "";
                writer.Paragraph($"{l.Number}. {l.ModeName} — {target}{cost}", 10, indent: 8);
            }
            if (p.Envelopes.Count > 0)
            {
                Room(40);
                writer.Line(text["Enveloppes budgétaires"], 12, bold: true);
                foreach (var e in p.Envelopes)
                {
                    Room(20);
                    writer.Paragraph($"{e.ModeName} — {e.SourceName} : {Format.Number(e.Amount)} €", 10, indent: 8);
                }
            }
            if (p.Revisions.Count > 0)
            {
                Room(40);
                writer.Line(text["Révisions"], 12, bold: true);
                foreach (var r in p.Revisions)
                {
                    Room(30);
                    writer.Paragraph(text["Révision {0} du {1} ({2}) : {3}", r.Number, Format.Date(r.RevisedOn), r.RevisedBy, r.Reason], 10, indent: 8);
                }
            }
            Room(90);
            writer.Space(20);
            writer.Signature(signature);
        }
        finally
        {
            gfx.Dispose();
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }
}
