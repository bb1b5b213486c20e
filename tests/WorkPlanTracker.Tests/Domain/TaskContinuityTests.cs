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
}
