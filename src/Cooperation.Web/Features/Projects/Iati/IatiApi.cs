using System.Text;
using System.Xml;

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

        iati.MapGet("/activities.xml", async (GetIatiActivities get) => Xml(await get.HandleAsync()))
            .WithSummary("The IATI 2.03 activity file (public, no personal data): the projects marked for publication, identifiers prefixed by Iati:ReportingOrgRef.");

        iati.MapGet("/organisation.xml", async (GetIatiOrganisation get) => Xml(await get.HandleAsync()))
            .WithSummary("The IATI 2.03 organisation file (public): the reporting organisation, its total budget and expenditure by year over the published projects.");
    }

    private static IResult Xml(byte[] file) => TypedResults.File(file, "application/xml; charset=utf-8");

    /// <summary>An IATI file as its UTF-8 bytes, indented, written by <paramref name="write"/> after the XML declaration.</summary>
    internal static async Task<byte[]> WriteAsync(Func<XmlWriter, Task> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            writer.WriteStartDocument();
            await write(writer);
            writer.WriteEndDocument();
        }
        return buffer.ToArray();
    }
}
