using System.Globalization;
using Cooperation.Web.Features.Shared;
using Cooperation.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Cooperation.Tests.Shared;

/// <summary>
/// Files are recognised by what they contain, not by their name nor by the type the sender claims; a file too large,
/// empty or of a kind the field does not take is refused with the field named, and nothing comes back to store.
/// </summary>
public class StoredFilesTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    public static TheoryData<string, FileKinds> Kinds => new()
    {
        { "pdf", FileKinds.Pdf }, { "docx", FileKinds.Docx }, { "odt", FileKinds.Odt }, { "png", FileKinds.Png },
        { "jpeg", FileKinds.Jpeg }, { "xlsx", FileKinds.Xlsx }, { "exe", FileKinds.None },
        { "broken zip", FileKinds.None }, { "text", FileKinds.None },
    };

    private static byte[] Sample(string name) => name switch
    {
        "pdf" => TestFiles.Pdf(),
        "docx" => TestFiles.Docx(),
        "odt" => TestFiles.Odt(),
        "png" => TestFiles.Png(),
        "jpeg" => TestFiles.Jpeg(),
        "xlsx" => TestFiles.Xlsx(),
        "exe" => TestFiles.Executable(),
        "broken zip" => TestFiles.Docx()[..30],
        _ => "Rapport de mission"u8.ToArray(),
    };

    [Theory, Trait("Category", "Unit")]
    [MemberData(nameof(Kinds))]
    public void A_file_is_recognised_by_its_content(string sample, FileKinds expected) =>
        FileContent.Detect(Sample(sample)).ShouldBe(expected);

    [Theory, Trait("Category", "Unit")]
    [InlineData("../../etc/rapport.pdf", FileKinds.Pdf, "rapport.pdf")]
    [InlineData("C:\\Users\\x\\compte-rendu.exe", FileKinds.Pdf, "compte-rendu.pdf")]
    [InlineData("photo", FileKinds.Jpeg, "photo.jpg")]
    [InlineData("  ", FileKinds.Docx, "document.docx")]
    [InlineData("lettre\u0007<script>.odt", FileKinds.Odt, "lettrescript.odt")]
    public void The_name_kept_has_no_folder_and_the_extension_of_what_the_file_is(string sent, FileKinds kind, string kept) =>
        FileContent.SafeName(sent, kind).ShouldBe(kept);

    [Fact]
    public async Task A_document_field_takes_a_report_and_refuses_a_disguised_or_oversized_file_naming_the_field()
    {
        var (stored, _) = await ReadAsync(TestFiles.Docx(), "rapport.docx");
        stored.ShouldNotBeNull();
        stored.Kind.ShouldBe(FileKinds.Docx);
        stored.ContentType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        stored.Length.ShouldBe(TestFiles.Docx().Length);
        stored.Sha256.Length.ShouldBe(64);

        var (exe, errors) = await ReadAsync(TestFiles.Executable(), "rapport.pdf");
        exe.ShouldBeNull();
        errors["report"].ShouldBe(["Le fichier « Rapport » n'est pas d'un format accepté (PDF, DOCX, ODT) : son contenu a été vérifié, pas seulement son nom."]);

        // A workbook is a kind the system writes (a report's series), never one a document field takes.
        var (workbook, workbookErrors) = await ReadAsync(TestFiles.Xlsx(), "rapport.xlsx");
        workbook.ShouldBeNull();
        workbookErrors.ShouldContainKey("report");

        var (photo, photoErrors) = await ReadAsync(TestFiles.Png(), "photo.png");
        photo.ShouldBeNull();
        photoErrors.ShouldContainKey("report");

        var (large, largeErrors) = await ReadAsync(new byte[20 * 1024 * 1024 + 1], "gros.pdf");
        large.ShouldBeNull();
        largeErrors["report"].ShouldBe(["Le fichier « Rapport » dépasse la taille maximale de 20 Mo."]);

        var (empty, emptyErrors) = await ReadAsync([], "vide.pdf");
        empty.ShouldBeNull();
        emptyErrors["report"].ShouldBe(["Le fichier « Rapport » est vide."]);
    }

    private async Task<(StoredFile? File, IReadOnlyDictionary<string, string[]> Errors)> ReadAsync(byte[] content, string name)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("fr-FR");
        try
        {
            using var scope = factory.Services.CreateScope();
            var errors = new FieldErrors(scope.ServiceProvider.GetRequiredService<IStringLocalizer<FieldErrors>>());
            var upload = new FormFile(new MemoryStream(content), 0, content.Length, "report", name);
            var file = await scope.ServiceProvider.GetRequiredService<StoredFiles>().ReadAsync(upload, errors, "report", "Rapport", FileKinds.Documents);
            return (file, errors.All);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
