using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Browser;

[Collection(BrowserCollection.Name)]
public class AccountBrowserTests(BrowserFixture browser) : BrowserTests(browser)
{
    [Fact]
    public async Task The_login_page_speaks_chinese_and_refuses_a_wrong_password()
    {
        var context = await Browser.Browser.NewContextAsync(new() { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Browser.Url("/units"));

        await page.WaitForURLAsync("**/account/login**");
        await page.Locator("#login-user").FillAsync("admin");
        await page.Locator("#login-password").FillAsync("wrong-password-9");
        await page.Locator("#login-submit").ClickAsync();

        await Assertions.Expect(page.Locator(".alert-danger")).ToHaveTextAsync("用户名或密码不正确。");
        await BrowserFixture.ScreenshotAsync(page, "login");
        await context.CloseAsync();
    }

    [Fact]
    public async Task An_administrator_creates_a_leadership_account_who_then_signs_in()
    {
        var page = await Browser.OpenAsync("/admin/users");
        var userName = "leader" + Guid.NewGuid().ToString("N")[..6];

        // Only while the account does not exist yet: a second click after a slow first one would rightly be refused.
        await BrowserFixture.UntilAsync(async () =>
        {
            if (await UserExistsAsync(userName))
            {
                return true;
            }

            await BrowserFixture.EnterAsync(page.Locator("#new-user"), userName);
            await BrowserFixture.EnterAsync(page.Locator("#new-name"), "王副市长");
            await page.Locator("#new-role").SelectOptionAsync(AppRoles.Leadership);
            await BrowserFixture.EnterAsync(page.Locator("#new-password"), "Leader-12345x");
            await page.Locator("#create-user").ClickAsync();
            return await UserExistsAsync(userName);
        });
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync($"已创建账号 {userName}");

        await Assertions.Expect(page.Locator("table.user-table")).ToContainTextAsync(userName);
        await BrowserFixture.ScreenshotAsync(page, "user-admin");

        var row = page.Locator("table.user-table tr", new PageLocatorOptions { HasText = userName });
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "编辑" }).ClickAsync();
        await BrowserFixture.EnterAsync(page.Locator("#edit-name"), "王市长");
        await BrowserFixture.ScreenshotAsync(page, "user-admin-edit");
        await page.Locator("#save-user").ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync($"已保存 {userName} 的账号设置");
        await Assertions.Expect(row).ToContainTextAsync("王市长");
        var leader = await Browser.NewSessionAsync(userName, "Leader-12345x");
        var home = await Browser.OpenAsync("/", leader);
        await Assertions.Expect(home.Locator(".app-user")).ToContainTextAsync(userName);
        await Assertions.Expect(home.Locator(".app-nav")).Not.ToContainTextAsync("导入计划");
        await leader.CloseAsync();
    }

    private async Task<bool> UserExistsAsync(string userName)
    {
        await using var db = Browser.App.NewDbContext();
        return await db.Users.AnyAsync(u => u.UserName == userName);
    }
}
