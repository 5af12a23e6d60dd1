using Cooperation.Web.Features.Schools.Courses;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Cooperation.Web.Features.Schools.Nominations;

/// <summary>
/// The invitation letter (convocation) of an accepted candidate, as a PDF in French or English: who is invited, to
/// which session (course, school, place, dates), and how to report. Only an accepted nomination has one.
/// </summary>
public class InvitationLetter(CooperationDbContext db, Access access, TimeProvider clock, IConfiguration config, IStringLocalizer<InvitationLetter> text) : IUseCase
{
    public record Letter(byte[] Content, string FileName);

    /// <param name="language">fr or en; the user's language when not given.</param>
    public async Task<Letter> HandleAsync(int nominationId, string? language, CancellationToken ct = default)
    {
        var visible = await access.VisibleNominationsAsync(db.Nominations.AsNoTracking(), ct);
        var d = await ReadAsync(visible, nominationId, ct) ?? throw new RecordNotFoundException();
        // The letter names the candidate: only for those who read his name.
        var named = await access.NamedTraineesAsync(ct);
        if (!await named.AnyAsync(t => t.Nominations.Any(n => n.Id == nominationId), ct)) throw new ForbiddenException("common.forbidden");
        if (d.Status != NominationStatus.Accepted) throw new DomainException("status", "nominations.invitationNotAccepted");

        var english = language is null ? Names.English : language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        return Write(d, english);
    }

    /// <summary>
    /// The letter of an accepted nomination for the e-mail that tells its country's liaison officer of the acceptance,
    /// whoever took the decision (a school director reads no more than his school's candidates, whom this letter names).
    /// </summary>
    public async Task<Letter> ForNoticeAsync(int nominationId, bool english, CancellationToken ct)
    {
        var d = await ReadAsync(db.Nominations.AsNoTracking(), nominationId, ct) ?? throw new RecordNotFoundException();
        if (d.Status != NominationStatus.Accepted) throw new DomainException("status", "nominations.invitationNotAccepted");
        return Write(d, english);
    }

    private Letter Write(Data d, bool english)
    {
        var content = Pdf.InCulture(english ? "en-GB" : "fr-FR", () => Render(d, LetterSignature.From(config, english)));
        var name = $"{(english ? "invitation" : "convocation")}-{d.Code}-{Text.NormalizeName(d.LastName).Replace(' ', '-').ToLowerInvariant()}-{d.Id}.pdf";
        return new Letter(content, name);
    }

    private static Task<Data?> ReadAsync(IQueryable<Nomination> source, int nominationId, CancellationToken ct) =>
        source.Where(n => n.Id == nominationId).Select(n => new Data(
            n.Id, n.Status, n.Trainee!.FirstName, n.Trainee.LastName, n.Trainee.Gender, n.Trainee.Rank, n.Trainee.Position,
            n.Trainee.Administration!.NameFr, n.Trainee.Administration.NameEn, n.Country!.NameFr, n.Country.NameEn, n.Country.ArticleFr, n.Country.PrepositionFr,
            n.Session!.Course!.Code, n.Session.Course.TitleFr, n.Session.Course.TitleEn, n.Session.Course.Languages,
            n.Session.Course.School!.Acronym, n.Session.Course.School.Name, n.Session.Course.School.City,
            n.Session.Course.School.Country!.NameFr, n.Session.Course.School.Country.NameEn,
            n.Session.Place, n.Session.StartDate, n.Session.EndDate, n.SessionId)).SingleOrDefaultAsync(ct);

    private static string Date(DateOnly date) => LetterDates.Long(date);

