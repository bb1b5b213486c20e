using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Reminders;

namespace WorkPlanTracker.IntegrationTests.Features.Reminders;

/// <summary>The office's decisions reach a unit's mail in the next day's digest, once, in a section of their own.</summary>
public class DecisionDigestTests
{
    private static readonly DateOnly Monday = new(2024, 6, 3);
    private static readonly DateOnly Tuesday = new(2024, 6, 4);
    private static readonly DateOnly Wednesday = new(2024, 6, 5);

    [Fact]
    public async Task The_days_decisions_go_once_into_the_units_next_mail_digest_and_not_into_its_inbox_digest_or_another_units()
    {
        using var app = new ReminderAppFactory();
        app.StartServer();
        var planId = await app.PublishPlanAsync();
        var data = await app.UnitIdAsync("市数据资源局");
        Assert.True((await app.Get<ReminderContactService>().SaveUnitContactAsync(ReminderAppFactory.Office, data, new ReminderContact
        {
            Channels = ReminderChannels.Inbox | ReminderChannels.Email,
            Email = "sjzyj@example.gov.cn",
        })).Succeeded);
        int taskId;
        int assignmentId;
        HashSet<string> unitsOnTask;
        await using (var db = app.NewDbContext())
        {
            var assignment = await db.Assignments.SingleAsync(a => a.WorkTask!.PlanId == planId && a.WorkTask.Path == "一.3" && a.OrgUnitId == data);
            (taskId, assignmentId) = (assignment.TaskId, assignment.Id);
            unitsOnTask = (await db.Assignments.Where(a => a.TaskId == taskId).Select(a => a.OrgUnit!.Name).ToListAsync()).ToHashSet();
        }

        // Two decisions on Monday, after Monday's digest went out.
        app.SetDay(Monday);
        var planner = app.Get<ReminderPlanner>();
        await planner.CreateDeliveriesAsync(Monday);
        var editing = app.Get<AssignmentEditingService>();
        Assert.True((await editing.ChangeDeadlineAsync(ReminderAppFactory.Office, taskId, await app.TaskVersionAsync(taskId), new DateOnly(2024, 9, 27), ongoing: false, "按省里要求调整")).Succeeded);
        Assert.True((await editing.ChangeDeadlineAsync(ReminderAppFactory.Office, taskId, await app.TaskVersionAsync(taskId), new DateOnly(2024, 10, 25), ongoing: false, "再次调整")).Succeeded);

        app.SetDay(Tuesday);
        Assert.NotEmpty(await planner.CreateDeliveriesAsync(Tuesday));
        // A restart the same day plans nothing again.
        Assert.Empty(await planner.CreateDeliveriesAsync(Tuesday));

        List<ReminderDelivery> tuesday;
        await using (var db = app.NewDbContext())
        {
            tuesday = await db.ReminderDeliveries.AsNoTracking().Where(d => d.Day == Tuesday).ToListAsync();
            Assert.All(await db.UnitNotices.Where(n => n.Kind == UnitNoticeKind.Decision).ToListAsync(), n => Assert.Equal(Tuesday, n.DigestDay));
            Assert.DoesNotContain((await db.ReminderDeliveries.Where(d => d.Day == Monday).ToListAsync()).SelectMany(d => ReminderDigest.Items(d.ItemsJson)), i => i.Kind == ReminderKind.Decision);
        }

        var mail = Assert.Single(tuesday, d => d.RecipientKey == $"unit:{data}" && d.Channel == ReminderChannel.Email);
        var decisions = ReminderDigest.Items(mail.ItemsJson).Where(i => i.Kind == ReminderKind.Decision).ToList();
        Assert.Equal(2, decisions.Count);
        Assert.Contains("完成时限调整为 2024年9月27日", decisions[0].Text, StringComparison.Ordinal);
        Assert.Contains("完成时限调整为 2024年10月25日", decisions[1].Text, StringComparison.Ordinal);
        var text = ReminderDigest.PlainText(mail.RecipientName, ReminderDigest.Items(mail.ItemsJson), "https://duban.example.gov.cn/");
        Assert.Contains("〔办理结果通知〕", text, StringComparison.Ordinal);
        Assert.Contains($"理由：按省里要求调整 https://duban.example.gov.cn/assignments/{assignmentId}", text, StringComparison.Ordinal);

        // The inbox had them the moment they were made; other units' digests carry only their own.
        var inbox = Assert.Single(tuesday, d => d.RecipientKey == $"unit:{data}" && d.Channel == ReminderChannel.Inbox);
        Assert.DoesNotContain(ReminderDigest.Items(inbox.ItemsJson), i => i.Kind == ReminderKind.Decision);
        Assert.All(
            tuesday.SelectMany(d => ReminderDigest.Items(d.ItemsJson)).Where(i => i.Kind == ReminderKind.Decision),
            i => Assert.Contains(i.UnitName, unitsOnTask));

        // The dry run of the planned day shows what it carried; the next day's digest carries them no more.
        var preview = await planner.PreviewAsync(Tuesday);
        Assert.Equal(2, preview.Now.Single(p => p.RecipientKey == $"unit:{data}" && p.Channel == ReminderChannel.Email).Items.Count(i => i.Kind == ReminderKind.Decision));
        app.SetDay(Wednesday);
        await planner.CreateDeliveriesAsync(Wednesday);
        await using (var db = app.NewDbContext())
        {
            var wednesday = await db.ReminderDeliveries.AsNoTracking().Where(d => d.Day == Wednesday).ToListAsync();
            Assert.DoesNotContain(wednesday.SelectMany(d => ReminderDigest.Items(d.ItemsJson)), i => i.Kind == ReminderKind.Decision);
        }
    }
}
