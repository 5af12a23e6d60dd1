using Cooperation.Web.Features.Account;
using Cooperation.Web.Features.Admin.Audit;
using Cooperation.Web.Features.Admin.Users;
using Cooperation.Web.Features.Partners.Countries;
using Cooperation.Web.Features.Partners.Organisations;
using Cooperation.Web.Features.Partners.Zones;
using Cooperation.Web.Features.Network.Cooperants;
using Cooperation.Web.Features.Network.Headcounts;
using Cooperation.Web.Features.Network.Postings;
using Cooperation.Web.Features.Network.Vacancies;
using Cooperation.Web.Features.Reporting.Figures;
using Cooperation.Web.Features.Schools;
using Cooperation.Web.Features.Schools.Alumni;
using Cooperation.Web.Features.Schools.Import;
using Cooperation.Web.Features.Schools.Courses;
using Cooperation.Web.Features.Schools.Sessions;
using Cooperation.Web.Features.Schools.Nominations;
using Cooperation.Web.Features.Schools.Trainees;
using Cooperation.Web.Features.Schools.Results;
using Cooperation.Web.Features.Schools.Certificates;
using Microsoft.AspNetCore.Authorization;

namespace Cooperation.Web.Features;

public static class Api
{
    /// <summary>The JSON API under /api/v1: Bearer tokens from POST /api/v1/auth/login; each area maps its own routes.</summary>
    public static void MapApi(this WebApplication app)
    {
        var v1 = app.MapGroup("/api/v1");
        v1.MapAuthApi();
        v1.MapCertificateVerificationApi();

        var secured = v1.MapGroup("").RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = IdentitySetup.ApiScheme });
        secured.MapFiguresApi();
        secured.MapCountriesApi();
        secured.MapOrganisationsApi();
        secured.MapZonesApi();
        secured.MapSchoolsApi();
        secured.MapCoursesApi();
        secured.MapSessionsApi();
        secured.MapNominationsApi();
        secured.MapCooperantsApi();
        secured.MapPostingsApi();
        secured.MapVacanciesApi();
        secured.MapHeadcountsApi();
        secured.MapAuditApi();
        secured.MapUsersApi();
        secured.MapImportApi();
        secured.MapTraineesApi();
        secured.MapAlumniApi();
        secured.MapResultsApi();
        secured.MapCertificatesApi();
    }
}
