using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Features.Accounts;

namespace WorkPlanTracker.IntegrationTests.Features.Units;

[Collection(SharedAppCollection.Name)]
public class UnitGroupAccessTests(AppFactory app)
{
    private async Task<int> GroupIdAsync()
    {
        await using var db = app.NewDbContext();
        return await db.UnitGroups.Where(g => g.Name == "县区政府").Select(g => g.Id).SingleAsync();
    }

    [Theory]
    [InlineData("unit")]
    [InlineData("leader")]
    public async Task Units_and_leaders_cannot_set_a_groups_members(string userName)
    {
        var client = await app.SignedInClientAsync(userName, DemoAccounts.Password);

        var response = await client.GetAsync($"/units/groups/{await GroupIdAsync()}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("office", DemoAccounts.Password)]
    [InlineData("admin", AppFactory.AdminPassword)]
    public async Task The_planning_office_and_administrators_get_the_page(string userName, string password)
    {
        var client = await app.SignedInClientAsync(userName, password);

        var response = await client.GetAsync($"/units/groups/{await GroupIdAsync()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("县区政府", html);
        Assert.Contains("保存", html);
    }

    [Fact]
    public async Task An_unknown_group_gets_a_friendly_message()
    {
        var client = await app.SignedInClientAsync("office", DemoAccounts.Password);

        var html = await client.GetStringAsync("/units/groups/999999");

        Assert.Contains("找不到这个单位组", html);
    }
}
