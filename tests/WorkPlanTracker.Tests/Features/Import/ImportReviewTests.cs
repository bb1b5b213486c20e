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
    public void A_similar_name_is_proposed_once_above_the_tasks_and_is_a_new_unit_until_confirmed()
    {
        var first = Task("1", ["市城市管理综合执法局"], new DateOnly(2024, 6, 30));
        var second = Task("2", ["市数据资源局", "市城市管理综合执法局"], new DateOnly(2024, 6, 30));
        var review = ReviewOf(first, second);

        var proposal = Assert.Single(review.UnitProposals());
        Assert.Equal(("市城市管理综合执法局", 3, "市城管执法局", 2, UnitMergeDecision.Undecided), (proposal.Name, proposal.UnitId, proposal.UnitName, proposal.TaskCount, proposal.Decision));
        Assert.False(proposal.Merges);
        var issue = Assert.Single(review.IssuesFor(first));
        Assert.Equal(TaskIssueLevel.Suggestion, issue.Level);
        Assert.Contains("未确认合并前保存为新单位", issue.Message, StringComparison.Ordinal);
        Assert.Empty(review.ConfirmedMerges);

        review.ConfirmMerge("市城市管理综合执法局");

        Assert.Equal(new Dictionary<string, int> { ["市城市管理综合执法局"] = 3 }, review.ConfirmedMerges);
        Assert.True(Assert.Single(review.UnitProposals()).Merges);
    }

    [Fact]
    public void A_name_differing_only_in_spaces_or_a_trailing_etc_is_the_known_unit_and_no_proposal()
    {
        var task = Task("1", ["市数据资源局等"], new DateOnly(2024, 6, 30));
        var review = ReviewOf(task);

        Assert.Empty(review.UnitProposals());
        Assert.Equal(new TaskIssue(TaskIssueLevel.Info, "“市数据资源局等”即已有单位“市数据资源局”（写法略有不同）"), Assert.Single(review.IssuesFor(task)));
    }

    [Fact]
    public void A_merge_into_a_similar_known_unit_is_shown_and_waits_for_the_office_to_confirm_it()
    {
        var task = Task("1", ["市发展和改革委员会"], new DateOnly(2024, 6, 30));
        var review = ReviewOf(task);

        var issue = Assert.Single(review.IssuesFor(task));

        Assert.Equal(new TaskIssue(TaskIssueLevel.Suggestion, "“市发展和改革委员会”与已有单位“市发展改革委”相近：未确认合并前保存为新单位，请在上方“相近单位”中选择"), issue);
        Assert.Equal(1, review.WarningCount);

        review.ConfirmMerge("市发展和改革委员会");
        Assert.Equal(new TaskIssue(TaskIssueLevel.Info, "“市发展和改革委员会”并入已有单位“市发展改革委”，记为其简称"), Assert.Single(review.IssuesFor(task)));

        review.KeepSeparate("市发展和改革委员会");
        Assert.Equal(TaskIssueLevel.Info, Assert.Single(review.IssuesFor(task)).Level);
        Assert.Contains("新单位“市发展和改革委员会”", review.IssuesFor(task)[0].Message, StringComparison.Ordinal);
        Assert.Empty(review.ConfirmedMerges);
        Assert.Equal(UnitMergeDecision.NewUnit, Assert.Single(review.UnitProposals()).Decision);
        Assert.Equal(0, review.WarningCount);
    }

    [Fact]
    public void A_sentence_fragment_named_once_is_a_warning_not_a_new_unit_and_is_dropped_on_save()
    {
        var task = Task("1", ["以下均需各片区", "市数据资源局"], new DateOnly(2024, 6, 30));
        var review = ReviewOf(task);

        var issue = Assert.Single(review.IssuesFor(task));

        Assert.Equal(TaskIssueLevel.Warning, issue.Level);
        Assert.Equal(TaskIssueAction.RemoveName, issue.Action);
        Assert.StartsWith("“以下均需各片区”不像单位名称，像是句子的一部分", issue.Message, StringComparison.Ordinal);
        review.DropFragments();
        Assert.Equal(["市数据资源局"], task.LeadUnits);
    }

    [Theory]
    [InlineData("市应急管理局", false)]
    [InlineData("市住房和城乡建设局", false)]
    [InlineData("市财政局(国资委)", false)]
    [InlineData("各县(市、区)政府", false)]
    [InlineData("以下均需各片区", true)]
    [InlineData("各部门要按照职责分工", true)]
    [InlineData("区政府办公室会同区发展改革委", true)]
    [InlineData("全面推进基层政务公开标准化规范化建设工作", true)]
    public void Sentence_fragments_are_told_from_unit_names(string name, bool fragment) =>
        Assert.Equal(fragment, WorkPlanTracker.Domain.UnitNameRules.LooksLikeSentenceFragment(name));

    [Fact]
    public void A_fragment_like_name_that_several_tasks_name_is_taken_as_a_unit()
    {
        var first = Task("1", ["各片区配合落实单位"], new DateOnly(2024, 6, 30));
        var second = Task("2", ["各片区配合落实单位"], new DateOnly(2024, 6, 30));

        Assert.DoesNotContain(ReviewOf(first, second).IssuesFor(first), i => i.Level == TaskIssueLevel.Warning);
    }

    [Fact]
    public void An_item_turned_into_a_heading_counts_nowhere_and_becomes_the_section_of_the_tasks_under_it()
    {
        var preamble = Task("一", text: "总体要求");
        var principle = Task("二", text: "基本原则");
        var child = Task("二.1", ["市数据资源局"], new DateOnly(2024, 6, 30));
        var other = Task("三.1", ["市数据资源局"], new DateOnly(2024, 6, 30));
        var review = ReviewOf(preamble, principle, child, other);
        Assert.Equal(4, review.WarningCount);

        review.Demote(principle);
        review.Remove(preamble);

        Assert.Equal([child, other], review.Plan.Tasks);
        Assert.Equal(0, review.WarningCount);
        var section = Assert.Single(review.Plan.Sections);
        Assert.Equal(("二", "基本原则"), (section.Path, section.Title));
        Assert.Equal([principle], review.DemotedTasks);
        Assert.Equal([preamble], review.RemovedTasks);
    }

    [Fact]
    public void A_removed_or_demoted_item_can_be_restored_at_its_place()
    {
        var preamble = Task("一", text: "总体要求");
        var principle = Task("二", text: "基本原则");
        var child = Task("二.1", ["市数据资源局"], new DateOnly(2024, 6, 30));
        var review = ReviewOf(preamble, principle, child);
        review.Remove(preamble);
        review.Demote(principle);

        review.Restore(principle);
        review.Restore(preamble);

        Assert.Equal([preamble, principle, child], review.Plan.Tasks);
        Assert.Empty(review.Plan.Sections);
        Assert.Empty(review.DemotedTasks);
        Assert.Empty(review.RemovedTasks);
    }

    [Theory]
    [InlineData("各县(市、区)政府、市财政局(国资委)", new[] { "各县(市、区)政府", "市财政局(国资委)" })]
    [InlineData("各县（市、区）政府，市数据资源局", new[] { "各县(市、区)政府", "市数据资源局" })]
    [InlineData(" 市数据资源局 ;\n市数据资源局、", new[] { "市数据资源局" })]
    [InlineData("", new string[0])]
    public void Typed_unit_names_split_on_separators_but_not_inside_parentheses(string typed, string[] names) =>
        Assert.Equal(names, ImportReview.SplitUnitNames(typed));
}
