using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>One unit note after the last sub-item of a group names the units of every sub-item of that group.</summary>
public sealed class GroupNoteTests
{
    private static readonly PlanTextParser Parser = new();

    [Fact]
    public void A_note_after_the_last_sub_item_covers_the_whole_group_but_not_the_next_group()
    {
        var plan = Parser.Parse("""
            2019年乡村旅游行动方案
            一、重点任务
            (一)编制规划
            1.打造延伸产品。推进特色村建设。
            2.推动景村一体化。打造精品线路。(责任单位：区旅游委、规划局)
            (二)提升设施
            1.乡村旅游公路。加快改造提升。(责任单位：交通局)
            2.游客服务中心。新建游客中心。(责任单位：旅游集团)
            """);

        Assert.Equal(["区旅游委", "规划局"], plan.Tasks.Single(t => t.Path == "一.(一).1").LeadUnits);
        Assert.Equal(["交通局"], plan.Tasks.Single(t => t.Path == "一.(二).1").LeadUnits);
    }

    [Fact]
    public void A_note_after_a_list_inside_one_sentence_is_not_shared_by_its_entries()
    {
        var plan = Parser.Parse("""
            2017年便民措施
            一、推进自助办理
            1.办理通行证自助申请；
            2.通行证自助缴费。(牵头单位：区公安局)
            """);

        Assert.Empty(plan.Tasks.Single(t => t.Path == "一.1").LeadUnits);
    }
}
