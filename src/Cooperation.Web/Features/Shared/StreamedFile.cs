using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Cooperation.Web.Features.Shared;

/// <summary>
/// A file written into the response as it goes, named for download: what a page's handler (an action result) and an
/// API route (a result) both answer when the file is too large to be built in memory first (a calendar of every session).
/// </summary>
public sealed class StreamedFile(string contentType, string fileName, Func<Stream, CancellationToken, Task> write) : IResult, IActionResult
{
    public Task ExecuteAsync(HttpContext context)
    {
        context.Response.ContentType = contentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        context.Response.Headers.ContentDisposition = disposition.ToString();
        return write(context.Response.Body, context.RequestAborted);
    }

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);
}
