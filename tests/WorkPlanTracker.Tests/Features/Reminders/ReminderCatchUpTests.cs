using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Reminders;

namespace WorkPlanTracker.Tests.Features.Reminders;

/// <summary>
/// Items that fall due after the day's run (a deadline corrected in the afternoon, a plan published later) go out
/// once with the next day's digest, whatever else the recipient got that day; the dry run says so.
/// </summary>
public class ReminderCatchUpTests
{
    /// <summary>Tuesday 4 June 2024: every unit of the published plan gets 签收提醒 in the morning run.</summary>
    private static readonly DateOnly Tuesday = new(2024, 6, 4);

    [Fact]
    public async Task An_escalation_that_falls_due_after_the_days_run_goes_out_once_on_the_next_run_to_the_unit_and_the_leaders()
    {
        await using var app = await ReminderDatabase.StartAsync();
        var data = await app.UnitIdAsync("市数据资源局");
        await app.SetContactAsync("市数据资源局", new ReminderContact { Channels = ReminderChannels.Inbox, LeaderName = "王副局长", LeaderEmail = "wang@example.gov.cn" });
        app.SetDay(Tuesday);
        Assert.True(await app.Get<ReminderPlanningJob>().RunAsync() > 0);

        // In the afternoon the office corrects a deadline to 28 May: seven days late today, an escalation today.
        int assignmentId;
        await using (var db = app.NewContext())
        {
            assignmentId = await db.Assignments.Where(a => a.OrgUnitId == data && a.WorkTask!.PlanId == app.PlanId).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            await db.Assignments.Where(a => a.Id == assignmentId).ExecuteUpdateAsync(s => s.SetProperty(a => a.DueDate, new DateOnly(2024, 5, 28)));
        }

        app.Clock.Advance(TimeSpan.FromHours(6));
        Assert.Contains(await app.Get<ReminderPlanner>().DueOnAsync(Tuesday), d => d.AssignmentId == assignmentId && d.Kind == ReminderKind.Escalation);

        // The dry run says the escalation goes with Wednesday's digest; a second run today (a restart) adds nothing.
        var preview = await app.Get<ReminderPlanner>().PreviewAsync(Tuesday);
        Assert.True(preview.AlreadyPlanned);
        Assert.Equal(Tuesday.AddDays(1), preview.NextDigest);
        Assert.Contains(preview.Later, l => l.Delivery.RecipientKey == $"unit:{data}" && l.Item.AssignmentId == assignmentId && l.Item.Kind == ReminderKind.Escalation);
        Assert.DoesNotContain(preview.Now.SelectMany(p => p.Items), i => i.Kind == ReminderKind.Escalation);
        var json = new StringWriter();
        Assert.Equal(0, await RemindersCommand.RunAsync(app.Services, ["--as-of", "2024-06-04", "--dry-run", "--json"], json));
        using (var lines = JsonDocument.Parse(json.ToString()))
        {
            var rows = lines.RootElement.EnumerateArray().ToList();
            Assert.Contains(rows, r => r.GetProperty("kind").GetString() == "escalation" && r.GetProperty("recipientUnit").GetString() == "市数据资源局" && r.GetProperty("sendOn").GetString() == "2024-06-05");
            Assert.Contains(rows, r => r.GetProperty("kind").GetString() == "unacknowledged" && r.GetProperty("sendOn").GetString() == "2024-06-04");
            Assert.DoesNotContain(rows, r => r.GetProperty("kind").GetString() == "escalation" && r.GetProperty("sendOn").GetString() == "2024-06-04");
        }

        Assert.Equal(0, await app.Get<ReminderPlanningJob>().RunAsync());

        // Wednesday: the unit had a digest on Tuesday, but not this item: it goes out now, 8 days late.
        app.SetDay(Tuesday.AddDays(1));
        var wednesdayPreview = await app.Get<ReminderPlanner>().PlanAsync(Tuesday.AddDays(1));
        await app.Get<ReminderPlanningJob>().RunAsync();
        List<ReminderDelivery> wednesday;
        await using (var db = app.NewContext())
        {
            wednesday = await db.ReminderDeliveries.Where(r => r.Day == Tuesday.AddDays(1)).ToListAsync();
        }

        var unitItems = ReminderDigest.Items(wednesday.Single(r => r.RecipientKey == $"unit:{data}" && r.Channel == ReminderChannel.Inbox).ItemsJson);
        var escalation = Assert.Single(unitItems, i => i.AssignmentId == assignmentId && i.Kind == ReminderKind.Escalation);
        Assert.StartsWith("已逾期 8 天", escalation.Text, StringComparison.Ordinal);
        Assert.Equal(Tuesday, escalation.FiredOn);
        var leader = wednesday.Single(r => r.RecipientKey == $"leader:{data}");
        Assert.Equal("wang@example.gov.cn", leader.Address);
        Assert.Contains(ReminderDigest.Items(leader.ItemsJson), i => i.AssignmentId == assignmentId && i.Kind == ReminderKind.Escalation);

        // The dry run of Wednesday morning listed exactly what the job wrote.
        Assert.Equal(
            wednesdayPreview.SelectMany(p => p.Items.Select(i => (p.RecipientKey, p.Channel, i.AssignmentId, i.Kind))).Order().ToList(),
            wednesday.SelectMany(r => ReminderDigest.Items(r.ItemsJson).Select(i => (r.RecipientKey, r.Channel, i.AssignmentId, i.Kind))).Order().ToList());

        // Thursday and Friday: never again.
        foreach (var day in new[] { Tuesday.AddDays(2), Tuesday.AddDays(3) })
        {
            app.SetDay(day);
            await app.Get<ReminderPlanningJob>().RunAsync();
        }

        await using (var db = app.NewContext())
        {
            var after = await db.ReminderDeliveries.Where(r => r.Day > Tuesday.AddDays(1)).ToListAsync();
            Assert.DoesNotContain(after.SelectMany(r => ReminderDigest.Items(r.ItemsJson)), i => i.AssignmentId == assignmentId && i.Kind == ReminderKind.Escalation);
        }
    }

