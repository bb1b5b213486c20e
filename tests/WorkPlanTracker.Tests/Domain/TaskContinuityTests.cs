using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Tests.Domain;

public class TaskContinuityTests
{
    private static readonly TaskShape[] LastYear =
    [
        TaskShape.Of("深化政策解读，围绕重大政策开展多种形式的解读，提高解读质量。", ["市政府办公室"]),
        TaskShape.Of("做好政府信息公开工作年度报告的编制和发布工作。", ["市司法局"]),
        TaskShape.Of("推进基层政务公开标准化规范化建设，持续推进。", ["各县区政府"]),
    ];

    [Fact]
    public void A_reworded_task_with_the_same_lead_is_paired_with_last_years_and_new_work_with_nothing()
    {
        TaskShape[] thisYear =
        [
            TaskShape.Of("推进基层政务公开标准化规范化建设。", ["各县区政府"]),
            TaskShape.Of("建设统一的政策文件库，集中公开现行有效的规章。", ["市司法局"]),
            TaskShape.Of("深化政策解读，围绕重大政策开展多种形式解读，不断提高解读质量。", ["市政府办公室"]),
        ];

        var pairs = TaskContinuity.Pair(thisYear, LastYear);

        Assert.Equal([(0, 2), (2, 0)], pairs.Select(p => (p.Task, p.Previous)).Order().ToList());
        Assert.All(pairs, p => Assert.InRange(p.Score, TaskContinuity.ProposalThreshold, 1));
    }

    [Fact]
    public void Each_task_of_last_year_is_proposed_once_to_the_likeliest_task()
    {
        TaskShape[] thisYear =
        [
            TaskShape.Of("深化政策解读工作。", ["市政府办公室"]),
            TaskShape.Of("深化政策解读，围绕重大政策开展多种形式的解读，提高解读质量。", ["市政府办公室"]),
        ];

        var pair = Assert.Single(TaskContinuity.Pair(thisYear, LastYear));

        Assert.Equal((1, 0), (pair.Task, pair.Previous));
    }

    [Fact]
    public void The_same_text_under_other_units_scores_lower_than_under_the_same_units()
    {
        var text = "深化政策解读，围绕重大政策开展多种形式的解读。";

        var same = TaskContinuity.Score(TaskShape.Of(text, ["市政府办公室"]), TaskShape.Of(text, ["市政府办公室"]));
        var other = TaskContinuity.Score(TaskShape.Of(text, ["市司法局"]), TaskShape.Of(text, ["市政府办公室"]));

        Assert.Equal(1, same, 3);
        Assert.True(other < same);
        Assert.Equal(0, TaskContinuity.TextLikeness("，。", "政策"));
    }

    [Fact]
    public void The_weighted_likeness_is_dice_over_distinct_bigrams_each_counting_its_weight()
    {
        var a = TextShape.Of("公开解读，公开");
        var b = TextShape.Of("公开目录");

        // Distinct bigrams: a {公开 开解 解读 读公}, b {公开 开目 目录}; shared {公开}.
        Assert.Equal(2.0 / 7, a.WeightedLikeness(b, _ => 1), 6);
        // A shared bigram weighing little (a word every text has) leaves the texts far apart; weighing much, close.
        Assert.Equal(2 * 0.1 / (0.1 + 3 + 0.1 + 2), a.WeightedLikeness(b, g => g == "公开" ? 0.1 : 1), 6);
        Assert.Equal(2 * 10.0 / (10 + 3 + 10 + 2), a.WeightedLikeness(b, g => g == "公开" ? 10 : 1), 6);
        Assert.Equal(0, TextShape.Of("，。").WeightedLikeness(TextShape.Of("、"), _ => 1));
    }
}
