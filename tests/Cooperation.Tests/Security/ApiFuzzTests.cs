using System.Net.Http.Headers;
using System.Text;
using Xunit.Abstractions;

namespace Cooperation.Tests.Security;

/// <summary>
/// Every route of the OpenAPI document, sent malformed values in each of its path, query and body parameters (one at a
/// time, the others plausible, so that the value reaches the use case behind), and bodies that are not what it reads:
/// no answer may be a server error. Deterministic (a fixed seed), as an administrator and, for some requests, each other role.
/// </summary>
public class ApiFuzzTests(CooperationFactory factory, ITestOutputHelper output) : IClassFixture<CooperationFactory>
{
    private const int Seed = 20_260_7;
    /// <summary>Requests at most a route, drawn from all its cases: some 7,000 over the document.</summary>
    private const int MaxCasesPerRoute = 140;

    /// <summary>
    /// Routes whose every answer costs a hundred times a refusal (a password hashed, a calendar, a workbook or a PDF
    /// written): fewer requests each, so that the run stays within a minute or two.
    /// </summary>
    private static readonly (string Route, int MaxCases)[] Heavy =
    [
        ("/api/v1/auth/login", 12), (".ics", 30), ("/imports/templates/", 30), (".pdf", 30), ("/alumni/prominent", 40),
    ];

    private static readonly string[] OtherRoles =
    [
        DemoAccounts.DeskAfrica, DemoAccounts.CooperantSenegal, DemoAccounts.Auditor, DemoAccounts.SchoolDirector,
        DemoAccounts.LiaisonCi, DemoAccounts.Director,
    ];

    [Fact]
    public async Task Malformed_values_on_every_route_of_the_OpenAPI_document_never_answer_a_server_error()
    {
        var targets = await FuzzTargets.LoadAsync(factory);
        var clients = new FuzzClients(role => factory.ApiClientAsync(role));
        var document = await (await clients.GetAsync(DemoAccounts.Admin)).GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var random = new Random(Seed);
        var cases = new List<FuzzCase>();
        var routes = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject())
            {
                routes++;
                var all = Cases(document, path.Name, operation.Name.ToUpperInvariant(), operation.Value, targets).ToList();
                var max = Heavy.FirstOrDefault(h => path.Name.Contains(h.Route, StringComparison.Ordinal)).MaxCases is > 0 and var m ? m : MaxCasesPerRoute;
                var drawn = all.OrderBy(_ => random.Next()).Take(max).ToList();
                for (var i = 0; i < drawn.Count; i++)
                    cases.Add(drawn[i] with { Role = i % 7 == 6 ? OtherRoles[random.Next(OtherRoles.Length)] : DemoAccounts.Admin });
            }

        // Every role signed in before the first case: the run then changes accounts (an administrator's fuzzed writes).
        foreach (var role in OtherRoles) await clients.GetAsync(role);
        var run = new FuzzRun(output, $"API fuzz ({routes} routes)");
        await run.RunAsync(cases, clients);

