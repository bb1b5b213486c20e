using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Reminders;

namespace WorkPlanTracker.IntegrationTests.Features.Reminders;

/// <summary>Reminders leaving the real app: mail through a local SMTP server, chat robots on a local listener, escalations to leaders.</summary>
public class ReminderChannelTests
{
    /// <summary>Tuesday 4 June 2024: three days after publishing, nothing signed yet.</summary>
    private static readonly DateOnly Tuesday = new(2024, 6, 4);

    [Fact]
    public async Task A_unit_gets_its_digest_by_real_mail_after_a_failed_first_try_and_by_both_chat_robot_formats()
    {
        var smtpPort = SmtpReceiver.FreePort();
        await using var robot = new WebhookReceiver();
        using var app = new ReminderAppFactory();
        app.Settings["Reminders:Smtp:Host"] = "127.0.0.1";
        app.Settings["Reminders:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture);
        app.Settings["Reminders:Smtp:Security"] = "None";
        app.Settings["Reminders:Smtp:From"] = "duban@example.gov.cn";
        app.Settings["Reminders:RetryDelaySeconds"] = "60";
        app.Settings["Reminders:PublicBaseUrl"] = "https://duban.example.gov.cn/";
        app.StartServer();
        var planId = await app.PublishPlanAsync();

        var office = ReminderAppFactory.Office;
        var contacts = app.Get<ReminderContactService>();
        var data = await app.UnitIdAsync("市数据资源局");
        Assert.True((await contacts.SaveUnitContactAsync(office, data, new ReminderContact
        {
            Channels = ReminderChannels.Inbox | ReminderChannels.Email | ReminderChannels.Webhook,
            Email = "sjzyj@example.gov.cn",
            WebhookUrl = robot.BaseUrl + "wecom?key=abc",
            WebhookKind = WebhookKind.WeCom,
        })).Succeeded);
        int other;
        await using (var db = app.NewDbContext())
        {
            other = await db.Assignments.Where(a => a.WorkTask!.PlanId == planId && a.OrgUnitId != data).Select(a => a.OrgUnitId).FirstAsync();
        }

        Assert.True((await contacts.SaveUnitContactAsync(office, other, new ReminderContact
        {
            Channels = ReminderChannels.Webhook,
            WebhookUrl = robot.BaseUrl + "dingtalk?access_token=xyz",
            WebhookKind = WebhookKind.DingTalk,
        })).Succeeded);

        app.SetDay(Tuesday);
        await app.Get<ReminderPlanningJob>().RunAsync();
        var job = app.Get<ReminderDeliveryJob>();

        // No SMTP server yet: the mail fails and waits for a retry; the robots and the inbox go out.
        await job.SendDueAsync();
        ReminderDelivery mailRow;
        await using (var db = app.NewDbContext())
        {
            mailRow = await db.ReminderDeliveries.SingleAsync(r => r.Channel == ReminderChannel.Email);
        }

        Assert.Equal(DeliveryStatus.Retrying, mailRow.Status);
        Assert.Equal(2, robot.Requests.Count);

        await using var smtp = new SmtpReceiver(smtpPort);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await job.SendDueAsync();
        await job.SendDueAsync();

        var mail = Assert.Single(smtp.Messages);
        Assert.Contains("sjzyj@example.gov.cn", mail.To[0], StringComparison.Ordinal);
        Assert.Contains("duban@example.gov.cn", mail.From, StringComparison.Ordinal);
        Assert.StartsWith("【催办提醒】2024年6月4日 市数据资源局", mail.Message.Subject, StringComparison.Ordinal);
        var text = mail.Message.TextBody;
        Assert.Contains("〔签收提醒〕", text, StringComparison.Ordinal);
        Assert.Contains("一.3 助力优化政务服务", text, StringComparison.Ordinal);
        Assert.Contains("https://duban.example.gov.cn/assignments/", text, StringComparison.Ordinal);
        await using (var db = app.NewDbContext())
        {
            mailRow = await db.ReminderDeliveries.SingleAsync(r => r.Channel == ReminderChannel.Email);
        }

        Assert.Equal(DeliveryStatus.Sent, mailRow.Status);
        Assert.Equal(2, mailRow.Attempts);

        var wecom = robot.Requests.Single(r => r.Path.StartsWith("/wecom", StringComparison.Ordinal));
        Assert.Equal("/wecom?key=abc", wecom.Path);
        Assert.StartsWith("application/json", wecom.ContentType, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(wecom.Body))
        {
            Assert.Equal("markdown", json.RootElement.GetProperty("msgtype").GetString());
            var content = json.RootElement.GetProperty("markdown").GetProperty("content").GetString()!;
            Assert.StartsWith("### 【催办提醒】2024年6月4日 市数据资源局", content, StringComparison.Ordinal);
            Assert.Contains("[《2024年宿州市政务公开重点工作任务分工方案》一.3 助力优化政务服务](https://duban.example.gov.cn/assignments/", content, StringComparison.Ordinal);
            Assert.Single(json.RootElement.GetProperty("markdown").EnumerateObject());
        }

        var dingtalk = robot.Requests.Single(r => r.Path.StartsWith("/dingtalk", StringComparison.Ordinal));
        using (var json = JsonDocument.Parse(dingtalk.Body))
        {
            Assert.Equal("markdown", json.RootElement.GetProperty("msgtype").GetString());
            var markdown = json.RootElement.GetProperty("markdown");
            Assert.StartsWith("【催办提醒】2024年6月4日", markdown.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.Contains("签收提醒", markdown.GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        // A unit with only the robot chosen gets no inbox message; the other unit's inbox got one.
        await using (var db = app.NewDbContext())
        {
            Assert.False(await db.ReminderDeliveries.AnyAsync(r => r.OrgUnitId == other && r.Channel == ReminderChannel.Inbox));
            Assert.Equal(1, await db.UnitNotices.CountAsync(n => n.OrgUnitId == data && n.Title.StartsWith("【催办提醒】")));
        }
    }

    [Fact]
    public async Task An_escalation_reaches_the_units_leader_contact_by_mail_and_the_leaders_inbox()
    {
        await using var smtp = new SmtpReceiver();
        using var app = new ReminderAppFactory();
        app.Settings["Reminders:Smtp:Host"] = "127.0.0.1";
        app.Settings["Reminders:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        app.Settings["Reminders:Smtp:Security"] = "None";
        app.Settings["Reminders:Smtp:From"] = "duban@example.gov.cn";
        app.StartServer();
        await app.PublishPlanAsync();
        var data = await app.UnitIdAsync("市数据资源局");
        Assert.True((await app.Get<ReminderContactService>().SaveUnitContactAsync(ReminderAppFactory.Office, data, new ReminderContact
        {
            Channels = ReminderChannels.Inbox,
            LeaderName = "王副局长",
            LeaderEmail = "wang@example.gov.cn",
        })).Succeeded);

        // 一.3 is due 31 July 2024; seven days later, Wednesday 7 August, it escalates.
        var escalationDay = new DateOnly(2024, 8, 7);
        var due = await app.Get<ReminderPlanner>().DueOnAsync(escalationDay);
        Assert.Contains(due, d => d.UnitId == data && d.TaskPath == "一.3" && d.Kind == ReminderKind.Escalation);
        app.SetDay(escalationDay);
        await app.Get<ReminderPlanningJob>().RunAsync();
        await app.Get<ReminderDeliveryJob>().SendDueAsync();

        var mail = Assert.Single(smtp.Messages);
        Assert.Contains("wang@example.gov.cn", mail.To[0], StringComparison.Ordinal);
        Assert.Contains("市数据资源局王副局长", mail.Message.Subject, StringComparison.Ordinal);
        Assert.Contains("〔升级督办〕", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("〔逾期催办〕", mail.Message.TextBody, StringComparison.Ordinal);

        await using var db = app.NewDbContext();
        var leaderId = await db.Users.Where(u => u.UserName == "leader").Select(u => u.Id).SingleAsync();
        var notice = await db.PersonalNotices.SingleAsync(n => n.UserId == leaderId);
        Assert.Contains("升级督办", notice.Body, StringComparison.Ordinal);
        Assert.Contains("市数据资源局", notice.Body, StringComparison.Ordinal);
    }
}
