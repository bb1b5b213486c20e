using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Features.Reminders;

namespace WorkPlanTracker.IntegrationTests.Features.Reminders;

/// <summary>
/// Deliveries against real faults: a corrected robot address and 重新发送, a mail server that drops the line after
/// DATA or hangs until the sweep is cancelled, a robot that answers too late, with 500 or with an errcode.
/// </summary>
public class ReminderDeliveryFaultTests
{
    /// <summary>Tuesday 4 June 2024: three days after publishing, every unit gets 签收提醒.</summary>
    private static readonly DateOnly Tuesday = new(2024, 6, 4);

    private static async Task<List<ReminderDelivery>> RowsAsync(ReminderAppFactory app, ReminderChannel channel)
    {
        await using var db = app.NewDbContext();
        return await db.ReminderDeliveries.AsNoTracking().Where(r => r.Channel == channel).OrderBy(r => r.Id).ToListAsync();
    }

    private static async Task<List<int>> UnitsAsync(ReminderAppFactory app, int count)
    {
        await using var db = app.NewDbContext();
        return await db.Assignments.Where(a => a.WorkTask!.Plan!.Status == PlanStatus.Published).Select(a => a.OrgUnitId).Distinct().OrderBy(u => u).Take(count).ToListAsync();
    }

    private static async Task SetRobotAsync(ReminderAppFactory app, int unitId, string url, WebhookKind kind = WebhookKind.WeCom)
    {
        var result = await app.Get<ReminderContactService>().SaveUnitContactAsync(ReminderAppFactory.Office, unitId, new ReminderContact
        {
            Channels = ReminderChannels.Webhook,
            WebhookUrl = url,
            WebhookKind = kind,
        });
        Assert.True(result.Succeeded, result.Message);
    }

