using Microsoft.AspNetCore.OpenApi;

namespace Cooperation.Web.Infrastructure;

public static class OpenApiSetup
{
    /// <summary>The API's OpenAPI document (/openapi/v1.json), with its Bearer scheme and how errors answer.</summary>
    public static IServiceCollection AddCooperationOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", o => o.UseSchemaIds().AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Coopération API";
            document.Info.Description = "Security and defence cooperation: network of coopérants, partners, schools. "
                + "Obtain a token with POST /api/v1/auth/login and send it as 'Authorization: Bearer <token>'. "
                + "Lists answer {items, total, page, pageSize}; errors are ProblemDetails naming the field, in French or English (Accept-Language).";
            document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http, Scheme = "bearer", Description = "Token from POST /api/v1/auth/login",
            };
            return Task.CompletedTask;
        }));

    /// <summary>
    /// One schema a type: the default names a type by its own name alone, so that the <c>Request</c> records nested in
    /// each use case (<c>CreateSession.Request</c>, <c>CreatePosting.Request</c>…) all became one schema <c>Request</c>,
    /// and the document described every such body as the first. A nested type is named with the types it is nested in
    /// (<c>CreateSessionRequest</c>), and so is a generic type by such arguments (<c>PagedOfRecordResultsRow</c>).
    /// </summary>
    private static OpenApiOptions UseSchemaIds(this OpenApiOptions options)
    {
        options.CreateSchemaReferenceId = info =>
            OpenApiOptions.CreateDefaultSchemaReferenceId(info) is not null && NeedsQualifying(Nullable.GetUnderlyingType(info.Type) ?? info.Type)
                ? Name(Nullable.GetUnderlyingType(info.Type) ?? info.Type)
                : OpenApiOptions.CreateDefaultSchemaReferenceId(info);
        return options;
    }

    private static bool NeedsQualifying(Type type) =>
        type.IsNested || type.IsGenericType && type.GetGenericArguments().Any(NeedsQualifying);

    private static string Name(Type type)
    {
        var name = type.Name;
        if (name.IndexOf('`') is var tick and >= 0) name = name[..tick];
        if (type is { IsGenericType: true, IsGenericTypeDefinition: false })
            name += "Of" + string.Join("And", type.GetGenericArguments().Select(Name));
        return type.DeclaringType is { } outer ? Name(outer) + name : name;
    }
}
