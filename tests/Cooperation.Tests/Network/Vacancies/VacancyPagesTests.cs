using System.Text.RegularExpressions;
using ClosedXML.Excel;
using static Cooperation.Tests.Network.NetworkTestData;

namespace Cooperation.Tests.Network.Vacancies;

public class VacancyPagesTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    [Fact]
    public async Task A_vacancy_is_opened_then_filled_through_the_forms()
    {
        // A former coopérant of her desk (last posted in her zone): one of another desk is not hers to post.
        var cooperantId = (await factory.CooperantPostedAsync(("CI", Today.AddYears(-5), Today.AddYears(-1)))).Id;
        var page = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        (await page.GetStringAsync("/Network/Vacancies")).ShouldContain("data-testid=\"new-vacancy\"");

        var created = await PostFormAsync(page, "/Network/Vacancies/Create", new()
        {
            ["Destination"] = "BF", ["HostAuthorityType"] = "CIVIL_PROTECTION", ["HostAuthorityName"] = "Protection civile — Burkina Faso",
            ["PositionTitle"] = "Conseiller secours et sauvetage (page)", ["Administration"] = "INT", ["Domain"] = "",
            ["WishedStartDate"] = Today.AddMonths(2).ToString("yyyy-MM-dd"), ["DurationMonths"] = "24",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        created.Headers.Location!.ToString().ShouldBe("/Network/Vacancies");
        var vacancyId = await factory.WithDbAsync(db => db.Vacancies.Where(v => v.PositionTitle == "Conseiller secours et sauvetage (page)").Select(v => v.Id).SingleAsync());
        var list = await page.GetStringAsync("/Network/Vacancies?Country=BF");
        list.ShouldContain("Conseiller secours et sauvetage (page)");
        list.ShouldContain($"href=\"/Network/Vacancies/{vacancyId}/Fill\"");

        var fillPath = $"/Network/Vacancies/{vacancyId}/Fill";
        (await page.GetStringAsync(fillPath)).ShouldContain($"<option value=\"{cooperantId}\"");
        var filled = await PostFormAsync(page, fillPath, new()
        {
            ["CooperantId"] = cooperantId.ToString(), ["StartDate"] = Today.AddMonths(2).ToString("yyyy-MM-dd"), ["PlannedEndDate"] = "",
        });

        filled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var vacancy = await factory.WithDbAsync(db => db.Vacancies.Include(v => v.FilledByPosting).SingleAsync(v => v.Id == vacancyId));
        vacancy.FilledByPosting!.CooperantId.ShouldBe(cooperantId);
        vacancy.FilledByPosting.PlannedEndDate.ShouldBe(Today.AddMonths(26));
        (await page.GetStringAsync("/Network/Vacancies?Country=BF")).ShouldNotContain("Conseiller secours et sauvetage (page)");
        (await page.GetStringAsync("/Network/Vacancies?Country=BF&Status=filled")).ShouldContain("Conseiller secours et sauvetage (page)");
    }
}
