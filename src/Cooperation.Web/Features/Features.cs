using Cooperation.Web.Features.Reporting;
using Cooperation.Web.Features.Schools.Certificates;

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
        services.AddScoped<Schools.Catalogue.ListCourses>();
        services.AddScoped<Schools.Catalogue.GetCourse>();
        services.AddScoped<Schools.Catalogue.GetSchoolCatalogue>();
        services.AddScoped<Schools.Catalogue.CreateCourse>();
        services.AddScoped<Schools.Catalogue.EditCourse>();
        services.AddScoped<Schools.Sessions.ListSessions>();
        services.AddScoped<Schools.Sessions.GetSession>();
        services.AddScoped<Schools.Sessions.CreateSession>();
        services.AddScoped<Schools.Sessions.EditSession>();
        services.AddScoped<Schools.Sessions.SetQuota>();
        services.AddScoped<Schools.Sessions.ChangeSessionStatus>();
        services.AddScoped<Schools.Nominations.ListNominations>();
        services.AddScoped<Schools.Nominations.GetNomination>();
        services.AddScoped<Schools.Nominations.NominateCandidate>();
        services.AddScoped<Schools.Nominations.DecideNomination>();
        services.AddScoped<Schools.Nominations.ScreenCandidate>();
        services.AddScoped<Schools.Nominations.FindNearMatches>();
        services.AddScoped<Schools.Nominations.MergeTrainee>();
        services.AddScoped<Schools.Nominations.InvitationLetter>();
        services.AddScoped<Schools.Nominations.NominationChoices>();
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
        services.AddScoped<Schools.Trainees.ListTrainees>();
        services.AddScoped<Schools.Trainees.GetTrainee>();
        services.AddScoped<Schools.Trainees.EditTrainee>();
        services.AddScoped<Schools.Trainees.AddCareerEntry>();
        services.AddScoped<Schools.Trainees.EditCareerEntry>();
        services.AddScoped<Schools.Trainees.RemoveCareerEntry>();
        services.AddScoped<Schools.Trainees.ListProminentAlumni>();
        services.AddScoped<Schools.Results.GetSessionResults>();
        services.AddScoped<Schools.Results.RecordResults>();
        services.AddScoped<Schools.Results.IssueCertificates>();
        services.AddScoped<Schools.Certificates.GetCertificate>();
        services.AddScoped<Schools.Certificates.VerifyCertificate>();
        services.AddScoped<Schools.Certificates.CertificatePdf>();
        services.AddCertificateChecks();
        return services;
    }
}
