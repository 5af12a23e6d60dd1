using System.Globalization;
using Cooperation.Web.Features.Schools.Trainees;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using QRCoder;

namespace Cooperation.Web.Features.Schools.Certificates;

/// <summary>A certificate's PDF, as pages and the API hand it out.</summary>
public record CertificateFile(byte[] Content, string Name)
{
    public const string ContentType = "application/pdf";
}

/// <summary>
/// The certificate as a landscape A4 PDF, in French or English: the holder, the course, the school, the dates, the
/// result, and the verification code with its public address, also as a QR code.
/// </summary>
public class CertificatePdf(IStringLocalizer<CertificatePdf> text) : IUseCase
{
    private static readonly XColor Blue = XColor.FromArgb(0, 0, 145);
    private static readonly XColor Grey = XColor.FromArgb(102, 102, 102);

    /// <summary>The language of a certificate: "en" or "fr"; anything else follows the user's language.</summary>
    public static string Language(string? lang) =>
        lang?.Trim().ToLowerInvariant() switch
        {
            "en" => "en",
            "fr" => "fr",
            _ => Names.English ? "en" : "fr",
        };

    /// <summary>The certificate in French or English (<see cref="Language"/>), named in its language, with the address that verifies it.</summary>
    public CertificateFile File(CertificateData c, string? lang, HttpRequest request)
    {
        var language = Language(lang);
        var name = language == "en" ? "certificate" : "certificat";
        return new(Render(c, language, VerifyCertificate.Url(request, c.Code)), $"{name}-{c.Code}.pdf");
    }

    private byte[] Render(CertificateData c, string language, string verificationUrl)
    {
        var ui = CultureInfo.CurrentUICulture;
        var culture = CultureInfo.CurrentCulture;
        var target = CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "fr-FR");
        CultureInfo.CurrentUICulture = target;
        CultureInfo.CurrentCulture = target;
        try
        {
            return Draw(c, language == "en", verificationUrl);
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = culture;
        }
    }

    private byte[] Draw(CertificateData c, bool english, string url)
    {
        Pdf.EnsureFonts();
        using var document = new PdfDocument();
        document.Info.Title = $"{text["Certificat de formation"]} {c.Code}";
        document.Info.Subject = english ? c.CourseTitleEn : c.CourseTitleFr;
        document.Info.Creator = "Coopération";
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(297);
        page.Height = XUnit.FromMillimeter(210);
        var width = page.Width.Point;
        var height = page.Height.Point;

        using var gfx = XGraphics.FromPdfPage(page);
        var blue = new XSolidBrush(Blue);
        var grey = new XSolidBrush(Grey);
        var black = XBrushes.Black;
        gfx.DrawRectangle(new XPen(Blue, 3), 24, 24, width - 48, height - 48);
        gfx.DrawRectangle(new XPen(Blue, 0.75), 32, 32, width - 64, height - 64);

        var small = new XFont(Pdf.Font, 9);
        var body = new XFont(Pdf.Font, 13);
        var bodyBold = new XFont(Pdf.Font, 13, XFontStyleEx.Bold);
        XRect Line(double y, double h) => new(60, y, width - 120, h);

        gfx.DrawString("RÉPUBLIQUE FRANÇAISE", new XFont(Pdf.Font, 10, XFontStyleEx.Bold), black, Line(50, 14), XStringFormats.TopCenter);
        gfx.DrawString(text["Direction de la coopération de sécurité et de défense"], small, grey, Line(66, 12), XStringFormats.TopCenter);

        gfx.DrawString("Certificat de formation / Training certificate", new XFont(Pdf.Font, 26, XFontStyleEx.Bold), blue,
            Line(100, 34), XStringFormats.TopCenter);

        gfx.DrawString(text["Nous certifions que"], body, black, Line(160, 18), XStringFormats.TopCenter);
        gfx.DrawString(c.FullName, new XFont(Pdf.Font, 24, XFontStyleEx.Bold), black, Line(184, 30), XStringFormats.TopCenter);
        gfx.DrawString(text["a suivi avec succès la formation"], body, black, Line(226, 18), XStringFormats.TopCenter);

        var title = new XTextFormatter(gfx) { Alignment = XParagraphAlignment.Center };
        title.DrawString($"{(english ? c.CourseTitleEn : c.CourseTitleFr)} ({c.CourseCode})", new XFont(Pdf.Font, 17, XFontStyleEx.Bold), blue,
            Line(250, 46));

        var country = english ? c.CountryEn : c.CountryFr;
        // Some schools have long names: let the line wrap.
        // "à l'École…", "au Centre…" in French; "at École…" in English.
        var at = english ? text["à {0}", c.SchoolName].Value : FrenchName.School(c.SchoolName).In;
        title.DrawString($"{at} ({c.School}), {c.City}, {country}", body, black, Line(302, 36));
        gfx.DrawString(text["du {0} au {1}", LongDate(c.StartDate), LongDate(c.EndDate)], body, black, Line(342, 18), XStringFormats.TopCenter);
        gfx.DrawString(text["Résultat : {0}", text[TraineeRules.ResultLabel(TraineeRules.ResultCode(c.Result))].Value], bodyBold, black,
            Line(368, 18), XStringFormats.TopCenter);

        // Bottom: issue, code and address on the left, the QR code of the address on the right.
        var qrSize = 110.0;
        var qrX = width - 60 - qrSize;
        var qrY = height - 60 - qrSize;
        var left = new XRect(60, qrY + 20, qrX - 80, 16);
        gfx.DrawString(text["Délivré le {0}", LongDate(DateOnly.FromDateTime(c.IssuedAt))], body, black, left, XStringFormats.TopLeft);
        left.Offset(0, 22);
        gfx.DrawString(text["Code de vérification : {0}", c.Code], new XFont(Pdf.Font, 14, XFontStyleEx.Bold), black, left, XStringFormats.TopLeft);
        left.Offset(0, 24);
        gfx.DrawString(text["Vérifiez ce certificat à l'adresse :"], small, grey, left, XStringFormats.TopLeft);
        left.Offset(0, 13);
        gfx.DrawString(url, new XFont(Pdf.Font, 10), blue, left, XStringFormats.TopLeft);

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        // Explicit colours make a palette PNG: PDFsharp does not import the 1-bit greyscale PNG written by default.
        using var qr = new MemoryStream(new PngByteQRCode(data).GetGraphic(8, [0, 0, 0, 255], [255, 255, 255, 255]));
        using var image = XImage.FromStream(qr);
        gfx.DrawImage(image, qrX, qrY, qrSize, qrSize);

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static string LongDate(DateOnly date) => LetterDates.Long(date);
}
