using WorkPlanTracker.Features.Import;
using WorkPlanTracker.Features.Units;

namespace WorkPlanTracker.Tests.Features.Import;

public class ImportReviewTests
{
    private static readonly UnitCandidate[] Directory =
    [
        new(1, "市发展改革委", ["市发改委"]),
        new(2, "市数据资源局", []),
        new(3, "市城管执法局", []),
    ];

    private static ImportReview ReviewOf(params ParsedTask[] tasks) =>
        new(new ParsedPlan { Title = "测试计划", Year = 2024, Tasks = [.. tasks] }, new PlanDocumentSummary("t.txt", "text", "UTF-8", ""), Directory, ["县区政府"], null);

    private static ParsedTask Task(string path, string[]? leads = null, DateOnly? deadline = null, bool ongoing = false, string text = "做好工作") =>
        new() { Path = path, Title = text, Text = text, LeadUnits = [.. leads ?? []], Deadline = deadline, Ongoing = ongoing };

    [Fact]
    public void A_complete_task_with_known_units_has_no_issues()
    {
        var task = Task("1", ["市数据资源局", "县区政府"], new DateOnly(2024, 6, 30));

        Assert.Empty(ReviewOf(task).IssuesFor(task));
    }

    [Fact]
    public void Missing_lead_and_missing_deadline_are_warnings_that_clear_when_fixed()
    {
        var task = Task("1");
        var other = Task("2", ["市数据资源局"], new DateOnly(2024, 6, 30));
        var review = ReviewOf(task, other);

        Assert.Equal(["未找到牵头单位", "未找到完成时限"], review.IssuesFor(task).Select(i => i.Message));

        task.LeadUnits = ["市数据资源局"];
        task.Ongoing = true;

        Assert.Empty(review.IssuesFor(task));
    }

    [Fact]
    public void A_plan_that_names_no_units_does_not_flag_every_task_for_a_missing_lead()
    {
        var task = Task("1", deadline: new DateOnly(2024, 6, 30));

        Assert.Empty(ReviewOf(task, Task("2", deadline: new DateOnly(2024, 6, 30))).IssuesFor(task));
    }

    [Fact]
    public void Duplicate_paths_and_empty_text_are_errors_that_block_saving()
    {
        var a = Task("1", ["市数据资源局"], new DateOnly(2024, 6, 30));
        var b = Task("1", ["市数据资源局"], new DateOnly(2024, 6, 30), text: " ");
        var review = ReviewOf(a, b);

        Assert.Contains(review.IssuesFor(a), i => i is { Level: TaskIssueLevel.Error, Message: "序号“1”重复" });
        Assert.Contains(review.IssuesFor(b), i => i is { Level: TaskIssueLevel.Error, Message: "任务内容为空" });
        Assert.Equal(3, review.ErrorCount);
    }

    [Fact]
    public void An_unknown_name_is_announced_as_a_new_unit_or_group()
    {
        var task = Task("1", ["市档案馆", "相关各部门"], new DateOnly(2024, 6, 30));

        var messages = ReviewOf(task).IssuesFor(task).Select(i => i.Message).ToList();

        Assert.Contains("新单位“市档案馆”：保存时加入单位名录", messages);
        Assert.Contains("新单位组“相关各部门”：保存后在单位页设置成员", messages);
    }

    [Fact]
    public void A_close_name_is_suggested_and_accepting_it_uses_the_directory_name()
    {
        var task = Task("1", ["市城市管理综合执法局"], new DateOnly(2024, 6, 30));
        var review = ReviewOf(task);

        var suggestion = Assert.Single(review.IssuesFor(task), i => i.Level == TaskIssueLevel.Suggestion);
        Assert.Equal("市城管执法局", suggestion.SuggestedName);

        ImportReview.AcceptSuggestion(task, suggestion.WrittenName!, suggestion.SuggestedName!);

        Assert.Equal(["市城管执法局"], task.LeadUnits);
        Assert.Empty(review.IssuesFor(task));
    }

    [Fact]
    public void A_standard_abbreviation_is_announced_as_the_known_unit_not_as_a_new_one()
    {
        var task = Task("1", ["市发展和改革委员会"], new DateOnly(2024, 6, 30));

        var issue = Assert.Single(ReviewOf(task).IssuesFor(task));

        Assert.Equal(new TaskIssue(TaskIssueLevel.Info, "“市发展和改革委员会”即“市发展改革委”，将记为其简称"), issue);
    }

    [Theory]
    [InlineData("各县(市、区)政府、市财政局(国资委)", new[] { "各县(市、区)政府", "市财政局(国资委)" })]
    [InlineData("各县（市、区）政府，市数据资源局", new[] { "各县(市、区)政府", "市数据资源局" })]
    [InlineData(" 市数据资源局 ;\n市数据资源局、", new[] { "市数据资源局" })]
    [InlineData("", new string[0])]
    public void Typed_unit_names_split_on_separators_but_not_inside_parentheses(string typed, string[] names) =>
        Assert.Equal(names, ImportReview.SplitUnitNames(typed));
}
