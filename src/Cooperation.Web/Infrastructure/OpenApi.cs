namespace Cooperation.Web.Infrastructure;

public static class OpenApiSetup
{
    /// <summary>The API's OpenAPI document (/openapi/v1.json), with its Bearer scheme and how errors answer.</summary>
    public static IServiceCollection AddCooperationOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
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
}