    private byte[] Render(Data d, LetterSignature signature)
    {
        Pdf.EnsureFonts();
        var candidate = $"{d.FirstName} {d.LastName.ToUpperInvariant()}";
        var course = Names.Pick(d.TitleFr, d.TitleEn);
        var country = Names.Pick(d.CountryFr, d.CountryEn);
        // French writes a country and a school with their article: "présentée par la Côte d'Ivoire", "organisée par l'École…".
        var presentedBy = Names.English ? d.CountryEn : FrenchName.Country(d.CountryFr, d.CountryArticleFr, d.CountryPrepositionFr).Definite;
        var organisedBy = Names.English ? d.SchoolName : FrenchName.School(d.SchoolName).Definite;
        var address = text[d.Gender == Gender.Female ? "Madame" : "Monsieur"].Value;
        var today = clock.Today();

        using var document = new PdfDocument();
        document.Info.Title = $"{text["Convocation"]} — {candidate}";
        document.Info.Subject = $"{d.Code} — {course} — {d.School}, {Date(d.Start)}";
        document.Info.Author = "Coopération de sécurité et de défense";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using var gfx = XGraphics.FromPdfPage(page);
        var writer = new PdfWriter(gfx, page.Width.Point);

        writer.Letterhead(text, Date(today), signature);
        writer.Line(text["Référence : CONV-{0}-{1}", d.SessionId, d.Id], 9, align: XStringFormats.TopRight);
        writer.Space(18);
        writer.Line(text["CONVOCATION"], 18, bold: true, align: XStringFormats.TopCenter);
        writer.Space(12);

        writer.Line(text["À l'attention de :"], 10);
        writer.Line(string.IsNullOrEmpty(d.Rank) ? candidate : $"{d.Rank} {candidate}", 12, bold: true);
        if (!string.IsNullOrEmpty(d.Position)) writer.Line(d.Position, 10);
        writer.Line($"{Names.Pick(d.AdministrationFr, d.AdministrationEn)} — {country}", 10);
        writer.Space(12);
        writer.Paragraph(text["Objet : convocation à la session {0} — {1}", d.Code, course], 11, bold: true);
        writer.Space(8);

        writer.Paragraph(text["{0},", address], 11);
        writer.Paragraph(text["J'ai l'honneur de vous informer que votre candidature, présentée par {0}, a été retenue pour la session de formation « {1} » ({2}) organisée par {3} ({4}), {5}, {6}.",
            presentedBy, course, d.Code, organisedBy, d.School, d.City, Names.Pick(d.SchoolCountryFr, d.SchoolCountryEn)], 11);
        writer.Paragraph(text["La session se tiendra à {0} du {1} au {2}.", d.Place, Date(d.Start), Date(d.End)], 11, bold: true);
        writer.Space(6);

        writer.Line(text["Modalités de présentation"], 12, bold: true, brush: PdfWriter.Blue);
        var languages = string.Join(", ", d.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(code => CourseRules.LanguageName(code, text)));
        foreach (var item in new[]
        {
            text["Présentez-vous à l'accueil de l'école, à {0}, le {1} avant 17 heures, veille de l'ouverture de la session.", d.Place, Date(d.Start.AddDays(-1))].Value,
            text["Munissez-vous de la présente convocation, d'un passeport en cours de validité (avec visa si nécessaire), de votre carte professionnelle et de votre tenue de service."].Value,
            text["Langue(s) d'enseignement : {0}.", languages].Value,
            text["Les conditions de voyage, d'hébergement et de prise en charge vous seront précisées par l'officier de liaison de votre pays."].Value,
            text["En cas d'empêchement, prévenez sans délai l'officier de liaison de votre pays afin que votre place soit proposée à un autre candidat."].Value,
        })
            writer.Paragraph("•  " + item, 10.5, indent: 12);
        writer.Space(8);
        writer.Paragraph(text["Je vous prie d'agréer, {0}, l'expression de ma considération distinguée.", address], 11);
        writer.Space(18);
        writer.Signature(signature);

        gfx.DrawString(text["Document établi le {0} par le système d'information Coopération.", Date(today)],
            new XFont(Pdf.Font, 7.5), XBrushes.Gray, new XRect(PdfWriter.Margin, page.Height.Point - 40, page.Width.Point - 2 * PdfWriter.Margin, 12), XStringFormats.TopCenter);

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private sealed record Data(
        int Id, NominationStatus Status, string FirstName, string LastName, Gender Gender, string Rank, string Position,
        string AdministrationFr, string AdministrationEn, string CountryFr, string CountryEn, string? CountryArticleFr, string? CountryPrepositionFr,
        string Code, string TitleFr, string TitleEn, string Languages,
        string School, string SchoolName, string City, string SchoolCountryFr, string SchoolCountryEn,
        string Place, DateOnly Start, DateOnly End, int SessionId);
}
