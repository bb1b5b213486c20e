using WorkPlanTracker.Features.UpperPlans;

namespace WorkPlanTracker.Tests.Features.UpperPlans;

public class UpperLinkProposerTests
{
    private static readonly UpperTaskText Interpretation = new(1, "二.3", "加强重大政策解读", "加强重大政策解读，提高政策解读质量。");

    private static readonly OwnTaskText[] Own =
    [
        new(10, "做好政策解读", "做好重大政策解读，提高政策解读质量和实效。"),
        new(11, "推进基层公开", "推进基层政务公开标准化规范化工作。"),
        new(12, "规范政府网站", "规范政府网站集约化建设，推进政务公开工作。"),
        new(13, "做好依申请公开", "做好依申请公开工作，落实省要点第3项。"),
    ];

    [Fact]
    public void A_task_whose_text_names_the_upper_item_number_comes_first_then_the_similar_text_and_the_unrelated_ones_not_at_all()
    {
        var proposals = UpperLinkProposer.Propose(Interpretation, Own, new HashSet<int>());

        Assert.Equal([13, 10], proposals.Select(p => p.OwnTaskId));
        Assert.Equal("本级任务注明对应“省要点第3项”", proposals[0].Reason);
        Assert.StartsWith("内容相近（相似度 ", proposals[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_already_linked_is_not_proposed_again()
    {
        var proposals = UpperLinkProposer.Propose(Interpretation, Own, new HashSet<int> { 10, 13 });

        Assert.Empty(proposals);
    }

    [Theory]
    [InlineData("落实上级计划第三条要求", "一.3", true)]
    [InlineData("对应省要点第十二项", "二.12", true)]
    [InlineData("对应省要点第12项", "二.(一).12", true)]
    [InlineData("对应省要点第2项", "二.12", false)]
    [InlineData("本市第3项重点工作", "一.3", false)]
    [InlineData("按照加强重大政策解读的要求推进", "九.9", true)]
    public void An_own_text_names_an_upper_task_by_a_reference_to_the_level_above_or_by_its_title(string ownText, string upperPath, bool named)
    {
        var upper = new UpperTaskText(1, upperPath, "加强重大政策解读", "");

        Assert.Equal(named, UpperLinkProposer.Names(ownText, upper) is not null);
    }

    [Fact]
    public void Words_every_task_shares_count_for_little()
    {
        var upper = new UpperTaskText(1, "一.1", "政务公开平台管理", "推进政务公开工作，做好政务公开平台管理。");
        var own = new OwnTaskText[]
        {
            new(1, "推进政务公开工作", "推进政务公开工作，做好档案整理。"),
            new(2, "推进政务公开工作", "推进政务公开工作，做好平台管理。"),
            new(3, "推进政务公开工作", "推进政务公开工作，开展培训。"),
        };

        var proposals = UpperLinkProposer.Propose(upper, own, new HashSet<int>());

        Assert.Equal(2, proposals[0].OwnTaskId);
    }

    [Fact]
    public void A_title_that_several_own_tasks_quote_is_a_common_phrase_not_a_reference()
    {
        var upper = new UpperTaskText(1, "一.1", "推进政务公开工作", "推进政务公开工作，做好政务公开平台管理。");
        var own = new OwnTaskText[]
        {
            new(1, "档案", "推进政务公开工作，做好档案整理。"),
            new(2, "平台", "推进政务公开工作，做好平台管理。"),
        };

        var proposals = UpperLinkProposer.Propose(upper, own, new HashSet<int>());

        Assert.Equal(2, proposals[0].OwnTaskId);
        Assert.All(proposals, p => Assert.StartsWith("内容相近", p.Reason, StringComparison.Ordinal));
    }
}