    [Fact]
    public async Task Reminders_of_a_plan_published_after_the_days_run_go_with_the_next_days_digest()
    {
        await using var app = await ReminderDatabase.StartAsync();

        // The plan is still a draft at the morning run of Tuesday and published in the afternoon.
        await using (var db = app.NewContext())
        {
            await db.Plans.Where(p => p.Id == app.PlanId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PlanStatus.Draft));
        }

        app.SetDay(Tuesday);
        await app.Get<ReminderPlanningJob>().RunAsync();
        await using (var db = app.NewContext())
        {
            Assert.Equal(0, await db.ReminderDeliveries.CountAsync());
            await db.Plans.Where(p => p.Id == app.PlanId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PlanStatus.Published));
        }

        var preview = await app.Get<ReminderPlanner>().PreviewAsync(Tuesday);
        Assert.Empty(preview.Now);
        Assert.NotEmpty(preview.Later);
        Assert.All(preview.Later, l => Assert.Equal(ReminderKind.Unacknowledged, l.Item.Kind));
        var text = new StringWriter();
        Assert.Equal(0, await RemindersCommand.RunAsync(app.Services, ["--as-of", "2024-06-04", "--dry-run"], text));
        Assert.Contains("随 2024年6月5日 的汇总发送", text.ToString(), StringComparison.Ordinal);

        // Wednesday is no 签收提醒 day (every 3 days), yet the units hear of Tuesday's, counted as of Wednesday.
        app.SetDay(Tuesday.AddDays(1));
        Assert.DoesNotContain(await app.Get<ReminderPlanner>().DueOnAsync(Tuesday.AddDays(1)), d => d.Kind == ReminderKind.Unacknowledged);
        Assert.True(await app.Get<ReminderPlanningJob>().RunAsync() > 0);
        await using (var db = app.NewContext())
        {
            var rows = await db.ReminderDeliveries.Where(r => r.Day == Tuesday.AddDays(1)).ToListAsync();
            var items = rows.SelectMany(r => ReminderDigest.Items(r.ItemsJson)).ToList();
            Assert.Equal(preview.Later.Select(l => (l.Delivery.RecipientKey, l.Item.AssignmentId)).Order().ToList(),
                rows.SelectMany(r => ReminderDigest.Items(r.ItemsJson).Select(i => (r.RecipientKey, i.AssignmentId))).Order().ToList());
            Assert.All(items, i => Assert.Equal("交办已 4 天尚未签收", i.Text));
        }

        app.SetDay(Tuesday.AddDays(2));
        Assert.Equal(0, await app.Get<ReminderPlanningJob>().RunAsync());
    }

    [Fact]
    public void The_leadership_digest_names_the_leader_once()
    {
        var item = new ReminderItem(1, "市数据资源局", ReminderKind.Escalation, "一.3", "助力优化政务服务", 2024, "某方案", new DateOnly(2024, 7, 31), "已逾期 7 天（完成时限 2024年7月31日），已升级督办");
        var name = ReminderDigest.LeaderLabel + "分管领导（演示）";
        var text = ReminderDigest.PlainText(name, [item], null);
        var title = ReminderDigest.Title(new DateOnly(2024, 8, 7), name, 1);
        Assert.StartsWith("分管领导（演示）：以下 1 项工作需要关注。", text, StringComparison.Ordinal);
        Assert.Equal("【催办提醒】2024年8月7日 分管领导（演示）：1 项", title);
        Assert.DoesNotContain("领导：分管领导", text + title, StringComparison.Ordinal);
    }
}
