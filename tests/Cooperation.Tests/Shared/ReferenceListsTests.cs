namespace Cooperation.Tests.Shared;

/// <summary>
/// The reference lists that the filters and forms offer (countries, zones...) are read once a language and kept until
/// a write (<c>ReferenceLists</c> through the figure cache): a change of the reference data shows at once, in each
/// language, and each page marks its own choice.
/// </summary>
public class ReferenceListsTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    [Fact]
    public async Task A_renamed_country_shows_in_the_filters_at_once_in_each_language()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        var before = await HtmlAsync(page, "/Schools/Alumni");
        before.ShouldContain("<option value=\"SN\">Sénégal</option>");

        await factory.WithDbAsync(async db =>
        {
            var senegal = await db.Countries.SingleAsync(c => c.Iso2 == "SN");
            (senegal.NameFr, senegal.NameEn) = ("République du Sénégal", "Republic of Senegal");
            return await db.SaveChangesAsync();
        });
        try
        {
            var after = await HtmlAsync(page, "/Schools/Alumni");
            after.ShouldContain("<option value=\"SN\">République du Sénégal</option>");
            after.ShouldNotContain(">Sénégal</option>");

            var english = await HtmlAsync(page, "/Schools/Alumni?culture=en");
            english.ShouldContain("<option value=\"SN\">Republic of Senegal</option>");
            (await HtmlAsync(page, "/Schools/Alumni")).ShouldContain("<option value=\"SN\">République du Sénégal</option>");
        }
        finally
        {
            await factory.WithDbAsync(async db =>
            {
                var senegal = await db.Countries.SingleAsync(c => c.Iso2 == "SN");
                (senegal.NameFr, senegal.NameEn) = ("Sénégal", "Senegal");
                return await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task Each_request_marks_its_own_choices_in_the_lists_it_shares()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        (await HtmlAsync(page, "/Schools/Alumni?Country=SN")).ShouldContain("<option value=\"SN\" selected=\"selected\">");
        var other = await HtmlAsync(page, "/Schools/Alumni?Country=CI");
        other.ShouldContain("<option value=\"CI\" selected=\"selected\">");
        other.ShouldNotContain("<option value=\"SN\" selected=\"selected\">");
    }
}
