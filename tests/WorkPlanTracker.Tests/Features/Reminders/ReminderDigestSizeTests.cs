using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Reminders;

namespace WorkPlanTracker.Tests.Features.Reminders;

/// <summary>Chat robot messages stay within each platform's limit: one message when it fits, numbered parts when not.</summary>
public class ReminderDigestSizeTests
{
    private const string BaseUrl = "https://duban.example.gov.cn/";
    private const string Title = "【催办提醒】2024年6月4日 市数据资源局：26 项";

    private static ReminderItem Item(int id, string title, ReminderKind kind = ReminderKind.Overdue) =>
        new(id, "市数据资源局", kind, $"一.{id}", title, 2024, "2024年宿州市政务公开重点工作任务分工方案", new DateOnly(2024, 5, 31), "已逾期 4 天（完成时限 2024年5月31日），请尽快办理");

    /// <summary>Items whose whole markdown message is exactly <paramref name="bytes"/> bytes (the last title padded).</summary>
    private static List<ReminderItem> ItemsOfSize(int bytes)
    {
        var items = Enumerable.Range(1, 12).Select(i => Item(i, "推进政务数据共享开放和公共数据资源开发利用")).ToList();
        var missing = bytes - ReminderDigest.Bytes(ReminderDigest.Markdown(Title, items, BaseUrl));
        Assert.InRange(missing, 0, 1500);
        items[^1] = items[^1] with { TaskTitle = items[^1].TaskTitle + new string('x', missing) };
        Assert.Equal(bytes, ReminderDigest.Bytes(ReminderDigest.Markdown(Title, items, BaseUrl)));
        return items;
    }

    [Theory]
    [InlineData(ReminderWebhookSender.WeComMarkdownLimit)]
    [InlineData(ReminderWebhookSender.DingTalkMarkdownLimit)]
    public void A_message_of_exactly_the_limit_goes_as_one_and_one_byte_more_is_split_into_parts_that_fit(int limit)
    {
        var exact = ItemsOfSize(limit);
        var one = Assert.Single(ReminderDigest.MarkdownParts(Title, exact, BaseUrl, limit));
        Assert.Equal(ReminderDigest.Markdown(Title, exact, BaseUrl), one);

        var over = ItemsOfSize(limit + 1);
        var parts = ReminderDigest.MarkdownParts(Title, over, BaseUrl, limit);
        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.InRange(ReminderDigest.Bytes(p), 1, limit));
        Assert.StartsWith($"### {Title}（1/2）", parts[0], StringComparison.Ordinal);
        Assert.StartsWith($"### {Title}（2/2）", parts[1], StringComparison.Ordinal);
        Assert.All(over, i => Assert.Single(parts, p => p.Contains(i.TaskTitle + "](", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_unit_with_26_items_gets_numbered_parts_each_within_the_wecom_limit_and_a_link_to_the_full_list()
    {
        var items = Enumerable.Range(1, 26)
            .Select(i => Item(i, "围绕优化营商环境，深化政务公开标准化规范化建设，推进基层政务公开全覆盖", i % 3 == 0 ? ReminderKind.Escalation : ReminderKind.Overdue))
            .ToList();
        var whole = ReminderDigest.Markdown(Title, items, BaseUrl);
        Assert.True(ReminderDigest.Bytes(whole) > 6000, "the case of the issue: about 6,660 bytes in one message");

        var parts = ReminderDigest.MarkdownParts(Title, items, BaseUrl, ReminderWebhookSender.WeComMarkdownLimit);
        Assert.True(parts.Count >= 2);
        Assert.All(parts, p => Assert.True(ReminderDigest.Bytes(p) <= 4096, $"{ReminderDigest.Bytes(p)} bytes"));
        for (var i = 0; i < parts.Count; i++)
        {
            Assert.StartsWith($"### {Title}（{i + 1}/{parts.Count}）", parts[i], StringComparison.Ordinal);
        }

        Assert.All(items, item => Assert.Single(parts, p => p.Contains($"/assignments/{item.AssignmentId})", StringComparison.Ordinal)));
        Assert.Contains("[在督办台查看全部 26 项](https://duban.example.gov.cn/assignments)", parts[^1], StringComparison.Ordinal);
        Assert.Contains("**升级督办**", parts[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_endless_task_title_is_shortened_to_fit_rather_than_never_sent()
    {
        var items = new List<ReminderItem> { Item(1, new string('长', 5000)), Item(2, "正常的任务") };
        var parts = ReminderDigest.MarkdownParts(Title, items, BaseUrl, ReminderWebhookSender.WeComMarkdownLimit);
        Assert.All(parts, p => Assert.True(ReminderDigest.Bytes(p) <= 4096));
        Assert.Contains(parts, p => p.Contains("/assignments/1)", StringComparison.Ordinal) && p.Contains('…', StringComparison.Ordinal));
        Assert.Contains(parts, p => p.Contains("正常的任务", StringComparison.Ordinal));
    }
}
