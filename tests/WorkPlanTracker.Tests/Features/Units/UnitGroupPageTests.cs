using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkPlanTracker.Features.Units;

namespace WorkPlanTracker.Tests.Features.Units;

public class UnitGroupPageTests(SeededDatabase db) : IClassFixture<SeededDatabase>
{
    private async Task<(int GroupId, int UnitId)> IdsAsync(string group, string unit)
    {
        await using var data = db.NewContext();
        return (await data.UnitGroups.Where(g => g.Name == group).Select(g => g.Id).SingleAsync(),
                await data.Units.Where(u => u.Name == unit).Select(u => u.Id).SingleAsync());
    }

    private async Task<List<string>> MemberNamesAsync(int groupId)
    {
        await using var data = db.NewContext();
        return (await data.UnitGroups.Include(g => g.Members).SingleAsync(g => g.Id == groupId)).FanOut().Select(u => u.Name).ToList();
    }

    private IRenderedComponent<UnitGroupPage> Render(BunitContext ctx, int groupId)
    {
        ctx.Services.AddSingleton(db.Get<UnitGroupService>());
        var page = ctx.Render<UnitGroupPage>(p => p.Add(x => x.GroupId, groupId));
        page.WaitForAssertion(() => Assert.DoesNotContain("正在加载", page.Markup));
        return page;
    }

    private static List<string> Checked(IRenderedComponent<UnitGroupPage> page) =>
        page.FindAll(".unit-choices input[type=checkbox]").Where(c => c.HasAttribute("checked")).Select(c => c.NextElementSibling!.TextContent).ToList();

    [Fact]
    public async Task The_members_are_listed_checked_among_all_units()
    {
        var (groupId, unitId) = await IdsAsync("各县(市、区)政府", "市财政局");
        Assert.True((await db.Get<UnitGroupService>().SetMembersAsync(groupId, [unitId])).Succeeded);
        await using var ctx = new BunitContext();

        var page = Render(ctx, groupId);

        Assert.Equal("各县(市、区)政府", page.Find("h1").TextContent);
        await using var data = db.NewContext();
        Assert.Equal(await data.Units.CountAsync(), page.FindAll(".unit-choices li").Count);
        Assert.Equal(["市财政局"], Checked(page));
        Assert.NotNull(page.Find("a[href='units']"));
    }

    [Fact]
    public async Task Typing_in_the_filter_narrows_the_list_and_select_all_ticks_only_those()
    {
        var (groupId, _) = await IdsAsync("区政府各部门", "市财政局");
        await using var ctx = new BunitContext();
        var page = Render(ctx, groupId);

        page.Find("#group-filter").Input("财政");
        page.Find("#select-visible").Click();

        var listed = page.FindAll(".unit-choices label").Select(l => l.TextContent).ToList();
        Assert.NotEmpty(listed);
        Assert.All(listed, name => Assert.Contains("财政", name));
        Assert.Equal(listed, Checked(page));
        page.Find("#group-filter").Input("");
        Assert.Equal(listed, Checked(page));
    }

    [Fact]
    public async Task Saving_stores_the_ticked_units_as_the_members()
    {
        var (groupId, unitId) = await IdsAsync("相关各部门", "市数据资源局");
        await using var ctx = new BunitContext();
        var page = Render(ctx, groupId);

        page.Find($"#unit-{unitId}").Change(true);
        page.Find("#save-members").Click();

        page.WaitForAssertion(() => Assert.Contains("已保存", page.Find(".alert-success").TextContent));
        Assert.Equal(["市数据资源局"], await MemberNamesAsync(groupId));
    }

    [Fact]
    public async Task An_added_unit_appears_checked_and_joins_on_save()
    {
        var (groupId, _) = await IdsAsync("各相关部门", "市财政局");
        await using var ctx = new BunitContext();
        var page = Render(ctx, groupId);

        page.Find("#new-unit-name").Change("市地方志办公室");
        page.Find("#add-unit").Click();

        page.WaitForAssertion(() => Assert.Equal(["市地方志办公室"], Checked(page)));
        page.Find("#save-members").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".alert-success")));
        Assert.Equal(["市地方志办公室"], await MemberNamesAsync(groupId));
    }

    [Fact]
    public async Task A_group_like_name_is_refused_with_the_reason()
    {
        var (groupId, _) = await IdsAsync("各相关部门", "市财政局");
        await using var ctx = new BunitContext();
        var page = Render(ctx, groupId);

        page.Find("#new-unit-name").Change("各乡镇政府");
        page.Find("#add-unit").Click();

        page.WaitForAssertion(() => Assert.Contains("这是单位组名称", page.Find(".alert-danger").TextContent));
    }

    [Fact]
    public async Task An_unknown_group_says_so()
    {
        await using var ctx = new BunitContext();

        var page = Render(ctx, -1);

        Assert.Contains("找不到这个单位组", page.Find("h1").TextContent);
        Assert.Empty(page.FindAll("#save-members"));
    }
}
