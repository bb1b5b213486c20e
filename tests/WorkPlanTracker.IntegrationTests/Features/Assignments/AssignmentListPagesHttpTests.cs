using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Features.Assignments;

namespace WorkPlanTracker.IntegrationTests.Features.Assignments;

/// <summary>
/// The 任务 list and 待审核 as the browser receives them: the default filter (this year, the user's own units) said in
/// words and chosen in the form, the filter read from the address, and another unit's list refused by the server.
/// </summary>
[Collection(SharedAppCollection.Name)]
public class AssignmentListPagesHttpTests(AppFactory app)
{
    private static int ThisYear => DateTime.UtcNow.AddHours(8).Year;

    [Fact]
    public async Task My_tasks_open_on_this_year_and_the_users_own_unit()
    {
        var client = await app.SignedInClientAsync("unit", DemoAccounts.Password);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/assignments"));

        Assert.Contains($"当前显示：{ThisYear}年 · 本单位（市数据资源局） · 全部状态", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{ThisYear}\" selected>{ThisYear}年</option>", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"get\" action=\"assignments\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">恢复默认</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_filter_is_read_from_the_address_so_a_list_can_be_bookmarked()
    {
        var client = await app.SignedInClientAsync("office", DemoAccounts.Password);
        var unitId = await app.UnitIdAsync("市数据资源局");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/assignments?year=all&unit={unitId}&status=overdue&sort=unit&page=3"));

        Assert.Contains("当前显示：全部年度 · 市数据资源局 · 已逾期", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{AssignmentListFilter.AllYears}\" selected>全部年度</option>", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{unitId}\" selected>市数据资源局</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"overdue\" selected>已逾期</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"unit\" selected>按承办单位</option>", html, StringComparison.Ordinal);
        Assert.Contains(">恢复默认</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_user_asking_for_another_units_list_is_refused_and_shown_nothing()
    {
        var client = await app.SignedInClientAsync("unit", DemoAccounts.Password);
        await using var db = app.NewDbContext();
        var own = await app.UnitIdAsync("市数据资源局");
        var other = await db.Units.Where(u => u.Id != own).Select(u => u.Id).FirstAsync();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/assignments?unit={other.ToString(CultureInfo.InvariantCulture)}"));

        Assert.Contains(AssignmentListService.OtherUnit.Message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("assignment-table", html, StringComparison.Ordinal);
        Assert.DoesNotContain("当前显示", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_review_queue_opens_on_this_years_requests_and_takes_the_year_from_the_address()
    {
        var client = await app.SignedInClientAsync("office", DemoAccounts.Password);

        var current = WebUtility.HtmlDecode(await client.GetStringAsync("/review"));
        var all = WebUtility.HtmlDecode(await client.GetStringAsync("/review?year=all"));

        Assert.Contains($"当前显示：{ThisYear}年的申请", current, StringComparison.Ordinal);
        Assert.Contains("当前显示：全部年度的申请", all, StringComparison.Ordinal);
        Assert.Contains("<form method=\"get\" action=\"review\"", all, StringComparison.Ordinal);
    }
}
