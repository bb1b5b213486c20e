using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Units;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Features.Units;

public class UnitGroupServiceTests(SeededDatabase db) : IClassFixture<SeededDatabase>
{
    private UnitGroupService Service => db.Get<UnitGroupService>();

    private async Task<int> GroupIdAsync(string name)
    {
        await using var data = db.NewContext();
        return await data.UnitGroups.Where(g => g.Name == name).Select(g => g.Id).SingleAsync();
    }

    private async Task<List<int>> UnitIdsAsync(params string[] names)
    {
        await using var data = db.NewContext();
        var ids = await data.Units.Where(u => names.Contains(u.Name)).Select(u => u.Id).ToListAsync();
        Assert.Equal(names.Length, ids.Count);
        return ids;
    }

    private async Task<List<string>> FanOutAsync(int groupId)
    {
        await using var data = db.NewContext();
        var group = await data.UnitGroups.Include(g => g.Members).SingleAsync(g => g.Id == groupId);
        return group.FanOut().Select(u => u.Name).ToList();
    }

    [Fact]
    public async Task The_group_comes_with_its_members_and_every_unit_in_pinyin_order()
    {
        var groupId = await GroupIdAsync("市政府有关部门");
        var members = await UnitIdsAsync("市财政局");
        await Service.SetMembersAsync(groupId, members);

        var membership = (await Service.GetAsync(groupId)).Value;

        Assert.Equal("市政府有关部门", membership.Name);
        Assert.Equal(members.ToHashSet(), membership.MemberIds);
        await using var data = db.NewContext();
        Assert.Equal(await data.Units.CountAsync(), membership.Units.Count);
        Assert.Equal(membership.Units.Select(u => u.Name).Order(ChineseOrder.Names), membership.Units.Select(u => u.Name));
        Assert.Equal(OutcomeKind.NotFound, (await Service.GetAsync(-1)).Kind);
    }

    [Fact]
    public async Task Setting_members_makes_the_group_fan_out_to_them()
    {
        var groupId = await GroupIdAsync("县区政府");
        var units = await UnitIdsAsync("市数据资源局", "市财政局");

        var result = await Service.SetMembersAsync(groupId, units);

        Assert.True(result.Succeeded, result.Message);
        Assert.Contains("2 个成员单位", result.Message);
        Assert.Equal(["市财政局", "市数据资源局"], await FanOutAsync(groupId));
        Assert.Equal(units.ToHashSet(), (await Service.GetAsync(groupId)).Value.MemberIds);
    }

    [Fact]
    public async Task Saving_again_replaces_the_members_instead_of_adding_to_them()
    {
        var groupId = await GroupIdAsync("市政府部门");
        await Service.SetMembersAsync(groupId, await UnitIdsAsync("市数据资源局", "市财政局"));

        var result = await Service.SetMembersAsync(groupId, await UnitIdsAsync("市财政局"));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(["市财政局"], await FanOutAsync(groupId));
        Assert.True((await Service.SetMembersAsync(groupId, [])).Succeeded);
        Assert.Empty(await FanOutAsync(groupId));
    }

    [Fact]
    public async Task An_unknown_group_is_refused_in_chinese()
    {
        var result = await Service.SetMembersAsync(-1, await UnitIdsAsync("市财政局"));

        Assert.Equal(OutcomeKind.NotFound, result.Kind);
        Assert.Contains("找不到这个单位组", result.Message);
    }

    [Fact]
    public async Task Units_that_no_longer_exist_refuse_the_whole_save()
    {
        var groupId = await GroupIdAsync("县区政府");
        var before = await FanOutAsync(groupId);
        var units = await UnitIdsAsync("市数据资源局");

        var result = await Service.SetMembersAsync(groupId, [.. units, int.MaxValue]);

        Assert.Equal(OutcomeKind.Conflict, result.Kind);
        Assert.Contains("已不存在", result.Message);
        Assert.Equal(before, await FanOutAsync(groupId));
    }

    [Fact]
    public async Task A_missing_unit_is_added_with_its_name_trimmed()
    {
        var result = await Service.AddUnitAsync("  市档案馆 ", OrgUnitKind.Other);

        Assert.True(result.Succeeded, result.Message);
        await using var data = db.NewContext();
        var unit = await data.Units.SingleAsync(u => u.Id == result.Value);
        Assert.Equal(("市档案馆", OrgUnitKind.Other), (unit.Name, unit.Kind));
    }

    [Fact]
    public async Task A_name_or_alias_already_in_the_directory_is_refused()
    {
        await using var data = db.NewContext();
        var aliased = await data.Units.SingleAsync(u => u.Name == "市数据资源管理局");
        aliased.Aliases.Add("市数管局");
        await data.SaveChangesAsync();
        var count = await data.Units.CountAsync();

        var byName = await Service.AddUnitAsync("市财政局", OrgUnitKind.Department);
        var byAlias = await Service.AddUnitAsync("市数管局", OrgUnitKind.Department);

        Assert.Equal(OutcomeKind.Conflict, byName.Kind);
        Assert.Contains("单位“市财政局”已存在", byName.Message);
        Assert.Equal(OutcomeKind.Conflict, byAlias.Kind);
        Assert.Contains("市数据资源管理局", byAlias.Message);
        Assert.Equal(count, await data.Units.CountAsync());
    }

    [Theory]
    [InlineData("各县(市、区)政府")]
    [InlineData("市直有关部门")]
    [InlineData("县区政府")]
    public async Task A_group_like_name_is_refused_as_a_unit(string name)
    {
        var result = await Service.AddUnitAsync(name, OrgUnitKind.Government);

        Assert.False(result.Succeeded);
        Assert.Contains("这是单位组名称", result.Message);
        await using var data = db.NewContext();
        Assert.False(await data.Units.AnyAsync(u => u.Name == name));
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("")]
    public async Task An_empty_name_is_refused(string name)
    {
        var result = await Service.AddUnitAsync(name, OrgUnitKind.Department);

        Assert.False(result.Succeeded);
        Assert.Contains("请填写单位名称", result.Message);
    }
}
