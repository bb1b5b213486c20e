using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Tests.Domain;

public class UnitNameRulesTests
{
    [Theory]
    [InlineData("各县(市、区)政府")]
    [InlineData("市政府各部门")]
    [InlineData("相关各部门")]
    [InlineData("有关单位")]
    [InlineData("县区政府")]
    [InlineData("市政府部门")]
    [InlineData("各级各部门")]
    public void Names_that_stand_for_many_units_are_groups(string name) =>
        Assert.True(UnitNameRules.IsGroupName(name));

    [Theory]
    [InlineData("市数据资源局")]
    [InlineData("区发展改革委")]
    [InlineData("市财政局(国资委)")]
    [InlineData("市政府办公室")]
    [InlineData("区编委办")]
    [InlineData("办公室")]
    [InlineData("")]
    public void Names_of_one_unit_are_not_groups(string name) =>
        Assert.False(UnitNameRules.IsGroupName(name));

    [Theory]
    [InlineData("高新区管委会", OrgUnitKind.Government)]
    [InlineData("埇桥区人民政府", OrgUnitKind.Government)]
    [InlineData("政策法规处", OrgUnitKind.Division)]
    [InlineData("市政府办公室", OrgUnitKind.Department)]
    [InlineData("市数据资源局", OrgUnitKind.Department)]
    public void The_kind_of_a_unit_is_guessed_from_its_name(string name, OrgUnitKind kind) =>
        Assert.Equal(kind, UnitNameRules.GuessKind(name));
}
