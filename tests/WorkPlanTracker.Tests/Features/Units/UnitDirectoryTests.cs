using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Units;

namespace WorkPlanTracker.Tests.Features.Units;

public class UnitDirectoryTests(SeededDatabase db) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task An_abbreviation_the_office_did_not_confirm_becomes_a_new_unit_not_a_silent_merge()
    {
        await using (var setup = db.NewContext())
        {
            setup.Units.Add(new OrgUnit { Name = "测试市住房和城乡建设局" });
            await setup.SaveChangesAsync();
        }

        await using var data = db.NewContext();
        var directory = await UnitDirectory.LoadAsync(data);

        var (unit, _) = directory.Resolve("测试市住建局");
        await data.SaveChangesAsync();

        Assert.Equal("测试市住建局", unit!.Name);
        await using var check = db.NewContext();
        Assert.DoesNotContain("测试市住建局", (await check.Units.SingleAsync(u => u.Name == "测试市住房和城乡建设局")).Aliases);
    }

    [Fact]
    public async Task A_confirmed_merge_resolves_to_the_known_unit_and_is_kept_as_its_alias()
    {
        int knownId;
        await using (var setup = db.NewContext())
        {
            var known = new OrgUnit { Name = "乙市住房和城乡建设局" };
            setup.Units.Add(known);
            await setup.SaveChangesAsync();
            knownId = known.Id;
        }

        await using var data = db.NewContext();
        var directory = await UnitDirectory.LoadAsync(data);
        directory.MergeConfirmed(new Dictionary<string, int> { ["乙市住建局"] = knownId });

        var (unit, group) = directory.Resolve("乙市住建局");
        await data.SaveChangesAsync();

        Assert.Null(group);
        Assert.Equal(knownId, unit!.Id);
        await using var check = db.NewContext();
        Assert.Contains("乙市住建局", (await check.Units.SingleAsync(u => u.Id == knownId)).Aliases);
        Assert.False(await check.Units.AnyAsync(u => u.Name == "乙市住建局"));
    }

    [Fact]
    public async Task A_name_written_with_spaces_or_a_trailing_etc_is_the_known_unit_without_asking()
    {
        await using (var setup = db.NewContext())
        {
            setup.Units.Add(new OrgUnit { Name = "丙市数据资源局" });
            await setup.SaveChangesAsync();
        }

        await using var data = db.NewContext();
        var directory = await UnitDirectory.LoadAsync(data);

        var spaced = directory.Resolve("丙市数据 资源局").Unit;
        var etc = directory.Resolve("丙市数据资源局等").Unit;
        await data.SaveChangesAsync();

        Assert.Equal(["丙市数据资源局", "丙市数据资源局"], new[] { spaced!.Name, etc!.Name });
        await using var check = db.NewContext();
        Assert.Equal(1, await check.Units.CountAsync(u => u.Name.StartsWith("丙市数据")));
    }

    [Fact]
    public async Task Group_names_become_groups_and_unknown_names_new_units_each_once()
    {
        await using var data = db.NewContext();
        var directory = await UnitDirectory.LoadAsync(data);

        var first = directory.Resolve("测试相关各部门");
        var again = directory.Resolve("测试相关各部门");
        var (unit, _) = directory.Resolve("测试县档案馆");
        await data.SaveChangesAsync();

        Assert.Null(first.Unit);
        Assert.Same(first.Group, again.Group);
        Assert.Equal(OrgUnitKind.Department, unit!.Kind);
        await using var check = db.NewContext();
        Assert.Equal(1, await check.UnitGroups.CountAsync(g => g.Name == "测试相关各部门"));
        Assert.Equal(1, await check.Units.CountAsync(u => u.Name == "测试县档案馆"));
    }
}
