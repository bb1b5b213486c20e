namespace WorkPlanTracker.IntegrationTests.Features.Accounts;

/// <summary>Installations without a configured administrator password (each test starts its own apps).</summary>
public class FirstAdministratorTests
{
    [Fact]
    public async Task Without_a_configured_password_a_generated_one_is_printed_once_and_differs_between_installations()
    {
        string PasswordFrom(AppFactory factory) =>
            factory.LogMessages.Single(m => m.Contains("初始密码", StringComparison.Ordinal)).Split("初始密码：")[1].Split('（')[0];

        using var first = new AppFactory();
        first.Settings["Accounts:AdminPassword"] = null;
        first.StartServer();
        using var second = new AppFactory();
        second.Settings["Accounts:AdminPassword"] = null;
        second.StartServer();

        var password = PasswordFrom(first);
        Assert.NotEqual(password, PasswordFrom(second));
        var client = await first.SignedInClientAsync("admin", password);
        Assert.Contains("工作计划", await client.GetStringAsync("/"));
    }
}
