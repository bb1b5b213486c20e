using Bunit;
using WorkPlanTracker.Features.Accounts;

namespace WorkPlanTracker.Tests.Features.Accounts;

public class UnitPickerTests
{
    private static readonly IReadOnlyList<UnitChoice> SeventyOneUnits =
        [new(1, "市财政局"), new(2, "区财政局"), new(3, "市数据资源局"), .. Enumerable.Range(4, 68).Select(i => new UnitChoice(i, $"第{i}单位"))];

    [Fact]
    public async Task Typing_part_of_a_name_narrows_the_list_and_ticking_chooses_the_unit()
    {
        await using var ctx = new BunitContext();
        List<int>? chosen = null;
        var picker = ctx.Render<UnitPicker>(p => p
            .Add(x => x.Units, SeventyOneUnits)
            .Add(x => x.Chosen, [])
            .Add(x => x.ChosenChanged, (List<int> ids) => chosen = ids));
        Assert.Equal(71, picker.FindAll(".unit-picker-list input[type=checkbox]").Count);

        picker.Find("input.unit-picker-filter").Input("财政");

        var shown = picker.FindAll(".unit-picker-list .form-check-label").Select(l => l.TextContent).ToList();
        Assert.Equal(["市财政局", "区财政局"], shown);
        picker.FindAll(".unit-picker-list input[type=checkbox]")[1].Change(true);
        Assert.Equal([2], chosen);
    }

    [Fact]
    public async Task Chosen_units_stay_listed_whatever_the_filter_and_can_be_removed()
    {
        await using var ctx = new BunitContext();
        List<int>? chosen = null;
        var picker = ctx.Render<UnitPicker>(p => p
            .Add(x => x.Units, SeventyOneUnits)
            .Add(x => x.Chosen, [3, 40])
            .Add(x => x.ChosenChanged, (List<int> ids) => chosen = ids));

        picker.Find("input.unit-picker-filter").Input("财政");

        Assert.Equal(["市数据资源局", "第40单位"], picker.FindAll(".unit-picker-chosen .badge").Select(b => b.TextContent.Trim()).ToList());
        picker.Find(".unit-picker-chosen button[aria-label='移除 第40单位']").Click();
        Assert.Equal([3], chosen);
    }

    [Fact]
    public async Task A_filter_that_matches_nothing_says_so()
    {
        await using var ctx = new BunitContext();
        var picker = ctx.Render<UnitPicker>(p => p.Add(x => x.Units, SeventyOneUnits).Add(x => x.Chosen, []));

        picker.Find("input.unit-picker-filter").Input("不存在");

        Assert.Contains("没有名称含“不存在”的单位", picker.Markup, StringComparison.Ordinal);
    }
}
