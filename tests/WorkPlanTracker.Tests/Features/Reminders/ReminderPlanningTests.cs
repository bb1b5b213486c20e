using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Reminders;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Features.Reminders;

/// <summary>The planner and the delivery job over a real database with a moved clock: digests, no duplicates, retries.</summary>
public class ReminderPlanningTests
{
    /// <summary>Tuesday: three days after publishing on Saturday 1 June, nobody has signed yet.</summary>
    private static readonly DateOnly Tuesday = new(2024, 6, 4);

    [Fact]
    public async Task Each_unit_gets_one_digest_listing_all_its_items_not_one_message_per_task()
    {
        await using var app = await ReminderDatabase.StartAsync();
        app.SetDay(Tuesday);
        var created = await app.Get<ReminderPlanningJob>().RunAsync();

        await using var db = app.NewContext();
        var perUnit = await db.Assignments.Where(a => a.WorkTask!.PlanId == app.PlanId).GroupBy(a => a.OrgUnitId)
            .Select(g => new { Unit = g.Key, Count = g.Count() }).ToListAsync();
        var rows = await db.ReminderDeliveries.ToListAsync();
        Assert.Equal(perUnit.Count, created);
        Assert.Equal(perUnit.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(ReminderChannel.Inbox, r.Channel));
        Assert.All(rows, r => Assert.Equal(Tuesday, r.Day));
        foreach (var unit in perUnit)
        {
            var row = rows.Single(r => r.OrgUnitId == unit.Unit);
            Assert.Equal(unit.Count, row.ItemCount);
            Assert.All(ReminderDigest.Items(row.ItemsJson), i => Assert.Equal(ReminderKind.Unacknowledged, i.Kind));
        }

        var data = rows.Single(r => r.RecipientName == "市数据资源局");
        Assert.True(data.ItemCount > 1, "市数据资源局 carries several tasks, all in one message");
        Assert.Contains("市数据资源局", data.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_is_planned_for_draft_plans_or_on_a_day_without_rules_firing()
    {
        await using var app = await ReminderDatabase.StartAsync();
        app.SetDay(new DateOnly(2024, 6, 3));
        Assert.Equal(0, await app.Get<ReminderPlanningJob>().RunAsync());
        var due = await app.Get<ReminderPlanner>().DueOnAsync(Tuesday);
        await using var db = app.NewContext();
        var draftIds = await db.Plans.Where(p => p.Status == PlanStatus.Draft).SelectMany(p => p.Tasks).SelectMany(t => t.Assignments).Select(a => a.Id).ToListAsync();
        Assert.DoesNotContain(due, d => draftIds.Contains(d.AssignmentId));
    }

    [Fact]
    public async Task The_same_reminder_is_never_planned_or_sent_twice_on_a_day_also_after_a_restart()
    {
        await using var app = await ReminderDatabase.StartAsync();
        app.SetDay(Tuesday);
        var first = await app.Get<ReminderPlanningJob>().RunAsync();
        Assert.True(first > 0);
        Assert.Equal(0, await app.Get<ReminderPlanningJob>().RunAsync());
        Assert.Equal(first, await app.Get<ReminderDeliveryJob>().SendDueAsync());

        // A restart: new services, new singletons, same database, same day, later in the day.
        await app.RestartAsync();
        app.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await app.Get<ReminderPlanningJob>().RunAsync());
        Assert.Equal(0, await app.Get<ReminderDeliveryJob>().SendDueAsync());

        await using var db = app.NewContext();
        Assert.Equal(first, await db.ReminderDeliveries.CountAsync());
        Assert.All(await db.ReminderDeliveries.ToListAsync(), r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        var reminderNotices = await db.UnitNotices.Where(n => n.Title.StartsWith("【催办提醒】")).ToListAsync();
        Assert.Equal(first, reminderNotices.Count);
        Assert.Equal(reminderNotices.Count, reminderNotices.Select(n => n.OrgUnitId).Distinct().Count());

        // A row inserted behind the planner's back for the same recipient, channel and day is refused by the database.
        var copy = await db.ReminderDeliveries.AsNoTracking().FirstAsync();
        copy.Id = 0;
        db.ReminderDeliveries.Add(copy);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    /// <summary>The 7月31日 deadlines of the published plan escalate on Wednesday 7 August (7 days late).</summary>
    private static readonly DateOnly EscalationDay = new(2024, 8, 7);

    [Fact]
    public async Task An_escalation_due_while_the_app_was_down_goes_out_on_the_next_run_once_and_counts_the_days_late_since()
    {
        await using var app = await ReminderDatabase.StartAsync();
        var onTheDay = (await app.Get<ReminderPlanner>().DueOnAsync(EscalationDay)).Where(d => d.Kind == ReminderKind.Escalation).Select(d => d.AssignmentId).Order().ToList();
        Assert.NotEmpty(onTheDay);

        // Nothing ran on 7 and 8 August; on Friday the 9th the daily job runs again.
        app.SetDay(EscalationDay.AddDays(2));
        await app.Get<ReminderPlanningJob>().RunAsync();
        app.SetDay(EscalationDay.AddDays(5));
        await app.Get<ReminderPlanningJob>().RunAsync();

        await using var db = app.NewContext();
        var inbox = await db.ReminderDeliveries.Where(r => r.Channel == ReminderChannel.Inbox && r.RecipientKey.StartsWith("unit:")).ToListAsync();
        var friday = inbox.Where(r => r.Day == EscalationDay.AddDays(2)).SelectMany(r => ReminderDigest.Items(r.ItemsJson)).Where(i => i.Kind == ReminderKind.Escalation).ToList();
        var monday = inbox.Where(r => r.Day == EscalationDay.AddDays(5)).SelectMany(r => ReminderDigest.Items(r.ItemsJson)).Where(i => i.Kind == ReminderKind.Escalation).ToList();
        Assert.Equal(onTheDay, friday.Select(i => i.AssignmentId).Order().ToList());
        Assert.All(friday, i => Assert.StartsWith("已逾期 9 天", i.Text, StringComparison.Ordinal));
        Assert.Empty(monday);
    }

    [Fact]
    public async Task An_escalation_sent_on_its_day_is_not_caught_up_again()
    {
        await using var app = await ReminderDatabase.StartAsync();
        app.SetDay(EscalationDay);
        await app.Get<ReminderPlanningJob>().RunAsync();
        app.SetDay(EscalationDay.AddDays(2));
        await app.Get<ReminderPlanningJob>().RunAsync();

        await using var db = app.NewContext();
        var later = await db.ReminderDeliveries.Where(r => r.Day == EscalationDay.AddDays(2)).ToListAsync();
        Assert.DoesNotContain(later.SelectMany(r => ReminderDigest.Items(r.ItemsJson)), i => i.Kind == ReminderKind.Escalation);
        Assert.Contains(await db.ReminderDeliveries.Where(r => r.Day == EscalationDay).ToListAsync(),
            r => ReminderDigest.Items(r.ItemsJson).Any(i => i.Kind == ReminderKind.Escalation));
    }

    [Fact]
    public async Task A_failed_send_is_retried_with_exponential_back_off_and_given_up_after_the_limit()
    {
        var closedPort = FreePort();
        await using var app = await ReminderDatabase.StartAsync(a =>
        {
            a.Settings["Reminders:Smtp:Host"] = "127.0.0.1";
            a.Settings["Reminders:Smtp:Port"] = closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            a.Settings["Reminders:Smtp:Security"] = "None";
            a.Settings["Reminders:Smtp:From"] = "duban@example.gov.cn";
        });
        await app.SetContactAsync("市数据资源局", new ReminderContact { Channels = ReminderChannels.Inbox | ReminderChannels.Email, Email = "sjzyj@example.gov.cn" });
        app.SetDay(Tuesday);
        await app.Get<ReminderPlanningJob>().RunAsync();
        var job = app.Get<ReminderDeliveryJob>();
        await job.SendDueAsync();

        var mail = await MailRowAsync(app);
        Assert.Equal(DeliveryStatus.Retrying, mail.Status);
        Assert.Equal(1, mail.Attempts);
        Assert.NotNull(mail.LastError);
        var start = app.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(start.AddSeconds(60), mail.NextAttemptAtUtc);

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await job.SendDueAsync();
        Assert.Equal(1, (await MailRowAsync(app)).Attempts);

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await job.SendDueAsync();
        mail = await MailRowAsync(app);
        Assert.Equal(2, mail.Attempts);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddSeconds(120), mail.NextAttemptAtUtc);

        app.Clock.Advance(TimeSpan.FromSeconds(119));
        await job.SendDueAsync();
        Assert.Equal(2, (await MailRowAsync(app)).Attempts);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await job.SendDueAsync();
        mail = await MailRowAsync(app);
        Assert.Equal(3, mail.Attempts);
        Assert.Equal(DeliveryStatus.Failed, mail.Status);
        Assert.Null(mail.NextAttemptAtUtc);

        app.Clock.Advance(TimeSpan.FromHours(1));
        await job.SendDueAsync();
        Assert.Equal(3, (await MailRowAsync(app)).Attempts);

        // The inbox message of the same digest went out at the first try, once.
        await using var db = app.NewContext();
        Assert.Equal(DeliveryStatus.Sent, (await db.ReminderDeliveries.SingleAsync(r => r.RecipientName == "市数据资源局" && r.Channel == ReminderChannel.Inbox)).Status);
    }

    [Fact]
    public async Task A_unit_user_who_chose_mail_gets_the_units_digest_there_and_an_invalid_address_is_refused()
    {
        await using var app = await ReminderDatabase.StartAsync();
        var unitId = await app.UnitIdAsync("市数据资源局");
        var user = new WorkPlanTracker.Data.AppUser { UserName = "zhang", DisplayName = "张科长" };
        await using (var db = app.NewContext())
        {
            user.Units.Add(await db.Units.SingleAsync(u => u.Id == unitId));
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }

        var contacts = app.Get<ReminderContactService>();
        Assert.False((await contacts.SaveOwnAsync(user.Id, new ReminderContact { Channels = ReminderChannels.Email, Email = "不是邮箱" })).Succeeded);
        Assert.True((await contacts.SaveOwnAsync(user.Id, new ReminderContact { Channels = ReminderChannels.Inbox | ReminderChannels.Email, Email = "zhang@example.gov.cn" })).Succeeded);
        Assert.Equal("zhang@example.gov.cn", (await contacts.OwnAsync(user.Id)).Email);

        var planned = await app.Get<ReminderPlanner>().PlanAsync(Tuesday);
        var unitDigest = planned.Single(p => p.RecipientKey == $"unit:{unitId}");
        var own = Assert.Single(planned, p => p.UserId == user.Id);
        Assert.Equal(ReminderChannel.Email, own.Channel);
        Assert.Equal("zhang@example.gov.cn", own.Address);
        Assert.Equal(unitDigest.Items, own.Items);
    }

    [Fact]
    public async Task Settings_are_stored_with_the_issue_defaults_and_validated()
    {
        await using var app = await ReminderDatabase.StartAsync();
        var service = app.Get<ReminderSettingsService>();
        var defaults = await service.GetAsync();
        Assert.Equal([7, 3, 1], defaults.Ladder);
        Assert.Equal(3, defaults.OverdueRepeatDays);
        Assert.Equal(7, defaults.EscalateAfterDays);
        Assert.True(defaults.RemindOnDueDay);

        var office = new WorkPlanTracker.Shared.Actor("office", new HashSet<string> { AppRoles.PlanningOffice }, new HashSet<int>());
        var unit = new WorkPlanTracker.Shared.Actor("unit", new HashSet<string> { AppRoles.UnitUser }, new HashSet<int> { 1 });
        defaults.UnacknowledgedAfterDays = 5;
        Assert.False((await service.SaveAsync(unit, defaults)).Succeeded);
        Assert.True((await service.SaveAsync(office, defaults)).Succeeded);
        Assert.Equal(5, (await service.GetAsync()).UnacknowledgedAfterDays);
        defaults.LadderDays = "七天";
        Assert.False((await service.SaveAsync(office, defaults)).Succeeded);

        // With the unacknowledged reminder moved to 5 days, Tuesday 4 June has nothing due any more.
        app.SetDay(Tuesday);
        Assert.Empty(await app.Get<ReminderPlanner>().DueOnAsync(Tuesday));
    }

    [Fact]
    public void Chat_robot_messages_use_each_platforms_markdown_format()
    {
        var wecom = ReminderWebhookSender.Payload(WebhookKind.WeCom, "标题", "### 内容");
        Assert.Equal("""{"msgtype":"markdown","markdown":{"content":"### 内容"}}""", wecom.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        var dingtalk = ReminderWebhookSender.Payload(WebhookKind.DingTalk, "标题", "### 内容");
        Assert.Equal("""{"msgtype":"markdown","markdown":{"title":"标题","text":"### 内容"}}""", dingtalk.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    private static async Task<ReminderDelivery> MailRowAsync(ReminderDatabase app)
    {
        await using var db = app.NewContext();
        return await db.ReminderDeliveries.AsNoTracking().SingleAsync(r => r.Channel == ReminderChannel.Email);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
