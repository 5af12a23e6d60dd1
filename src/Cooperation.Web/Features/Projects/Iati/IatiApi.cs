using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Cooperation.Web.Features.Projects.Iati;

/// <summary>
/// /api/v1/iati: the public IATI 2.03 files — the activities (the projects marked for publication) and the
/// organisation. Anonymous and without personal data: what the ministry owes in transparency.
/// </summary>
public sealed class IatiApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var iati = api.MapGroup("/iati").WithTags("IATI").AllowAnonymous();

        iati.MapGet("/activities.xml", async (GetIatiActivities get, CancellationToken ct) => Xml(await get.HandleAsync(ct)))
            .WithSummary("The IATI 2.03 activity file (public, no personal data): the projects marked for publication, identifiers prefixed by Iati:ReportingOrgRef.");

        iati.MapGet("/organisation.xml", async (GetIatiOrganisation get, CancellationToken ct) => Xml(await get.HandleAsync(ct)))
            .WithSummary("The IATI 2.03 organisation file (public): the reporting organisation, its total budget and expenditure by year over the published projects.");
    }

    private static IResult Xml(XDocument document)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            document.Save(writer);
        return TypedResults.File(buffer.ToArray(), "application/xml; charset=utf-8");
    }
}
