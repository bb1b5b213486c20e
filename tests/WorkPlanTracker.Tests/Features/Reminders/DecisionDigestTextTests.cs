using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Reminders;

namespace WorkPlanTracker.Tests.Features.Reminders;

/// <summary>The office's decisions in a digest: a section of their own, first, each line the notice's text and its link.</summary>
public class DecisionDigestTextTests
{
    private const string BaseUrl = "https://duban.example.gov.cn/";

    private static readonly ReminderItem Overdue =
        new(7, "市数据资源局", ReminderKind.Overdue, "一.3", "助力优化政务服务", 2024, "2024年宿州市政务公开重点工作任务分工方案", new DateOnly(2024, 5, 31), "已逾期 4 天（完成时限 2024年5月31日），请尽快办理");

    private static ReminderItem Decision(string body, string link) => ReminderItem.FromDecision(
        new UnitNotice { Title = "办结申请被退回：一.3 助力优化政务服务", Body = body, Link = link, CreatedAtUtc = new DateTime(2024, 6, 3, 2, 0, 0, DateTimeKind.Utc) },
        "市数据资源局");

    [Fact]
    public void Mail_and_robot_texts_list_the_decisions_first_under_their_heading_with_the_notices_link()
    {
        var items = new[] { Overdue, Decision("《2024年宿州市政务公开重点工作任务分工方案》一.3 助力优化政务服务：办结申请已被退回，请修改后重新报送。理由：缺少佐证", "assignments/7") };

        var text = ReminderDigest.PlainText("市数据资源局", items, BaseUrl);
        var markdown = ReminderDigest.Markdown("【催办提醒】", items, BaseUrl);

        Assert.True(text.IndexOf("〔办理结果通知〕", StringComparison.Ordinal) < text.IndexOf("〔逾期催办〕", StringComparison.Ordinal));
        Assert.Contains("· 《2024年宿州市政务公开重点工作任务分工方案》一.3 助力优化政务服务：办结申请已被退回，请修改后重新报送。理由：缺少佐证 https://duban.example.gov.cn/assignments/7\n", text, StringComparison.Ordinal);
        Assert.Contains("**办理结果通知**", markdown, StringComparison.Ordinal);
        Assert.Contains("理由：缺少佐证 [查看](https://duban.example.gov.cn/assignments/7)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_removed_units_decision_links_to_its_task_list_and_a_long_one_is_shortened_to_fit_the_robot_keeping_its_link()
    {
        var removed = Decision("《计划》一.3 助力优化政务服务：本单位不再承办该项任务。理由：" + new string('因', 1900), "assignments");

        var parts = ReminderDigest.MarkdownParts("【催办提醒】", [removed], BaseUrl, ReminderWebhookSender.WeComMarkdownLimit);

        var part = Assert.Single(parts);
        Assert.InRange(ReminderDigest.Bytes(part), 1, ReminderWebhookSender.WeComMarkdownLimit);
        Assert.Contains("本单位不再承办该项任务", part, StringComparison.Ordinal);
        Assert.Contains("… [查看](https://duban.example.gov.cn/assignments)", part, StringComparison.Ordinal);
    }
}