        run.Sent.ShouldBeGreaterThan(6_000);
        run.Failures.ShouldBeEmpty();
    }

    /// <summary>The cases of one operation: each parameter and body property in turn malformed, then whole malformed bodies.</summary>
    private static IEnumerable<FuzzCase> Cases(JsonElement document, string template, string method, JsonElement operation, FuzzTargets targets)
    {
        var parameters = operation.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
        var query = parameters.Where(x => x.GetProperty("in").GetString() == "query").ToList();
        var body = Body(document, operation);
        var valid = targets.Fill(template);
        var label = $"{method} {template}";

        foreach (var name in FuzzTargets.Parameters(template))
        {
            var schema = parameters.FirstOrDefault(x => x.GetProperty("name").GetString() == name);
            // A NUL in the path never reaches the application: Kestrel answers 400 itself (and the test server cannot send it).
            foreach (var value in Values(schema).Where(v => !v.Contains('\0')))
            {
                var url = targets.Fill(template, n => n == name ? Uri.EscapeDataString(value) : null);
                yield return Case(label, label + $" path {name} = {FuzzRun.Excerpt(value)}", method, url, body);
            }
        }
        foreach (var parameter in query)
        {
            var name = parameter.GetProperty("name").GetString()!;
            foreach (var value in Values(parameter))
                yield return Case(label, label + $" query {name} = {FuzzRun.Excerpt(value)}", method, $"{valid}?{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}", body);
        }
        // The same parameter twice, and all query parameters malformed at once.
        if (query.Count > 0)
        {
            yield return Case(label, label + " query repeated", method,
                valid + "?" + string.Join('&', query.Select(q => $"{q.GetProperty("name").GetString()}=1&{q.GetProperty("name").GetString()}=2")), body);
            foreach (var value in HostileValues.Any.Where((_, i) => i % 4 == 0))
                yield return Case(label, label + " query all", method,
                    valid + "?" + string.Join('&', query.Select(q => $"{q.GetProperty("name").GetString()}={Uri.EscapeDataString(value)}")), body);
        }
        if (body is { Json: { } json })
        {
            foreach (var (pathTo, value, whole) in Mutations(json))
                yield return Case(label, label + $" body {pathTo} = {FuzzRun.Excerpt(value)}", method, valid, body with { Text = whole });
            foreach (var whole in HostileValues.JsonBodies)
                yield return Case(label, label + " body whole", method, valid, body with { Text = whole });
            yield return Case(label, label + " body as text/plain", method, valid, body with { ContentType = "text/plain" });
        }
        if (body is { Multipart: true })
            foreach (var (file, content) in HostileFiles())
                yield return Case(label, label + $" file {file}", method, valid, body with { File = content });
        if (method != "GET")
            yield return Case(label, label + " no body", method, valid, null);
    }

    private sealed record BodySpec(string ContentType, string? Text, JsonNodeSpec? Json, bool Multipart, byte[]? File = null);

    private static FuzzCase Case(string target, string describe, string method, string url, BodySpec? body) =>
        new(DemoAccounts.Admin, target, describe, () =>
        {
            var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (body is { Multipart: true })
            {
                var form = new MultipartFormDataContent();
                var file = new ByteArrayContent(body.File ?? []);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                form.Add(file, "file", "candidats.xlsx");
                request.Content = form;
            }
            else if (body is not null)
            {
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.Text ?? body.Json?.Write() ?? ""));
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(body.ContentType);
            }
            return request;
        });

    /// <summary>The malformed values of a parameter: those of its type first, then any other.</summary>
    private static IEnumerable<string> Values(JsonElement parameter)
    {
        var (type, format) = parameter.ValueKind == JsonValueKind.Object && parameter.TryGetProperty("schema", out var s) ? TypeOf(s) : (null, null);
        return HostileValues.For(type, format);
    }

    private static (string? Type, string? Format) TypeOf(JsonElement schema)
    {
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (!schema.TryGetProperty("type", out var t)) return (null, format);
        var type = t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Select(x => x.GetString()).FirstOrDefault(x => x is not ("null" or "string")) ?? t.EnumerateArray().Select(x => x.GetString()).FirstOrDefault(x => x != "null")
            : t.GetString();
        return (type, format);
    }

    private static BodySpec? Body(JsonElement document, JsonElement operation)
    {
        if (!operation.TryGetProperty("requestBody", out var requestBody) || !requestBody.TryGetProperty("content", out var content)) return null;
        if (content.TryGetProperty("multipart/form-data", out _)) return new BodySpec("multipart/form-data", null, null, true, HostileFiles().First().Content);
        if (!content.TryGetProperty("application/json", out var json)) return null;
        return new BodySpec("application/json", null, Plausible(document, json.GetProperty("schema"), "", 0), false);
    }

    /// <summary>A plausible JSON value for a schema: real codes where the property's name says what it names.</summary>
    private static JsonNodeSpec Plausible(JsonElement document, JsonElement schema, string name, int depth)
    {
        schema = Resolve(document, schema);
        if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
            schema = Resolve(document, oneOf.EnumerateArray().First(s => !(s.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null")));
        var (type, format) = TypeOf(schema);
        if (schema.TryGetProperty("properties", out var properties) && depth < 4)
            return new JsonNodeSpec(properties.EnumerateObject().Select(p => (p.Name, Plausible(document, p.Value, p.Name, depth + 1))).ToList());
        if (type == "array" && depth < 4)
            return new JsonNodeSpec(schema.TryGetProperty("items", out var items) ? [("", Plausible(document, items, name, depth + 1))] : [], IsArray: true);
        var raw = (type, format, name.ToLowerInvariant()) switch
        {
            (_, "date", _) => "\"2030-03-02\"",
            (_, "date-time", _) => "\"2030-03-02T10:00:00Z\"",
            ("boolean", _, _) => "false",
            ("integer" or "number", _, _) => "1",
            (_, _, "country" or "nationality" or "iso2") => "\"SN\"",
            (_, _, "email") => "\"fuzz@example.org\"",
            (_, _, "hostauthoritytype") => "\"GENERAL_STAFF\"",
            (_, _, "school") => "\"EMPABB\"",
            (_, _, "gender") => "\"F\"",
            _ => "\"Texte\"",
        };
        return new JsonNodeSpec(raw);
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        return schema;
    }

    /// <summary>The body with one property (or an item's property) replaced by each hostile JSON value, or removed.</summary>
    private static IEnumerable<(string Path, string Value, string Body)> Mutations(JsonNodeSpec body)
    {
        foreach (var (path, replaced) in body.Replacements(""))
            foreach (var raw in HostileValues.JsonValues.Concat(HostileValues.Any.Where((_, i) => i % 3 == 0).Select(t => JsonSerializer.Serialize(t))))
                yield return (path, raw, replaced(raw));
    }

    /// <summary>Files that are not the spreadsheet an import reads.</summary>
    private static IEnumerable<(string Name, byte[] Content)> HostileFiles()
    {
        var random = new Random(Seed);
        var noise = new byte[4_096];
        random.NextBytes(noise);
        yield return ("random bytes", noise);
        yield return ("empty", []);
        yield return ("zip signature only", [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0]);
        yield return ("text", Encoding.UTF8.GetBytes("Nom;Prénom\n=1+1;\0"));
        yield return ("empty zip", [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        yield return ("cell at column ZZZZZ", Schools.Import.HostileSpreadsheets.CellAtColumnZzzzz());
        yield return ("shared strings declared by the hundred million", Schools.Import.HostileSpreadsheets.DeclaredSharedStrings());
    }

    /// <summary>A JSON value held as text, or an object or array of them, so that any part can be replaced by raw (even invalid) JSON.</summary>
    private sealed record JsonNodeSpec(List<(string Name, JsonNodeSpec Value)>? Members, string? Raw = null, bool IsArray = false)
    {
        public JsonNodeSpec(string raw) : this(null, raw) { }

        public string Write() => Raw ?? (IsArray
            ? "[" + string.Join(',', Members!.Select(m => m.Value.Write())) + "]"
            : "{" + string.Join(',', Members!.Select(m => JsonSerializer.Serialize(m.Name) + ":" + m.Value.Write())) + "}");

        /// <summary>Each member, at any depth, with a function writing the whole body with that member replaced.</summary>
        public IEnumerable<(string Path, Func<string, string> Write)> Replacements(string path)
        {
            if (Members is null) yield break;
            for (var i = 0; i < Members.Count; i++)
            {
                var index = i;
                var here = IsArray ? $"{path}[{i}]" : path.Length == 0 ? Members[i].Name : $"{path}.{Members[i].Name}";
                yield return (here, raw => With(index, new JsonNodeSpec(raw)).Write());
                foreach (var (deeper, write) in Members[i].Value.Replacements(here))
                    yield return (deeper, raw => With(index, new JsonNodeSpec(null, write(raw))).Write());
            }
        }

        private JsonNodeSpec With(int index, JsonNodeSpec value)
        {
            var members = Members!.ToList();
            members[index] = (members[index].Name, value);
            return this with { Members = members };
        }
    }
}
