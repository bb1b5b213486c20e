using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Units;

namespace WorkPlanTracker.Tests.Features.Units;

public class UnitDirectoryTests(SeededDatabase db) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task A_sure_abbreviation_resolves_to_the_known_unit_and_is_kept_as_its_alias()
    {
        await using (var setup = db.NewContext())
        {
            setup.Units.Add(new OrgUnit { Name = "测试市住房和城乡建设局" });
            await setup.SaveChangesAsync();
        }

        await using var data = db.NewContext();
        var directory = await UnitDirectory.LoadAsync(data);

        var (unit, group) = directory.Resolve("测试市住建局");
        await data.SaveChangesAsync();

        Assert.Null(group);
        Assert.Equal("测试市住房和城乡建设局", unit!.Name);
        await using var check = db.NewContext();
        Assert.Contains("测试市住建局", (await check.Units.SingleAsync(u => u.Name == "测试市住房和城乡建设局")).Aliases);
        Assert.False(await check.Units.AnyAsync(u => u.Name == "测试市住建局"));
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
