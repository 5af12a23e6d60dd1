using Microsoft.Extensions.Options;

namespace Cooperation.Web.Features.Shared;

/// <summary>How large a file the system keeps (configuration section <c>Files</c>).</summary>
public sealed class FileLimits
{
    public const string Section = "Files";

    /// <summary>A report, a statement, an agreement, a photo: 20 MB by default.</summary>
    public int MaxMegabytes { get; set; } = 20;

    public long MaxBytes => MaxMegabytes * 1024L * 1024L;
}

/// <summary>A stored file on its way to whoever may read it.</summary>
public sealed record FileDownload(string FileName, string ContentType, byte[] Content)
{
    /// <summary>The API's answer: the bytes, as an attachment under the stored name.</summary>
    public FileContentHttpResult ToResult() => TypedResults.File(Content, ContentType, FileName);

    /// <summary>A page's answer, the same.</summary>
    public Microsoft.AspNetCore.Mvc.FileContentResult ToPageResult() => new(Content, ContentType) { FileDownloadName = FileName };
}

/// <summary>
/// The one way files come in and go out, for every area (a mission's report, a donation's end-user statement or
/// handover record, a check's photo, a partnership's agreement). A use case reads the upload with
/// <see cref="ReadAsync"/>, which checks it by its content and size and records what is wrong against the field; it
/// attaches the returned <see cref="StoredFile"/> to its record and saves both together, so that nothing is stored
/// on any refusal. A download goes through the owning record's use case, which decides who may read it, then
/// <see cref="LoadAsync"/>.
/// </summary>
public sealed class StoredFiles(CooperationDbContext db, IOptions<FileLimits> limits, TimeProvider clock) : IUseCase
{
    public long MaxBytes => limits.Value.MaxBytes;

    /// <summary>
    /// The file sent in a field, as a new <see cref="StoredFile"/> not yet added to the database; null, with the
    /// reason in <paramref name="errors"/>, when it is missing (and <paramref name="required"/>), empty, larger than the
    /// limit or not one of the <paramref name="accepted"/> kinds by its content; null without error when optional and absent.
    /// </summary>
    public async Task<StoredFile?> ReadAsync(IFormFile? file, FieldErrors errors, string field, string label, FileKinds accepted,
        bool required = true, CancellationToken ct = default)
    {
        if (file is null)
        {
            if (required) errors.Add(field, "common.required", errors.Label(label));
            return null;
        }
        if (file.Length == 0)
        {
            errors.Add(field, "file.empty", errors.Label(label));
            return null;
        }
        if (file.Length > MaxBytes)
        {
            errors.Add(field, "file.tooLarge", errors.Label(label), limits.Value.MaxMegabytes);
            return null;
        }
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
            await stream.ReadExactlyAsync(bytes, ct);
        var kind = FileContent.Detect(bytes);
        if (kind == FileKinds.None || !accepted.HasFlag(kind))
        {
            errors.Add(field, "file.kind", errors.Label(label), FileContent.Names(accepted));
            return null;
        }
        return StoredFile.Of(file.FileName, kind, bytes, clock.GetUtcNow());
    }

    /// <summary>A stored file's name, type and bytes; 404 when there is none of that id.</summary>
    public async Task<FileDownload> LoadAsync(int id, CancellationToken ct = default)
    {
        var file = await db.StoredFiles.AsNoTracking().Where(f => f.Id == id)
            .Select(f => new { f.FileName, f.ContentType, f.Content!.Bytes }).FirstOrDefaultAsync(ct);
        return file is null ? throw new RecordNotFoundException() : new FileDownload(file.FileName, file.ContentType, file.Bytes);
    }
}
