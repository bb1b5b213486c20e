using System.Net;
using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Features.Escalations;

namespace WorkPlanTracker.IntegrationTests.Features.Escalations;

/// <summary>The notice list and the printable notice as the browser receives them, signed in through the real form.</summary>
public class EscalationPagesHttpTests(EscalationFixture fixture) : IClassFixture<EscalationFixture>
{
    private async Task<int> IssuedNoticeAsync()
    {
        var service = fixture.Get<EscalationService>();
        var late = await fixture.AssignmentAsync("一.1", fixture.UnitB);
        if (await service.ForAssignmentAsync(fixture.Office, late.Id) is [var existing, ..])
        {
            return existing.Id;
        }

        var issued = await service.IssueAsync(fixture.Office, late.Id, "请说明政策解读滞后原因", fixture.Today.AddDays(5));
        Assert.True(issued.Succeeded, issued.Message);
        return (await service.ForAssignmentAsync(fixture.Office, late.Id))[0].Id;
    }

    [Fact]
    public async Task The_printed_notice_shows_number_unit_task_deadline_days_late_and_respond_by()
    {
        var id = await IssuedNoticeAsync();
        var number = (await fixture.Get<EscalationService>().GetAsync(fixture.Office, id)).Value.Number;
        var client = await fixture.App.SignedInClientAsync("office", DemoAccounts.Password);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/escalations/{id}/print"));

        Assert.Contains("督办通知单", html, StringComparison.Ordinal);
        Assert.Contains(number, html, StringComparison.Ordinal);
        Assert.Contains("工作流乙局", html, StringComparison.Ordinal);
        Assert.Contains("加强政策解读", html, StringComparison.Ordinal);
        Assert.Contains("2035年6月30日", html, StringComparison.Ordinal);
        Assert.Contains("15 天", html, StringComparison.Ordinal);
        Assert.Contains("请于 2035年7月20日 前书面回复", html, StringComparison.Ordinal);
        Assert.Contains("size: A4 portrait", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaders_find_the_notice_in_the_list_and_a_user_of_another_unit_cannot_open_it()
    {
        var id = await IssuedNoticeAsync();
        var number = (await fixture.Get<EscalationService>().GetAsync(fixture.Office, id)).Value.Number;

        var leader = await fixture.App.SignedInClientAsync("leader", DemoAccounts.Password);
        Assert.Contains(number, WebUtility.HtmlDecode(await leader.GetStringAsync("/escalations")), StringComparison.Ordinal);

        var stranger = await fixture.App.SignedInClientAsync("unit", DemoAccounts.Password);
        var list = WebUtility.HtmlDecode(await stranger.GetStringAsync("/escalations"));
        Assert.Contains("本单位目前没有督办单", list, StringComparison.Ordinal);
        var print = WebUtility.HtmlDecode(await stranger.GetStringAsync($"/escalations/{id}/print"));
        Assert.Contains("找不到这份督办单", print, StringComparison.Ordinal);
        Assert.DoesNotContain(number, print, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_printed_notice_names_the_issuer_by_display_name_not_login_name()
    {
        // Issued as "office", the demo account whose display name is 计划办公室（演示）.
        var id = await IssuedNoticeAsync();
        var leader = await fixture.App.SignedInClientAsync("leader", DemoAccounts.Password);

        var html = WebUtility.HtmlDecode(await leader.GetStringAsync($"/escalations/{id}/print"));

        var issuer = html.IndexOf("督办人：", StringComparison.Ordinal);
        Assert.True(issuer >= 0, $"no 督办人 on the page: {MainText(html)}; the server logged: {LoggedFailures()}");
        Assert.Equal("督办人：<span class=\"person-name\">计划办公室（演示）</span>", html.Substring(issuer, Math.Min(html.Length - issuer, 46)));
        Assert.DoesNotContain("督办人：office", html, StringComparison.Ordinal);
        Assert.DoesNotContain("login-name", html, StringComparison.Ordinal);
    }

    // Failed twice in full PostgreSQL runs (never alone) with a page that had no 督办人: say what it showed instead.
    private static string MainText(string html)
    {
        var main = html.IndexOf("<main", StringComparison.Ordinal);
        var text = System.Text.RegularExpressions.Regex.Replace(main < 0 ? html : html[main..], "<[^>]+>", " ");
        var shown = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
        return shown.Length > 600 ? shown[..600] : shown;
    }

    private string LoggedFailures()
    {
        lock (fixture.App.LogFailures)
        {
            return string.Join(" | ", fixture.App.LogFailures.TakeLast(3).Select(f => $"{f.Category}: {f.Message} {f.Exception?.Message}"));
        }
    }
}
