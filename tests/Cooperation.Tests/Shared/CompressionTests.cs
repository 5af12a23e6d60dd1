using System.IO.Compression;
using System.Net.Http.Headers;

namespace Cooperation.Tests.Shared;

/// <summary>Pages and API answers travel compressed: Brotli to the clients that take it, gzip to the others.</summary>
public class CompressionTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static async Task<(string? Encoding, int Bytes, string Text)> GetAsync(HttpClient client, string path, string acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(acceptEncoding));
        using var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        Stream body = new MemoryStream(bytes);
        body = encoding switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            _ => body,
        };
        return (encoding, bytes.Length, await new StreamReader(body).ReadToEndAsync());
    }

    [Theory]
    [InlineData("/Schools/Nominations", "Candidatures")]
    [InlineData("/api/v1/nominations?pageSize=100", "\"total\"")]
    public async Task A_page_and_an_api_answer_reach_the_client_at_a_fraction_of_their_size(string path, string expected)
    {
        var client = path.StartsWith("/api/", StringComparison.Ordinal)
            ? await factory.ApiClientAsync(DemoAccounts.Director)
            : await factory.PageClientAsync(DemoAccounts.Director);

        var plain = await GetAsync(client, path, "identity");
        var brotli = await GetAsync(client, path, "br");
        var gzip = await GetAsync(client, path, "gzip");

        plain.Encoding.ShouldBeNull();
        plain.Text.ShouldContain(expected);
        brotli.Encoding.ShouldBe("br");
        gzip.Encoding.ShouldBe("gzip");
        // The same answer, but for a page's antiforgery token, drawn again each time.
        foreach (var text in new[] { brotli.Text, gzip.Text })
        {
            text.ShouldContain(expected);
            text.Length.ShouldBeInRange(plain.Text.Length - 100, plain.Text.Length + 100);
            text.TrimEnd().ShouldEndWith(plain.Text.TrimEnd()[^7..]);
        }
        brotli.Bytes.ShouldBeLessThan(plain.Bytes / 4, $"{path}: {brotli.Bytes} bytes in Brotli for {plain.Bytes}");
        gzip.Bytes.ShouldBeLessThan(plain.Bytes / 4, $"{path}: {gzip.Bytes} bytes in gzip for {plain.Bytes}");
    }
}
