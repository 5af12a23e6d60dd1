using System.Text.Json;

namespace Cooperation.Web.Features.Partners;

/// <summary>Body of PUT /zones/{code}/priority: priority is "High", "Medium" or "Low"; version is the one last read.</summary>
public record ZonePriorityRequest(JsonElement? Priority, long? Version);

public static class PartnersApi
{
    public static void MapPartnersApi(this RouteGroupBuilder api)
    {
        var partners = api.MapGroup("").WithTags("Partners");

        partners.MapGet("/countries", CountriesAsync)
            .WithSummary("Partner countries with active coopérants, open vacancies and ENVR; filters q, zone, withNetwork; sort name|zone|cooperants.");
        partners.MapGet("/countries/{iso2}", CountryAsync)
            .WithSummary("A partner country and everything connected to it; 404 when unknown or outside the caller's scope.");
        partners.MapGet("/organisations", OrganisationsAsync)
            .WithSummary("International and regional organisations with their seat and active postings; filters q, kind.");
        partners.MapGet("/organisations/{acronym}", OrganisationAsync)
            .WithSummary("An organisation, its seat country and the postings to it; 404 when unknown or outside the caller's scope.");
        partners.MapGet("/zones", ZonesAsync)
            .WithSummary("Geographic zones with their strategic priority, number of countries and active coopérants.");
        partners.MapPut("/zones/{code}/priority", PriorityAsync)
            .WithSummary("Sets a zone's strategic priority (High, Medium, Low) from the version last read: 400 invalid, 403 not allowed, 409 stale.");
    }

    private static async Task<Results<Ok<Paged<CountryRow>>, ValidationProblem>> CountriesAsync(
        string? q, string? zone, bool? withNetwork, string? sort, int? page, int? pageSize,
        ListCountries list, IStringLocalizer<ListCountries> text, CancellationToken ct)
    {
        if (sort is not null && !ListCountries.Sorts.Contains(sort, StringComparer.OrdinalIgnoreCase))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sort"] = [text["common.unknown", "sort", sort]] },
                title: text["Données invalides"]);
        return TypedResults.Ok(await list.HandleAsync(new ListCountriesQuery(q, zone, withNetwork ?? false, sort, page, pageSize), ct));
    }

    private static async Task<Results<Ok<CountryPage>, ProblemHttpResult>> CountryAsync(
        string iso2, GetCountry get, IStringLocalizer<GetCountry> text, CancellationToken ct) =>
        await get.HandleAsync(iso2, ct) is { } country ? TypedResults.Ok(country) : NotFound(text);

    private static async Task<Ok<Paged<OrganisationRow>>> OrganisationsAsync(
        string? q, string? kind, int? page, int? pageSize, ListOrganisations list, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(new ListOrganisationsQuery(q, kind, page, pageSize), ct));

    private static async Task<Results<Ok<OrganisationPage>, ProblemHttpResult>> OrganisationAsync(
        string acronym, GetOrganisation get, IStringLocalizer<GetOrganisation> text, CancellationToken ct) =>
        await get.HandleAsync(acronym, ct) is { } organisation ? TypedResults.Ok(organisation) : NotFound(text);

    private static async Task<Ok<Paged<ZoneRow>>> ZonesAsync(ListZones list, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(ct));

    private static async Task<Results<Ok<ZonePriority>, ProblemHttpResult>> PriorityAsync(
        string code, ZonePriorityRequest request, SetZonePriority set, IStringLocalizer<SetZonePriority> text, CancellationToken ct)
    {
        // Anything but a string (a number, null) is an invalid priority too, reported on its field rather than as unreadable JSON.
        var priority = request.Priority is { ValueKind: JsonValueKind.String } p ? p.GetString() : request.Priority?.GetRawText();
        return await set.HandleAsync(new SetZonePriorityCommand(code, priority, request.Version), ct) is { } zone
            ? TypedResults.Ok(zone)
            : NotFound(text);
    }

    internal static ProblemHttpResult NotFound(IStringLocalizer text) =>
        TypedResults.Problem(text["common.notFound"], statusCode: StatusCodes.Status404NotFound, title: text["Introuvable"]);
}
