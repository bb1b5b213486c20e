using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Tests.Domain;

public class UnitGroupTests
{
    [Fact]
    public void Fanning_out_gives_each_member_once_in_pinyin_order()
    {
        var si = new OrgUnit { Id = 1, Name = "泗县人民政府" };
        var ling = new OrgUnit { Id = 2, Name = "灵璧县人民政府" };
        var dang = new OrgUnit { Id = 3, Name = "砀山县人民政府" };
        var group = new UnitGroup { Name = "县区政府", Members = [si, ling, si, dang] };

        Assert.Equal(["砀山县人民政府", "灵璧县人民政府", "泗县人民政府"], group.FanOut().Select(u => u.Name));
    }

    [Fact]
    public void A_group_without_members_fans_out_to_nobody() =>
        Assert.Empty(new UnitGroup { Name = "相关各部门" }.FanOut());

    [Fact]
    public void A_unit_answers_to_its_name_and_its_aliases_only()
    {
        var unit = new OrgUnit { Name = "市发展改革委", Aliases = ["市发改委"] };

        Assert.True(unit.IsNamed("市发展改革委"));
        Assert.True(unit.IsNamed("市发改委"));
        Assert.False(unit.IsNamed("市财政局"));
    }
}
