using Cooperation.Web.Features.Reporting;

namespace Cooperation.Web.Features;

public static class FeatureServices
{
    /// <summary>The use cases, one line each: pages and API endpoints receive them by injection.</summary>
    public static IServiceCollection AddFeatureServices(this IServiceCollection services)
    {
        services.AddScoped<ComputeFigures>();
        services.AddScoped<ComputeNetworkMap>();
        services.AddScoped<Admin.ListAuditEntries>();
        services.AddScoped<Admin.UserRules>();
        services.AddScoped<Admin.ListUsers>();
        services.AddScoped<Admin.CreateUser>();
        services.AddScoped<Admin.EditUser>();
        services.AddScoped<Admin.SetUserLock>();
        services.AddScoped<Shared.ReferenceLists>();
        return services;
    }
}
