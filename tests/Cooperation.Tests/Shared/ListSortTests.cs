using Cooperation.Web.Features.Shared;
using Microsoft.AspNetCore.Http;

namespace Cooperation.Tests.Shared;

[Trait("Category", "Unit")]
public class ListSortTests
{
    private static HttpRequest Request(string query)
    {
        var http = new DefaultHttpContext();
        http.Request.Path = "/Network/Postings";
        http.Request.QueryString = new QueryString(query);
        return http.Request;
    }

    [Fact]
    public void A_header_sorts_by_its_key_then_reverses_and_keeps_the_filters_but_not_the_page()
    {
        var sort = new ListSort(Request("?country=SN&page=3"), null, "-start");
        sort.Url("country").ShouldBe("/Network/Postings?country=SN&sort=country");
        sort.Aria("start").ShouldBe("descending");
        sort.Mark("start").ShouldBe(" ▼");

        var sorted = new ListSort(Request("?country=SN&sort=country"), "country", "-start");
        sorted.Url("country").ShouldBe("/Network/Postings?country=SN&sort=-country");
        sorted.Aria("country").ShouldBe("ascending");
        sorted.Aria("start").ShouldBe("none");
    }

    [Fact]
    public void A_sort_sent_by_a_form_under_another_case_is_replaced_not_repeated()
    {
        var sort = new ListSort(Request("?Sort=end&Zone=AFS"), "end", "-start");
        sort.Url("country").ShouldBe("/Network/Postings?Zone=AFS&sort=country");
        ListSort.HandlerUrl(Request("?Sort=end&Page=2&Handler=Ics"), "Export").ShouldBe("/Network/Postings?Sort=end&handler=Export");
    }
}
