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
        services.AddScoped<Partners.ListCountries>();
        services.AddScoped<Partners.GetCountry>();
        services.AddScoped<Partners.ListOrganisations>();
        services.AddScoped<Partners.GetOrganisation>();
        services.AddScoped<Partners.ListZones>();
        services.AddScoped<Partners.SetZonePriority>();
        services.AddScoped<Schools.ListSchools>();
        services.AddScoped<Schools.GetSchool>();
        services.AddScoped<Network.ListCooperants>();
        services.AddScoped<Network.GetCooperant>();
        services.AddScoped<Network.CreateCooperant>();
        services.AddScoped<Network.EditCooperant>();
        services.AddScoped<Network.ListPostings>();
        services.AddScoped<Network.CreatePosting>();
        services.AddScoped<Network.EditPosting>();
        services.AddScoped<Network.EndPosting>();
        services.AddScoped<Network.ListVacancies>();
        services.AddScoped<Network.CreateVacancy>();
        services.AddScoped<Network.FillVacancy>();
        services.AddScoped<Network.CountHeadcounts>();
        services.AddScoped<Network.NetworkChoices>();
        services.AddScoped<Schools.Import.ImportTemplate>();
        services.AddScoped<Schools.Import.ImportNominations>();
        services.AddScoped<Schools.Import.ImportTrainees>();
        services.AddScoped<Schools.Import.ImportChoices>();
        services.AddScoped<ComputeTrainingFigures>();
        return services;
    }
}
