using System.Diagnostics;
using Cooperation.Web.Features.Schools.Import;

namespace Cooperation.Tests.Schools.Import;

/// <summary>
/// Spreadsheets crafted to exhaust the server (liaison officers and school directors may upload them) are refused
/// before their rows are read, with a message naming the limit, quickly and in bounded memory; nothing is written.
/// </summary>
public class HostileSpreadsheetTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    public static TheoryData<string, string> Files => new()
    {
        { nameof(HostileSpreadsheets.CellAtColumnZzzzz), "The sheet uses column ZZZZZ, past the 100 columns an import reads: delete the cells to the right of the table." },
        { nameof(HostileSpreadsheets.DeclaredWholeGrid), "The sheet uses column XFD, past the 100 columns an import reads: delete the cells to the right of the table." },
        { nameof(HostileSpreadsheets.RowAtTheBottomOfTheGrid), "The sheet extends past 40000 rows (blank rows included): delete the rows below the table or split the file." },
        { nameof(HostileSpreadsheets.HugeSharedString), "A cell of the file is longer than 32767 characters: no value of an import is that long." },
        { nameof(HostileSpreadsheets.DeclaredSharedStrings), "The file holds more than 400000 distinct texts: split it into several files." },
        { nameof(HostileSpreadsheets.ZipBombOfRows), "The file, once decompressed, is larger than 50 MB: split it into several files." },
    };

    private static byte[] Craft(string name) =>
        (byte[])typeof(HostileSpreadsheets).GetMethod(name)!.Invoke(null, null)!;

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_hostile_file_is_refused_through_the_API_with_the_limit_it_breaks(string name, string message)
    {
        var file = Craft(name);
        file.Length.ShouldBeLessThan(1024 * 1024, "crafted files are small on the wire");
        var sessionId = (await factory.SessionAsync()).Id;
        var before = await factory.CountsAsync();
        var api = await factory.ApiClientAsync(DemoAccounts.LiaisonCi, "en");

        var clock = Stopwatch.StartNew();
        var response = await api.PostAsync($"/api/v1/imports/nominations?sessionId={sessionId}", ImportTestData.Upload(file));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorsAsync())["file"].ShouldBe([message]);
        (await factory.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_school_director_sees_the_refusal_beside_the_file_field()
    {
        var page = await factory.PageClientAsync(DemoAccounts.SchoolDirector);
        var token = await CooperationFactory.AntiforgeryTokenAsync(page, "/Schools/Import");
        var form = ImportTestData.Upload(HostileSpreadsheets.CellAtColumnZzzzz(), "Upload");
        form.Add(new StringContent("EMPABB"), "School");
        form.Add(new StringContent(token), "__RequestVerificationToken");

        var response = await page.PostAsync("/Schools/Import?handler=Trainees", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlAsync(response)).ShouldContain(
            "data-testid=\"error-Upload\">La feuille utilise la colonne ZZZZZ, au-delà des 100 colonnes qu'un import lit");
    }

    /// <summary>
    /// The reader itself, on this thread: what it allocates to refuse each file stays a few megabytes, where reading the
    /// cell at ZZZZZ or the shared string whole cost hundreds.
    /// </summary>
    [Theory]
    [Trait("Category", "Unit")]
    [MemberData(nameof(Files))]
    public void A_hostile_file_is_refused_in_bounded_memory(string name, string message)
    {
        message.ShouldNotBeEmpty();
        using var file = new MemoryStream(Craft(name));
        var before = GC.GetAllocatedBytesForCurrentThread();

        Should.Throw<SpreadsheetRows.TooLargeException>(() => SpreadsheetRows.Read(file, new ImportLimits()));

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(8L * 1024 * 1024);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void The_limits_come_from_configuration()
    {
        var file = ImportTestData.Nominations(Enumerable.Range(1, 5).Select(i => new Candidate($"Kone{i}", "Awa", new DateOnly(1990, 1, 1), "F", "CI", "ARM")));

        SpreadsheetRows.Read(new MemoryStream(file), new ImportLimits()).Count.ShouldBe(6);
        Should.Throw<SpreadsheetRows.TooLargeException>(() => SpreadsheetRows.Read(new MemoryStream(file), new ImportLimits { MaxColumns = 3 }))
            .MessageKey.ShouldBe("import.tooManyColumns");
        Should.Throw<SpreadsheetRows.TooLargeException>(() => SpreadsheetRows.Read(new MemoryStream(file), new ImportLimits { MaxCellCharacters = 3 }))
            .MessageKey.ShouldBe("import.cellTooLong");
        Should.Throw<SpreadsheetRows.TooLargeException>(() => SpreadsheetRows.Read(new MemoryStream(file), new ImportLimits { MaxSheetRows = 4 }))
            .MessageKey.ShouldBe("import.sheetTooLong");
        Should.Throw<SpreadsheetRows.TooLargeException>(() => SpreadsheetRows.Read(new MemoryStream(file), new ImportLimits { MaxUncompressedMegabytes = 0 }))
            .MessageKey.ShouldBe("import.uncompressedTooLarge");
    }
}
