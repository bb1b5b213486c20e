using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Accounts;

namespace WorkPlanTracker.IntegrationTests.Browser;

/// <summary>The inbox bell in the top bar and the office's reminder pages, as people see them.</summary>
[Collection(SecondBrowserCollection.Name)]
public class ReminderBrowserTests(BrowserFixture browser) : BrowserTests(browser)
{
    [Fact]
    public async Task The_bell_shows_the_unread_count_on_every_page_and_it_goes_down_after_reading()
    {
        int unitId;
        await using (var db = Browser.App.NewDbContext())
        {
            unitId = await db.Units.Where(u => u.Name == "市数据资源局").Select(u => u.Id).SingleAsync();
            for (var i = 1; i <= 3; i++)
            {
                db.UnitNotices.Add(new UnitNotice
                {
                    OrgUnitId = unitId,
                    Title = $"【催办提醒】测试消息 {i}",
                    Body = $"市数据资源局：以下 {i} 项工作需要关注。",
                    Link = "assignments",
                    CreatedAtUtc = DateTime.UtcNow.AddMinutes(i),
                });
            }

            await db.SaveChangesAsync();
        }

        var expected = await UnreadAsync(unitId);
        Assert.True(expected >= 3);
        var unit = await Browser.NewSessionAsync("unit", DemoAccounts.Password);

        var page = await Browser.OpenAsync("/assignments", unit);
        await Assertions.Expect(page.Locator("#inbox-unread")).ToHaveTextAsync(expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await BrowserFixture.ScreenshotAsync(page, "inbox-bell");
        var plans = await Browser.OpenAsync("/", unit);
        await Assertions.Expect(plans.Locator("#inbox-unread")).ToHaveTextAsync(expected.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var inbox = await Browser.OpenAsync("/inbox", unit);
        await Assertions.Expect(inbox.Locator(".inbox-list")).ToContainTextAsync("【催办提醒】测试消息 3");
        await BrowserFixture.UntilAsync(async () =>
        {
            // Click again only while the first click has not reached the server (handlers attach just after connecting).
            if (await UnreadAsync(unitId) == expected)
            {
                await inbox.Locator(".inbox-unread .mark-read").First.ClickAsync();
                await Task.Delay(300);
            }

            return await UnreadAsync(unitId) == expected - 1;
        });
        await Assertions.Expect(inbox.Locator("#inbox-unread")).ToHaveTextAsync((expected - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await BrowserFixture.ScreenshotAsync(inbox, "inbox-after-reading-one");

        await inbox.Locator("#mark-all-read").ClickAsync();
        await Assertions.Expect(inbox.Locator("#inbox-unread")).ToHaveCountAsync(0);
        Assert.Equal(0, await UnreadAsync(unitId));

        // Read state is per user: the office, which is not in the unit, has its own (empty) inbox; the notices stay unread for other unit users.
        await using var check = Browser.App.NewDbContext();
        var readers = await check.NoticeReadMarks.Select(m => m.UserId).Distinct().ToListAsync();
        var reader = Assert.Single(readers);
        Assert.Equal(await check.Users.Where(u => u.UserName == "unit").Select(u => u.Id).SingleAsync(), reader);
    }

    [Fact]
    public async Task The_office_sees_the_delivery_log_with_failures_and_edits_the_rules()
    {
        await using (var db = Browser.App.NewDbContext())
        {
            var today = WorkCalendar.DateOf(DateTime.UtcNow);
            var sent = new ReminderDelivery
            {
                RecipientKey = "unit:browser-1", RecipientName = "市数据资源局", Channel = ReminderChannel.Inbox, Day = today,
                Title = "【催办提醒】", ItemsJson = """[{"assignmentId":1,"unitName":"市数据资源局","kind":7,"taskPath":"一.3","taskTitle":"助力优化政务服务","planYear":2024,"planTitle":"2024年宿州市政务公开重点工作任务分工方案","date":"2024-07-31","text":"交办已 3 天尚未签收"}]""",
                ItemCount = 1, Attempts = 1, CreatedAtUtc = DateTime.UtcNow,
            };
            sent.RecordSent(DateTime.UtcNow);
            var failed = new ReminderDelivery
            {
                RecipientKey = "unit:browser-1", RecipientName = "市数据资源局", Channel = ReminderChannel.Email, Address = "sjzyj@example.gov.cn", Day = today,
                Title = "【催办提醒】", ItemsJson = "[]", ItemCount = 0, Attempts = 5, CreatedAtUtc = DateTime.UtcNow,
            };
            failed.RecordFailure("未配置邮件服务器（Reminders:Smtp:Host），无法发送邮件", DateTime.UtcNow, TimeSpan.FromMinutes(5), maxAttempts: 5);
            db.ReminderDeliveries.AddRange(sent, failed);
            await db.SaveChangesAsync();
        }

        var office = await Browser.NewSessionAsync("office", DemoAccounts.Password);
        var log = await Browser.OpenAsync("/reminders/log", office);
        await Assertions.Expect(log.Locator("table.delivery-log")).ToContainTextAsync("未配置邮件服务器");
        await Assertions.Expect(log.Locator("table.delivery-log")).ToContainTextAsync("已发送");
        await BrowserFixture.ScreenshotAsync(log, "reminder-log");

        var settings = await Browser.OpenAsync("/reminders/settings", office);
        await Assertions.Expect(settings.Locator("#ladder")).ToHaveValueAsync("7,3,1");
        await BrowserFixture.UntilAsync(async () =>
        {
            await BrowserFixture.EnterAsync(settings.Locator("#repeat"), "2");
            await settings.Locator("#save-settings").ClickAsync();
            return await settings.Locator(".alert-success").CountAsync() > 0;
        });
        await BrowserFixture.ScreenshotAsync(settings, "reminder-settings");
        await using (var db = Browser.App.NewDbContext())
        {
            Assert.Equal(2, (await db.ReminderSettings.SingleAsync()).OverdueRepeatDays);
        }

        var contacts = await Browser.OpenAsync("/reminders/contacts", office);
        var row = contacts.Locator("table.contact-table tr", new PageLocatorOptions { HasText = "市数据资源局" }).First;
        await BrowserFixture.UntilAsync(async () =>
        {
            await row.Locator(".edit-contact").ClickAsync();
            return await contacts.Locator("#contact-editor").CountAsync() > 0;
        });
        await contacts.Locator("#unit-email-on").CheckAsync();
        await BrowserFixture.EnterAsync(contacts.Locator("#unit-email"), "sjzyj@example.gov.cn");
        await BrowserFixture.EnterAsync(contacts.Locator("#unit-leader"), "王副局长");
        await BrowserFixture.EnterAsync(contacts.Locator("#unit-leader-email"), "wang@example.gov.cn");
        await BrowserFixture.ScreenshotAsync(contacts, "reminder-contact-editor");
        await contacts.Locator("#save-contact").ClickAsync();
        await Assertions.Expect(contacts.Locator(".alert-success")).ToContainTextAsync("提醒方式已保存");
        await using (var db = Browser.App.NewDbContext())
        {
            var contact = await db.ReminderContacts.SingleAsync(c => c.OrgUnit!.Name == "市数据资源局");
            Assert.Equal(ReminderChannels.Inbox | ReminderChannels.Email, contact.Channels);
            Assert.Equal("sjzyj@example.gov.cn", contact.Email);
            Assert.Equal("wang@example.gov.cn", contact.LeaderEmail);
        }

        await Assertions.Expect(row).ToContainTextAsync("站内消息、邮件");
    }

    private async Task<int> UnreadAsync(int unitId)
    {
        await using var db = Browser.App.NewDbContext();
        var userId = await db.Users.Where(u => u.UserName == "unit").Select(u => u.Id).SingleAsync();
        return await db.UnitNotices.CountAsync(n => n.OrgUnitId == unitId && !db.NoticeReadMarks.Any(m => m.UserId == userId && m.UnitNoticeId == n.Id));
    }
}
