using System.Net;
using Microsoft.EntityFrameworkCore;

namespace WorkPlanTracker.IntegrationTests.Features.Plans;

/// <summary>The pages as the server renders them over HTTP, on the real database of a first start.</summary>
[Collection(SharedAppCollection.Name)]
public class PlanPagesHttpTests(AppFactory app)
{
    private Task<HttpClient> ClientAsync() => app.SignedInClientAsync("admin", AppFactory.AdminPassword);

    [Fact]
    public async Task The_home_page_lists_the_sample_plans_in_chinese()
    {
        var html = await (await ClientAsync()).GetStringAsync("/");

        Assert.Contains("<html lang=\"zh-CN\"", html);
        Assert.Contains("2024年宿州市政务公开重点工作任务分工方案", html);
        Assert.Contains("石家庄市2020年政务公开工作要点", html);
        Assert.Contains("宿政务办〔2024〕1号", html);
    }

    [Fact]
    public async Task A_plan_page_shows_its_tasks_units_and_deadlines()
    {
        await using var db = app.NewDbContext();
        var plan = await db.Plans.SingleAsync(p => p.Title == "石家庄市2020年政务公开工作要点");

        var html = await (await ClientAsync()).GetStringAsync($"/plans/{plan.Id}");

        Assert.Contains("加强权力配置信息公开", html);
        Assert.Contains("市委编办", html);
        Assert.Contains("2020年12月31日", html);
    }

    [Fact]
    public async Task The_units_page_lists_units_named_by_the_plans()
    {
        var html = await (await ClientAsync()).GetStringAsync("/units");

        Assert.Contains("市数据资源局", html);
        Assert.Contains("区编委办", html);
    }

    [Fact]
    public async Task An_unknown_address_gets_a_chinese_not_found_page()
    {
        var response = await (await ClientAsync()).GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync());
    }
}
