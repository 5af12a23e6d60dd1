using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace Cooperation.Tests.Infrastructure;

/// <summary>Small real files of each kind the system keeps, and the multipart bodies that carry them.</summary>
public static class TestFiles
{
    public static byte[] Pdf(string text = "Rapport") => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" +
        $"% {text}\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>A Word document: its content types and its body, as Word writes them.</summary>
    public static byte[] Docx() => Zip(
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
        ("word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"));

    /// <summary>An OpenDocument text: its type first, then its content.</summary>
    public static byte[] Odt() => Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>"));

    /// <summary>A spreadsheet: a zip, but no document.</summary>
    public static byte[] Xlsx() => Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"));

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];

    /// <summary>An executable renamed as a report.</summary>
    public static byte[] Executable() => [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF];

    /// <summary>A multipart body with these text fields and one file.</summary>
    public static MultipartFormDataContent Multipart(string fileField, byte[] content, string fileName, params (string Name, string Value)[] fields)
    {
        var body = new MultipartFormDataContent();
        foreach (var (name, value) in fields) body.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Add(file, fileField, fileName);
        return body;
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
                // A fixed time, so that the same file is the same bytes whenever it is made.
                entry.LastWriteTime = new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);
                using var writer = new StreamWriter(entry.Open());
                writer.Write(text);
            }
        return buffer.ToArray();
    }
}
