using System.IO.Compression;
using System.Security.Cryptography;

namespace Cooperation.Web.Domain;

/// <summary>What a file is, recognised by its content (never by its name nor by what the sender claims).</summary>
[Flags]
public enum FileKinds
{
    None = 0,
    Pdf = 1,
    Docx = 2,
    Odt = 4,
    Png = 8,
    Jpeg = 16,
    WebP = 32,
    /// <summary>An Excel workbook: only what the system writes itself (a report's series), never accepted from a sender.</summary>
    Xlsx = 64,
    /// <summary>A report, a letter, an agreement, a certificate: PDF, Word or OpenDocument text.</summary>
    Documents = Pdf | Docx | Odt,
    /// <summary>A photo taken in the field.</summary>
    Images = Png | Jpeg | WebP,
}

/// <summary>
/// A file kept in the database (so that several instances of the application share it): its name, what it is and
/// its digest here, its bytes in <see cref="StoredFileContent"/>, read only when the file is downloaded. A record that
/// holds a file refers to it; the file is written in the same transaction as that record, so a refusal stores neither.
/// </summary>
public class StoredFile : IAudited
{
    public const int MaxName = 200;

    public int Id { get; set; }
    /// <summary>The sender's file name, without its folders or control characters.</summary>
    public required string FileName { get; set; }
    public FileKinds Kind { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    /// <summary>SHA-256 of the content, in lowercase hexadecimal.</summary>
    public required string Sha256 { get; set; }
    public DateTimeOffset StoredAt { get; set; }
    public StoredFileContent? Content { get; set; }

    /// <summary>A file of these bytes, of a kind <see cref="FileContent.Detect"/> recognised.</summary>
    public static StoredFile Of(string fileName, FileKinds kind, byte[] bytes, DateTimeOffset now) => new()
    {
        FileName = FileContent.SafeName(fileName, kind),
        Kind = kind,
        ContentType = FileContent.ContentType(kind),
        Length = bytes.LongLength,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
        StoredAt = now,
        Content = new StoredFileContent { Bytes = bytes },
    };
}

/// <summary>The bytes of a <see cref="StoredFile"/>, in a table of their own so that listing files never reads them.</summary>
public class StoredFileContent
{
    public int StoredFileId { get; set; }
    public required byte[] Bytes { get; set; }
}

/// <summary>Recognises a file by its first bytes and, for the zip-based formats, by the parts it holds.</summary>
public static class FileContent
{
    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> ZipMagic => [0x50, 0x4B, 0x03, 0x04];
    private const string OdtMime = "application/vnd.oasis.opendocument.text";

    /// <summary>What these bytes are; <see cref="FileKinds.None"/> when none of the kinds the system keeps.</summary>
    public static FileKinds Detect(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(PdfMagic)) return FileKinds.Pdf;
        if (span.StartsWith(PngMagic)) return FileKinds.Png;
        if (span.Length > 3 && span[0] == 0xFF && span[1] == 0xD8 && span[2] == 0xFF) return FileKinds.Jpeg;
        if (span.Length > 12 && span[..4].SequenceEqual("RIFF"u8) && span[8..12].SequenceEqual("WEBP"u8)) return FileKinds.WebP;
        return span.StartsWith(ZipMagic) ? DetectPackage(bytes) : FileKinds.None;
    }

    /// <summary>A Word document holds its content types and word/document.xml; an OpenDocument text names its type first.</summary>
    private static FileKinds DetectPackage(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null) return FileKinds.Docx;
            if (zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("xl/workbook.xml") is not null) return FileKinds.Xlsx;
            if (zip.GetEntry("mimetype") is { Length: < 100 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open());
                if (reader.ReadToEnd().Trim() == OdtMime) return FileKinds.Odt;
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            // A damaged or disguised zip is no document.
        }
        return FileKinds.None;
    }

    public static string ContentType(FileKinds kind) => kind switch
    {
        FileKinds.Pdf => "application/pdf",
        FileKinds.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileKinds.Odt => OdtMime,
        FileKinds.Png => "image/png",
        FileKinds.Jpeg => "image/jpeg",
        FileKinds.WebP => "image/webp",
        FileKinds.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a single kind of file."),
    };

    public static string Extension(FileKinds kind) => kind switch
    {
        FileKinds.Pdf => ".pdf",
        FileKinds.Docx => ".docx",
        FileKinds.Odt => ".odt",
        FileKinds.Png => ".png",
        FileKinds.Jpeg => ".jpg",
        FileKinds.WebP => ".webp",
        FileKinds.Xlsx => ".xlsx",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a single kind of file."),
    };

    /// <summary>The kinds of a set, by name, as a message lists them ("PDF, DOCX, ODT").</summary>
    public static string Names(FileKinds kinds) =>
        string.Join(", ", Enum.GetValues<FileKinds>().Where(k => k != FileKinds.None && (k & (k - 1)) == 0 && kinds.HasFlag(k))
            .Select(k => k.ToString().ToUpperInvariant()));

    /// <summary>
    /// The name to keep and to offer on download: the last part of what was sent, without control or path characters,
    /// at most <see cref="StoredFile.MaxName"/> characters, ending with the extension of what the file really is.
    /// </summary>
    public static string SafeName(string? sent, FileKinds kind)
    {
        var name = Path.GetFileName((sent ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('/' or '\\' or ':' or '"' or '<' or '>' or '|' or '*' or '?')).ToArray()).Trim(' ', '.');
        var extension = Extension(kind);
        var stem = Path.GetFileNameWithoutExtension(name);
        if (stem.Length == 0) stem = "document";
        if (stem.Length > StoredFile.MaxName - extension.Length) stem = stem[..(StoredFile.MaxName - extension.Length)];
        return stem + extension;
    }
}
