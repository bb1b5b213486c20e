using System.Net;
using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Features.Ledger;

namespace WorkPlanTracker.IntegrationTests.Features.Ledger;

/// <summary>Every download endpoint through the real app, signed in through the real login form: who gets which ledger.</summary>
public class LedgerEndpointTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>
{
    private Task<HttpClient> ClientAsync(string user) =>
        fixture.App.SignedInClientAsync(user, user == "admin" ? AppFactory.AdminPassword : DemoAccounts.Password);

    private static async Task<byte[]> DownloadAsync(HttpClient client, string url, string fileName)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LedgerEndpoints.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("filename*=UTF-8''", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Theory]
    [InlineData("office")]
    [InlineData("leader")]
    [InlineData("admin")]
    public async Task The_office_leaders_and_administrators_download_the_plan_ledger_named_with_plan_and_date(string user)
    {
        var client = await ClientAsync(user);

        var content = await DownloadAsync(client, "/" + LedgerEndpoints.PlanUrl(fixture.PlanId), $"{LedgerFixture.LedgerTitle}_2035-07-15.xlsx");

        using var workbook = LedgerFixture.Open(content);
        Assert.Equal(LedgerFixture.LedgerTitle, workbook.Worksheet(LedgerWorkbookWriter.PlanSheetName).Cell("A1").GetString());
    }

    [Fact]
    public async Task A_unit_user_gets_their_own_units_ledgers_and_fill_in_workbook_and_nothing_of_other_units()
    {
        var unit = await ClientAsync("unit");

        await DownloadAsync(unit, "/" + LedgerEndpoints.PlanUnitUrl(fixture.PlanId, fixture.DataUnit), $"{LedgerFixture.LedgerTitle}（市数据资源局）_2035-07-15.xlsx");
        var all = await DownloadAsync(unit, "/" + LedgerEndpoints.UnitUrl(fixture.DataUnit), $"{LedgerFixture.LedgerTitle}（市数据资源局）_2035-07-15.xlsx");
        using (var workbook = LedgerFixture.Open(all))
        {
            Assert.DoesNotContain(workbook.Worksheet(LedgerWorkbookWriter.UnitSheetName).CellsUsed(), c => c.GetString().Contains("台账乙局", StringComparison.Ordinal));
        }

        await DownloadAsync(unit, "/" + LedgerEndpoints.FillInUrl(fixture.DataUnit), "市数据资源局工作任务进展填报表_2035-07-15.xlsx");

        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/" + LedgerEndpoints.PlanUrl(fixture.PlanId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/" + LedgerEndpoints.PlanUnitUrl(fixture.PlanId, fixture.OtherUnit))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/" + LedgerEndpoints.UnitUrl(fixture.OtherUnit))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/" + LedgerEndpoints.FillInUrl(fixture.OtherUnit))).StatusCode);
    }

    [Fact]
    public async Task A_unit_users_overdue_list_holds_only_their_own_units_rows()
    {
        var unit = await ClientAsync("unit");

        var content = await DownloadAsync(unit, "/" + LedgerEndpoints.OverdueUrl(new DateOnly(2035, 7, 15)), "市数据资源局逾期任务督办清单_2035-07-15.xlsx");

        using var workbook = LedgerFixture.Open(content);
        Assert.Equal("市数据资源局逾期任务督办清单（截至2035年7月15日）", workbook.Worksheet(LedgerWorkbookWriter.OverdueSheetName).Cell("A1").GetString());
        var units = workbook.Worksheet(LedgerWorkbookWriter.OverdueSheetName).Column(5).CellsUsed().Skip(1).Select(c => c.GetString()).Distinct();
        Assert.Equal(["市数据资源局"], units);
    }

    [Fact]
    public async Task Leaders_read_ledgers_but_get_no_fill_in_workbook_and_no_upload_page()
    {
        var leader = await ClientAsync("leader");

        await DownloadAsync(leader, "/" + LedgerEndpoints.UnitUrl(fixture.OtherUnit), $"{LedgerFixture.LedgerTitle}（台账乙局）_2035-07-15.xlsx");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/" + LedgerEndpoints.FillInUrl(fixture.DataUnit))).StatusCode);
        var upload = await leader.GetAsync("/ledger/upload");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.Contains("/account/access-denied", upload.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_out_requests_go_to_login_unknown_plans_are_404_and_a_bad_date_is_400()
    {
        var anonymous = fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signedOut = await anonymous.GetAsync("/" + LedgerEndpoints.PlanUrl(fixture.PlanId));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("/account/login", signedOut.Headers.Location!.ToString(), StringComparison.Ordinal);

        var office = await ClientAsync("office");
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/ledger/plans/987654.xlsx")).StatusCode);
        var badDate = await office.GetAsync("/ledger/overdue.xlsx?date=2035-13-45");
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("日期“2035-13-45”无效", await badDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_upload_page_is_open_to_unit_users()
    {
        var unit = await ClientAsync("unit");

        var html = WebUtility.HtmlDecode(await unit.GetStringAsync("/ledger/upload"));

        Assert.Contains("上传进展填报表", html, StringComparison.Ordinal);
    }
}
