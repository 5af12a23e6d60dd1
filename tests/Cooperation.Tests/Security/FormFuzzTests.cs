using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Xunit.Abstractions;

namespace Cooperation.Tests.Security;

/// <summary>
/// Every page of the application, opened on a real record, and every form on it (filters and edits alike) sent back
/// with hostile values in its fields, one field at a time and all at once, with the form's own anti-forgery token: no
/// answer may be a server error. Every page is also posted to without a handler, and asked for a handler it does not
/// have. Deterministic (a fixed seed), as an administrator, then as other roles (who see other forms).
/// </summary>
public class FormFuzzTests(CooperationFactory factory, ITestOutputHelper output) : IClassFixture<CooperationFactory>
{
    private const int Seed = 20_260_7;
    /// <summary>Requests at most a form and role, drawn from all its cases.</summary>
    private const int MaxCasesPerForm = 80;

    /// <summary>
    /// Requests at most a list's filters and role: each answer that gets past the filters queries and renders a page
    /// of the list, some fifty times the cost of a refusal, so that the run stays within a minute or two.
    /// </summary>
    private const int MaxCasesPerFilter = 20;
    private const string Token = "__RequestVerificationToken";

    private static readonly (string Role, int Share)[] Roles =
    [
        (DemoAccounts.Admin, 1), (DemoAccounts.DeskAfrica, 3), (DemoAccounts.SchoolDirector, 3), (DemoAccounts.LiaisonCi, 3),
        (DemoAccounts.CooperantSenegal, 6), (DemoAccounts.Auditor, 6),
    ];

    /// <summary>Forms whose sending ends the session the run works in.</summary>
    private static readonly string[] Excluded = ["/Account/Logout"];

    [Fact]
    public async Task Hostile_values_in_every_form_of_every_page_never_answer_a_server_error()
    {
        var targets = await FuzzTargets.LoadAsync(factory);
        var pages = PageTemplates().Select(t => targets.Fill(t)).Distinct().Order().ToList();
        var clients = new FuzzClients(role => factory.PageClientAsync(role));
        var random = new Random(Seed);
        var cases = new List<FuzzCase>();
        var forms = new HashSet<string>();
        // The PostgreSQL run draws half as many cases a form and role: every form of every role is still sent hostile
        // values (NUL characters, lengths, numbers and dates out of range are where the providers differ) with half
        // the requests; the SQLite run draws them all.
        var draw = factory.OnPostgres ? 2 : 1;
        foreach (var (role, share) in Roles)
        {
            var client = await clients.GetAsync(role);
            var token = await TokenAsync(client);
            foreach (var page in pages.Where((_, i) => i % share == 0))
            {
                cases.AddRange(WithoutHandler(role, page, token));
                using var response = await client.GetAsync(page);
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
                foreach (var form in document.Forms)
                {
                    var spec = FormSpec.Read(form, page);
                    if (Excluded.Any(e => spec.Action.StartsWith(e, StringComparison.OrdinalIgnoreCase))) continue;
                    if (!forms.Add($"{role} {spec.Method} {spec.Action} {string.Join(',', spec.Fields.Select(f => f.Name))}")) continue;
                    cases.AddRange(Cases(role, spec).OrderBy(_ => random.Next())
                        .Take((string.Equals(spec.Method, "get", StringComparison.OrdinalIgnoreCase) ? MaxCasesPerFilter : MaxCasesPerForm) / draw));
                }
            }
        }

        var run = new FuzzRun(output, $"Form fuzz ({pages.Count} pages, {forms.Count} forms × roles)");
        await run.RunAsync(cases, clients);

        run.Sent.ShouldBeGreaterThan(3_800 / draw);
        run.Failures.ShouldBeEmpty();
    }

