using Microsoft.AspNetCore.Mvc;

namespace Cooperation.Web.Features.Shared;

/// <summary>Lets a Razor page handler answer an <see cref="IResult"/> (such as <see cref="Export.File{T}"/>), which pages cannot return as such.</summary>
public sealed class ResultAction(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}

public static class ResultActionExtensions
{
    public static IActionResult AsAction(this IResult result) => new ResultAction(result);
}