    [Fact]
    public async Task A_resend_after_the_robot_url_was_corrected_goes_to_the_new_url_and_keeps_the_earlier_attempts()
    {
        await using var robot = new WebhookReceiver();
        using var app = new ReminderAppFactory();
        app.Settings["Reminders:MaxAttempts"] = "2";
        app.Settings["Reminders:RetryDelaySeconds"] = "60";
        app.StartServer();
        await app.PublishPlanAsync();
        var unit = (await UnitsAsync(app, 1))[0];
        var wrong = $"http://127.0.0.1:{SmtpReceiver.FreePort()}/cgi-bin/webhook/send?key=old";
        await SetRobotAsync(app, unit, wrong);
        app.SetDay(Tuesday);
        await app.Get<ReminderPlanningJob>().RunAsync();
        var job = app.Get<ReminderDeliveryJob>();

        await job.SendDueAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await job.SendDueAsync();
        var failed = Assert.Single(await RowsAsync(app, ReminderChannel.Webhook));
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Equal(2, failed.Attempts);
        Assert.StartsWith("连接被拒绝", failed.LastError, StringComparison.Ordinal);

        // The office corrects the address and presses 重新发送.
        var right = robot.BaseUrl + "cgi-bin/webhook/send?key=new";
        await SetRobotAsync(app, unit, right);
        var office = ReminderAppFactory.Office;
        Assert.True((await app.Get<DeliveryLogService>().RetryAsync(office, failed.Id, app.Clock.GetUtcNow().UtcDateTime)).Succeeded);
        Assert.False((await app.Get<DeliveryLogService>().RetryAsync(office, failed.Id, app.Clock.GetUtcNow().UtcDateTime)).Succeeded);
        await job.SendDueAsync();

        var request = Assert.Single(robot.Requests);
        Assert.Equal("/cgi-bin/webhook/send?key=new", request.Path);
        var sent = Assert.Single(await RowsAsync(app, ReminderChannel.Webhook));
        Assert.Equal(DeliveryStatus.Sent, sent.Status);
        Assert.Equal(right, sent.Address);
        Assert.Equal(3, sent.Attempts);
        var log = sent.AttemptLog.Split('\n');
        Assert.Equal(2, log.Count(l => l.Contains(wrong, StringComparison.Ordinal) && l.Contains("连接被拒绝", StringComparison.Ordinal)));
        Assert.Contains(log, l => l.Contains("安排重新发送", StringComparison.Ordinal));
        Assert.Contains(log, l => l.Contains(right, StringComparison.Ordinal) && l.Contains("机器人已接收", StringComparison.Ordinal));

        // The office's log page says it in Chinese, with the history; no exception names.
        var client = await app.SignedInClientAsync("office", DemoAccounts.Password);
        var page = await client.GetStringAsync("/reminders/log");
        Assert.Contains("连接被拒绝", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_robot_is_posted_once_and_marked_unconfirmed_errors_read_in_chinese_and_nobody_waits_for_the_slow_one()
    {
        await using var slow = new WebhookReceiver(_ => (TimeSpan.FromSeconds(5), 200, WebhookReceiver.Ok));
        await using var broken = new WebhookReceiver(_ => (TimeSpan.Zero, 500, "<html>Internal Server Error</html>"));
        await using var refusing = new WebhookReceiver(_ => (TimeSpan.Zero, 200, """{"errcode":40058,"errmsg":"invalid markdown content, hint: [1717466400_x]"}"""));
        await using var fast = new WebhookReceiver();
        using var app = new ReminderAppFactory();
        app.Settings["Reminders:WebhookTimeoutSeconds"] = "2";
        app.Settings["Reminders:MaxParallelSends"] = "4";
        app.StartServer();
        await app.PublishPlanAsync();
        foreach (var unit in await UnitsAsync(app, 6))
        {
            await SetRobotAsync(app, unit, slow.BaseUrl + "slow");
        }

        app.SetDay(Tuesday);
        await app.Get<ReminderPlanningJob>().RunAsync();

        // Three slow robots come first in the sweep's order, the fast one last (addresses are read when sending).
        var planned = await RowsAsync(app, ReminderChannel.Webhook);
        Assert.Equal(6, planned.Count);
        var unitOf = planned.Select(r => r.OrgUnitId!.Value).ToList();
        await SetRobotAsync(app, unitOf[3], broken.BaseUrl + "broken");
        await SetRobotAsync(app, unitOf[4], refusing.BaseUrl + "refusing", WebhookKind.DingTalk);
        await SetRobotAsync(app, unitOf[5], fast.BaseUrl + "fast");

        var sweep = app.Get<ReminderDeliveryJob>().SendDueAsync();

        // When the fast robot is posted, slow posts are still waiting for their answer: one after another, all three
        // would have timed out first.
        await fast.FirstRequest.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var whileFast = await RowsAsync(app, ReminderChannel.Webhook);
        Assert.Contains(whileFast, r => unitOf.IndexOf(r.OrgUnitId!.Value) < 3 && r.Status == DeliveryStatus.Sending);
        await sweep;

        var rows = (await RowsAsync(app, ReminderChannel.Webhook)).ToDictionary(r => r.OrgUnitId!.Value);
        foreach (var unit in unitOf.Take(3))
        {
            Assert.Equal(DeliveryStatus.Unconfirmed, rows[unit].Status);
            Assert.StartsWith("超时未响应", rows[unit].LastError, StringComparison.Ordinal);
            Assert.Null(rows[unit].NextAttemptAtUtc);
        }

        Assert.Equal(DeliveryStatus.Retrying, rows[unitOf[3]].Status);
        Assert.Equal("服务器返回错误 500", rows[unitOf[3]].LastError);
        Assert.Equal(DeliveryStatus.Retrying, rows[unitOf[4]].Status);
        Assert.StartsWith("机器人返回错误码 40058", rows[unitOf[4]].LastError, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Sent, rows[unitOf[5]].Status);
        Assert.All(rows.Values, r => Assert.DoesNotContain("Exception", r.LastError ?? "", StringComparison.Ordinal));

        // Hours of sweeps later each slow group has still seen its digest once; the failed ones were retried.
        for (var i = 0; i < 6; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(30));
            await app.Get<ReminderDeliveryJob>().SendDueAsync();
        }

        Assert.Equal(3, slow.Requests.Count);
        Assert.True(broken.Requests.Count > 1);
        Assert.Single(fast.Requests);
        rows = (await RowsAsync(app, ReminderChannel.Webhook)).ToDictionary(r => r.OrgUnitId!.Value);
        Assert.All(unitOf.Take(3), u => Assert.Equal((DeliveryStatus.Unconfirmed, 1), (rows[u].Status, rows[u].Attempts)));
        Assert.Contains(app.LogMessages, m => m.Contains("发送失败", StringComparison.Ordinal));

        var client = await app.SignedInClientAsync("office", DemoAccounts.Password);
        var page = await client.GetStringAsync("/reminders/log");
        Assert.Contains("超时未确认", page, StringComparison.Ordinal);
        Assert.Contains("服务器返回错误 500", page, StringComparison.Ordinal);
        Assert.Contains("机器人返回错误码 40058", page, StringComparison.Ordinal);
        Assert.DoesNotContain("TaskCanceledException", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_whose_acceptance_was_lost_or_whose_sweep_was_aborted_is_sent_again_with_the_same_message_id()
    {
        await using var smtp = new SmtpReceiver();
        using var app = new ReminderAppFactory();
        app.Settings["Reminders:Smtp:Host"] = "127.0.0.1";
        app.Settings["Reminders:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        app.Settings["Reminders:Smtp:Security"] = "None";
        app.Settings["Reminders:Smtp:From"] = "duban@example.gov.cn";
        app.Settings["Reminders:PublicBaseUrl"] = "https://duban.example.gov.cn/";
        app.StartServer();
        await app.PublishPlanAsync();
        var units = await UnitsAsync(app, 2);
        foreach (var (unit, i) in units.Select((u, i) => (u, i)))
        {
            Assert.True((await app.Get<ReminderContactService>().SaveUnitContactAsync(ReminderAppFactory.Office, unit, new ReminderContact
            {
                Channels = ReminderChannels.Email,
                Email = $"unit{i}@example.gov.cn",
            })).Succeeded);
        }

        app.SetDay(Tuesday);
        await app.Get<ReminderPlanningJob>().RunAsync();
        var mails = await RowsAsync(app, ReminderChannel.Email);
        Assert.Equal(2, mails.Count);

        // 1. The server keeps the first mail but drops the line before its 250: the row waits for a retry.
        smtp.DropAfterData = 1;
        await app.Get<ReminderDeliveryJob>().SendOneAsync(mails[0].Id);
        var row = (await RowsAsync(app, ReminderChannel.Email))[0];
        Assert.Equal(DeliveryStatus.Retrying, row.Status);
        Assert.Contains("中断", row.LastError, StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await app.Get<ReminderDeliveryJob>().SendOneAsync(mails[0].Id);
        var first = smtp.Messages.Where(m => m.To[0].Contains("unit0@", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, first.Count);
        Assert.Equal($"reminder-{mails[0].Id}-20240604@duban.example.gov.cn", first[0].Message.MessageId);
        Assert.Equal(first[0].Message.MessageId, first[1].Message.MessageId);

        // 2. The server keeps the second mail and hangs; the sweep is aborted (as by a shutdown or a kill): the row is
        //    left 发送中, not sent again at once, and re-sent with the same Message-ID once it is stuck for 10 minutes.
        smtp.HangAfterData = 1;
        using var abort = new CancellationTokenSource();
        var sweep = app.Get<ReminderDeliveryJob>().SendOneAsync(mails[1].Id, abort.Token);
        await smtp.Hanging.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await abort.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sweep);
        Assert.Equal(DeliveryStatus.Sending, (await RowsAsync(app, ReminderChannel.Email))[1].Status);
        await app.Get<ReminderDeliveryJob>().SendDueAsync();
        Assert.Equal(DeliveryStatus.Sending, (await RowsAsync(app, ReminderChannel.Email))[1].Status);
        Assert.Single(smtp.Messages, m => m.To[0].Contains("unit1@", StringComparison.Ordinal));
        app.Clock.Advance(ReminderDeliveryJob.StuckAfter + TimeSpan.FromSeconds(1));
        await app.Get<ReminderDeliveryJob>().SendDueAsync();
        var second = smtp.Messages.Where(m => m.To[0].Contains("unit1@", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, second.Count);
        Assert.Equal(second[0].Message.MessageId, second[1].Message.MessageId);
        Assert.All(await RowsAsync(app, ReminderChannel.Email), r => Assert.Equal(DeliveryStatus.Sent, r.Status));
    }
}