    /// <summary>The application's pages, as route templates (<c>Network/Cooperants/{id:int}</c>).</summary>
    private IEnumerable<string> PageTemplates() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(t => !t.EndsWith("/Index", StringComparison.OrdinalIgnoreCase));

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var document = new HtmlParser().ParseDocument(await client.GetStringAsync("/"));
        return document.QuerySelector($"input[name={Token}]")?.GetAttribute("value") ?? throw new InvalidOperationException("No anti-forgery token on /");
    }

    /// <summary>A post (with a valid token) to a page without naming a handler, and a handler no page has, asked both ways.</summary>
    private static IEnumerable<FuzzCase> WithoutHandler(string role, string page, string token)
    {
        FormUrlEncodedContent Body() => new([new(Token, token), new("Name", "\0")]);
        yield return new FuzzCase(role, "no handler", $"POST {page}", () => new HttpRequestMessage(HttpMethod.Post, page) { Content = Body() });
        yield return new FuzzCase(role, "no handler", $"POST {page}?handler=Nope", () => new HttpRequestMessage(HttpMethod.Post, page + "?handler=Nope") { Content = Body() });
        yield return new FuzzCase(role, "no handler", $"GET {page}?handler=Nope", () => new HttpRequestMessage(HttpMethod.Get, page + "?handler=Nope"));
        yield return new FuzzCase(role, "no handler", $"PUT {page}", () => new HttpRequestMessage(HttpMethod.Put, page) { Content = Body() });
    }

    /// <summary>Each field of the form in turn given each hostile value of its kind; all fields at once; a field sent twice; none.</summary>
    private static IEnumerable<FuzzCase> Cases(string role, FormSpec form)
    {
        var target = $"{form.Method} {form.Action}";
        foreach (var field in form.Fields.Where(f => f.Name != Token))
            foreach (var value in HostileValues.For(field.Type, null))
                yield return form.Case(role, target, $"{field.Name} = {FuzzRun.Excerpt(value)}", f => f.Name == field.Name ? [value] : [f.Value]);
        foreach (var value in HostileValues.Any.Where((_, i) => i % 3 == 0))
            yield return form.Case(role, target, $"all = {FuzzRun.Excerpt(value)}", f => f.Name == Token ? [f.Value] : [value]);
        yield return form.Case(role, target, "every field twice", f => f.Name == Token ? [f.Value] : [f.Value, "2"]);
        yield return form.Case(role, target, "no field", f => f.Name == Token ? [f.Value] : []);
    }

    /// <summary>A form as the page shows it: where it goes, how, and its fields with the values they hold.</summary>
    private sealed record FormSpec(string Method, string Action, bool Multipart, List<FieldSpec> Fields)
    {
        public static FormSpec Read(IHtmlFormElement form, string page)
        {
            var action = form.GetAttribute("action") is { Length: > 0 } a ? a.StartsWith('?') ? page + a : a : page;
            var fields = new List<FieldSpec>();
            foreach (var element in form.Elements)
            {
                var name = element.GetAttribute("name");
                if (string.IsNullOrEmpty(name)) continue;
                switch (element)
                {
                    case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                        if (input.IsChecked || !fields.Any(f => f.Name == name)) fields.Add(new FieldSpec(name, input.Type, input.Value));
                        break;
                    case IHtmlInputElement input when input.Type is "submit" or "button" or "image" or "reset":
                        break;
                    case IHtmlInputElement input:
                        fields.Add(new FieldSpec(name, input.Type, input.Value));
                        break;
                    case IHtmlSelectElement select:
                        fields.Add(new FieldSpec(name, "select", select.SelectedOptions.FirstOrDefault()?.Value ?? select.Options.FirstOrDefault()?.Value ?? ""));
                        break;
                    case IHtmlTextAreaElement area:
                        fields.Add(new FieldSpec(name, "text", area.Value));
                        break;
                }
            }
            // A submit button that names a handler (formaction) goes there instead.
            var submit = form.Elements.OfType<IHtmlButtonElement>().Select(b => b.GetAttribute("formaction")).FirstOrDefault(f => !string.IsNullOrEmpty(f));
            return new FormSpec((form.Method ?? "get").ToUpperInvariant(), submit ?? action,
                string.Equals(form.Enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase),
                fields.GroupBy(f => f.Name).Select(g => g.Last()).ToList());
        }

        public FuzzCase Case(string role, string target, string describe, Func<FieldSpec, string[]> values) =>
            new(role, target, $"{Method} {Action} {describe}", () =>
            {
                var pairs = Fields.SelectMany(f => values(f).Select(v => new KeyValuePair<string, string>(f.Name, v))).ToList();
                if (Method != "POST")
                {
                    var query = string.Join('&', pairs.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
                    return new HttpRequestMessage(HttpMethod.Get, Action.Split('?')[0] + "?" + query);
                }
                HttpContent content;
                if (Multipart)
                {
                    var form = new MultipartFormDataContent();
                    foreach (var (key, value) in pairs)
                        if (Fields.First(f => f.Name == key).Type == "file")
                            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(value)), key, "fichier.xlsx");
                        else
                            form.Add(new StringContent(value), key);
                    content = form;
                }
                else content = new FormUrlEncodedContent(pairs);
                return new HttpRequestMessage(HttpMethod.Post, Action) { Content = content };
            });
    }

    private sealed record FieldSpec(string Name, string Type, string Value);
}
