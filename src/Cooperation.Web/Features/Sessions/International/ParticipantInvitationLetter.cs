using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Cooperation.Web.Features.Sessions.International;

/// <summary>
/// The invitation letter of a participant to an international session, as a PDF in French or English, as the training
/// sessions' convocations: who is invited, to which session (theme, zone, dates, École militaire), and how to come.
/// Only an invited or confirmed participant has one, and only those who read his name print it.
/// </summary>
public class ParticipantInvitationLetter(CooperationDbContext db, Access access, TimeProvider clock, IConfiguration config, IStringLocalizer<ParticipantInvitationLetter> text) : IUseCase
{
    public record Letter(byte[] Content, string FileName);

    public async Task<Letter> HandleAsync(int sessionId, int participantId, string? language, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesInternationalSessions);
        if (!await access.VisibleInternationalSessions(db.InternationalSessions).AnyAsync(s => s.Id == sessionId, ct)) throw new RecordNotFoundException();
        var visible = await access.VisibleParticipantsAsync(db.SessionParticipants.AsNoTracking(), ct);
        var d = await visible.Where(p => p.Id == participantId && p.SessionId == sessionId).Select(p => new Data(
            p.Id, p.Status, p.Person!.FirstName, p.Person.LastName, p.Person.Gender, p.Grade, p.PositionHeld,
            p.Person.Administration!.NameFr, p.Person.Administration.NameEn, p.Country!.NameFr, p.Country.NameEn,
            p.Session!.Year, p.Session.Number, p.Session.Theme, p.Session.Zone!.NameFr, p.Session.Zone.NameEn, p.Session.WithFica,
            p.Session.Place, p.Session.StartDate, p.Session.EndDate)).SingleOrDefaultAsync(ct) ?? throw new RecordNotFoundException();
        ForbiddenException.ThrowUnless(access.ReadsParticipantNames);
        if (d.Status is not (ParticipantStatus.Invited or ParticipantStatus.Confirmed)) throw new DomainException("status", "participant.invitationNotInvited");

        var english = language is null ? Names.English : language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var content = Pdf.InCulture(english ? "en-GB" : "fr-FR", () => Render(d, LetterSignature.From(config, english)));
        var name = $"invitation-ihedn-{d.Year}-{d.Number}-{Text.NormalizeName(d.LastName).Replace(' ', '-').ToLowerInvariant()}-{d.Id}.pdf";
        return new Letter(content, name);
    }

    private static string Date(DateOnly date) => LetterDates.Long(date);

    private byte[] Render(Data d, LetterSignature signature)
    {
        var address = text[d.Gender == Gender.Female ? "Madame" : "Monsieur"].Value;
        Pdf.EnsureFonts();
        var person = $"{d.FirstName} {d.LastName.ToUpperInvariant()}";
        var zone = Names.Pick(d.ZoneFr, d.ZoneEn);
        var today = clock.Today();
        using var document = new PdfDocument();
        document.Info.Title = $"{text["Lettre d'invitation"]} — {person}";
        document.Info.Subject = $"IHEDN {d.Year}-{d.Number} — {d.Theme}";
        document.Info.Author = "Coopération de sécurité et de défense";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using var gfx = XGraphics.FromPdfPage(page);
        var writer = new PdfWriter(gfx, page.Width.Point);
        writer.Letterhead(text, Date(today), signature);
        writer.Line(text["Référence : IHEDN-{0}-{1}-{2}", d.Year, d.Number, d.Id], 9, align: XStringFormats.TopRight);
        writer.Space(18);
        writer.Line(text["LETTRE D'INVITATION"], 18, bold: true, align: XStringFormats.TopCenter);
        writer.Space(12);
        writer.Line(text["À l'attention de :"], 10);
        writer.Line(string.IsNullOrEmpty(d.Grade) ? person : $"{d.Grade} {person}", 12, bold: true);
        writer.Line(d.Position, 10);
        writer.Line($"{Names.Pick(d.AdministrationFr, d.AdministrationEn)} — {Names.Pick(d.CountryFr, d.CountryEn)}", 10);
        writer.Space(12);
        writer.Paragraph(text["Objet : session internationale {0}-{1} de l'IHEDN — {2}", d.Year, d.Number, d.Theme], 11, bold: true);
        writer.Space(8);
        writer.Paragraph(text["{0},", address], 11);
        writer.Paragraph(text["J'ai l'honneur de vous inviter à la session internationale de l'Institut des hautes études de défense nationale consacrée à la zone {0}, sur le thème « {1} ».", zone, d.Theme], 11);
        if (d.WithFica) writer.Paragraph(text["Cette session se tient avec le forum FICA."], 11);
        writer.Paragraph(text["La session se tiendra à {0} du {1} au {2}.", d.Place, Date(d.Start), Date(d.End)], 11, bold: true);
        writer.Space(6);
        foreach (var item in new[]
        {
            text["Merci de confirmer votre participation auprès de l'attaché de défense de l'ambassade de France dans votre pays."].Value,
            text["Munissez-vous de la présente lettre et d'un passeport en cours de validité (avec visa si nécessaire)."].Value,
            text["Les conditions de voyage et d'hébergement vous seront précisées par l'officier de liaison de votre pays."].Value,
        })
            writer.Paragraph("•  " + item, 10.5, indent: 12);
        writer.Space(8);
        writer.Paragraph(text["Je vous prie d'agréer, {0}, l'expression de ma haute considération.", address], 11);
        writer.Space(18);
        writer.Signature(signature);
        gfx.DrawString(text["Document établi le {0} par le système d'information Coopération.", Date(today)],
            new XFont(Pdf.Font, 7.5), XBrushes.Gray, new XRect(PdfWriter.Margin, page.Height.Point - 40, page.Width.Point - 2 * PdfWriter.Margin, 12), XStringFormats.TopCenter);
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private sealed record Data(
        int Id, ParticipantStatus Status, string FirstName, string LastName, Gender Gender, string Grade, string Position,
        string AdministrationFr, string AdministrationEn, string CountryFr, string CountryEn, int Year, int Number, string Theme,
        string ZoneFr, string ZoneEn, bool WithFica, string Place, DateOnly Start, DateOnly End);
}
