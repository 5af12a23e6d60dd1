using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace Cooperation.Tests.Shared;

/// <summary>
/// The OpenAPI document describes each body as it truly is: one schema a request and response type (the use cases'
/// nested <c>Request</c> records once all became one schema <c>Request</c>, so that creating a session was documented
/// with another route's fields), and real answers of the API conform to the schemas the document gives them.
/// </summary>
public partial class OpenApiDocumentTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    [Fact]
    public async Task Every_request_body_is_documented_with_the_fields_of_its_own_type()
    {
        var document = await DocumentAsync();
        var json = factory.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var bodies = factory.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .Select(d => (Description: d, Body: d.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type))
            .Where(d => d.Body is { IsClass: true } body && body.Assembly == typeof(Program).Assembly)
            .ToList();
        bodies.Count.ShouldBeGreaterThan(20);

        var schemas = new Dictionary<string, Type>();
        foreach (var (description, body) in bodies)
        {
            var path = "/" + Constraint().Replace(description.RelativePath!, "").TrimEnd('/');
            var route = $"{description.HttpMethod} {path}";
            var schema = document.GetProperty("paths").GetProperty(path).GetProperty(description.HttpMethod!.ToLowerInvariant())
                .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
            // An optional body is "null or the type".
            if (schema.TryGetProperty("oneOf", out var choices)) schema = choices.EnumerateArray().Single(c => c.TryGetProperty("$ref", out _));
            if (schema.TryGetProperty("$ref", out var reference))
            {
                // One schema, one type: two different bodies never share a schema.
                if (!schemas.TryAdd(reference.GetString()!, body!)) schemas[reference.GetString()!].ShouldBe(body, route);
            }
            var documented = Resolve(document, schema).GetProperty("properties").EnumerateObject().Select(p => p.Name).Order().ToList();
            var actual = json.GetTypeInfo(body!).Properties.Select(p => p.Name).Order().ToList();
            documented.ShouldBe(actual, route);
        }
    }

    [Fact]
    public async Task Real_answers_conform_to_the_schemas_of_the_document()
    {
        var document = await DocumentAsync();
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var courseId = await factory.CourseAsync();
        var nominationId = await factory.WithDbAsync(db => db.Nominations.OrderBy(n => n.Id).Select(n => n.Id).FirstAsync());
        var postingId = await factory.WithDbAsync(db => db.Postings.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());

        var created = await api.PostAsJsonAsync("/api/v1/sessions", new { courseId, startDate = "2031-03-02", endDate = "2031-03-20", capacity = 12, place = "Bamako" });
        var sessionId = (await Conforms(document, created, "post", "/api/v1/sessions", HttpStatusCode.Created)).GetProperty("session").GetProperty("id").GetInt32();
        await Conforms(document, await api.GetAsync($"/api/v1/sessions/{sessionId}"), "get", "/api/v1/sessions/{id}");
        await Conforms(document, await api.GetAsync("/api/v1/sessions?pageSize=5"), "get", "/api/v1/sessions");
        await Conforms(document, await api.GetAsync($"/api/v1/nominations/{nominationId}"), "get", "/api/v1/nominations/{id}");
        await Conforms(document, await api.GetAsync($"/api/v1/postings/{postingId}"), "get", "/api/v1/postings/{id}");
        await Conforms(document, await api.GetAsync("/api/v1/postings?pageSize=5"), "get", "/api/v1/postings");
        await Conforms(document, await api.GetAsync("/api/v1/cooperants?pageSize=5"), "get", "/api/v1/cooperants");
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void The_check_of_an_answer_finds_a_field_the_schema_lacks_or_a_value_of_another_type()
    {
        var document = JsonDocument.Parse("""
            {"components":{"schemas":{"Row":{"type":"object","properties":{"id":{"type":"integer"},"name":{"type":["null","string"]}}}}}}
            """).RootElement;
        var schema = JsonDocument.Parse("""{"$ref":"#/components/schemas/Row"}""").RootElement;
        Problems(document, schema, JsonDocument.Parse("""{"id":1,"name":null}""").RootElement, "$").ShouldBeEmpty();
        Problems(document, schema, JsonDocument.Parse("""{"id":"1","name":"a"}""").RootElement, "$").ShouldBe(["$.id: String where the document says integer"]);
        Problems(document, schema, JsonDocument.Parse("""{"id":1,"email":"x@example.org"}""").RootElement, "$").ShouldBe(["$.email: not in the document"]);
    }

    private async Task<JsonElement> DocumentAsync() =>
        await (await factory.ApiClientAsync(DemoAccounts.Admin)).GetFromJsonAsync<JsonElement>("/openapi/v1.json");

    /// <summary>The answer, after checking that its body conforms to the document's schema for the route and status.</summary>
    private static async Task<JsonElement> Conforms(JsonElement document, HttpResponseMessage response, string method, string path,
        HttpStatusCode status = HttpStatusCode.OK)
    {
        response.StatusCode.ShouldBe(status, $"{method} {path}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var schema = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses")
            .GetProperty(((int)status).ToString()).GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Problems(document, schema, body, "$").ShouldBeEmpty($"{method} {path}");
        return body;
    }

    /// <summary>
    /// Where a value departs from a schema of the document: a type other than the schema's (null only where allowed),
    /// a property the schema does not describe (the document must say every field an answer holds), at any depth.
    /// </summary>
    private static List<string> Problems(JsonElement document, JsonElement schema, JsonElement value, string at)
    {
        schema = Resolve(document, schema);
        foreach (var keyword in new[] { "oneOf", "anyOf" })
            if (schema.TryGetProperty(keyword, out var choices))
                return choices.EnumerateArray().Any(c => Problems(document, c, value, at).Count == 0) ? [] : [$"{at}: matches no schema of {keyword}"];
        if (schema.TryGetProperty("allOf", out var all))
            return all.EnumerateArray().SelectMany(c => Problems(document, c, value, at)).ToList();

        var types = !schema.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
        if (schema.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean()) types.Add("null");
        var kind = value.ValueKind switch
        {
            JsonValueKind.Object => "object", JsonValueKind.Array => "array", JsonValueKind.String => "string",
            JsonValueKind.Number => value.TryGetInt64(out _) ? "integer" : "number", JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        };
        if (types.Count > 0 && !types.Contains(kind) && !(kind == "integer" && types.Contains("number")))
            return [$"{at}: {value.ValueKind} where the document says {string.Join(" or ", types)}"];

        var problems = new List<string>();
        if (kind == "object" && schema.TryGetProperty("properties", out var properties))
            foreach (var property in value.EnumerateObject())
                problems.AddRange(properties.TryGetProperty(property.Name, out var described)
                    ? Problems(document, described, property.Value, $"{at}.{property.Name}")
                    : [$"{at}.{property.Name}: not in the document"]);
        if (kind == "array" && schema.TryGetProperty("items", out var items))
            foreach (var (item, i) in value.EnumerateArray().Select((x, i) => (x, i)))
                problems.AddRange(Problems(document, items, item, $"{at}[{i}]"));
        return problems;
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        return schema;
    }

    [GeneratedRegex(@":[^}]+")]
    private static partial Regex Constraint();
}
