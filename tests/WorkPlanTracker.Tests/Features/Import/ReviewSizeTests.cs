using Bunit;
using Microsoft.AspNetCore.Components;
using WorkPlanTracker.Features.Import;
using WorkPlanTracker.Features.Units;
using Xunit.Abstractions;

namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>
/// The review of a large import: 2,000 tasks as one form were a 5.7 MB update with 14,006 fields, and one edit
/// re-rendered every row (about 1 MB back). A page of tasks is shown at a time and an edit re-renders its own row.
/// </summary>
public class ReviewSizeTests(ITestOutputHelper output)
{
    private static readonly UnitCandidate[] Directory = [new(1, "市数据资源局", []), new(2, "市政府办公室", [])];

    private static ImportReview ReviewOf(int tasks, Func<int, string>? path = null)
    {
        var plan = new ParsedPlan { Title = "规模县2035年政务公开工作要点", Year = 2035 };
        plan.Sections.Add(new ParsedSection { Path = "一", Title = "工作任务" });
        for (var i = 1; i <= tasks; i++)
        {
            plan.Tasks.Add(new ParsedTask
            {
                Path = path?.Invoke(i) ?? $"一.{i}",
                Title = $"推进第{i}项重点工作",
                Text = $"推进第{i}项重点工作，持续深化政务公开标准化规范化建设。",
                LeadUnits = ["市数据资源局"],
                SupportingUnits = [$"规模县第{i % 40}局"],
                Deadline = new DateOnly(2035, 6, 30),
            });
        }

        return new ImportReview(plan, new PlanDocumentSummary("plan.txt", "text", "UTF-8", ""), Directory, [], null);
    }

    private static IRenderedComponent<ImportReviewForm> Render(BunitContext ctx, ImportReview review, int pageSize = ImportReviewForm.DefaultPageSize)
    {
        IRenderedComponent<ImportReviewForm>? form = null;
        form = ctx.Render<ImportReviewForm>(p => p
            .Add(f => f.Review, review)
            .Add(f => f.PageSize, pageSize)
            // As on the import page: every edit re-renders the whole form.
            .Add(f => f.OnChanged, EventCallback.Factory.Create(review, () => form!.Render(_ => { }))));
        return form;
    }

    private static int Fields(IRenderedComponent<ImportReviewForm> form) => form.FindAll("input, textarea, select").Count;

    [Fact]
    public async Task A_review_of_2000_tasks_renders_no_more_fields_than_one_page_whatever_the_plans_size()
    {
        await using var ctx = new BunitContext();
        var small = Render(ctx, ReviewOf(30));
        var large = Render(ctx, ReviewOf(2_000));
        var whole = Render(ctx, ReviewOf(2_000), pageSize: int.MaxValue);
        output.WriteLine($"30 tasks: {Fields(small)} fields, {small.Markup.Length:N0} characters; 2,000 tasks: {Fields(large)} fields, {large.Markup.Length:N0} characters; 2,000 tasks on one page (as before): {Fields(whole)} fields, {whole.Markup.Length:N0} characters");

        Assert.Equal(30, small.FindAll("tr.review-row").Count);
        Assert.Equal(ImportReviewForm.DefaultPageSize, large.FindAll("tr.review-row").Count);
        Assert.True(Fields(large) < 2 * Fields(small), $"{Fields(large)} fields for 2,000 tasks against {Fields(small)} for 30");
        Assert.True(large.Markup.Length < 3 * small.Markup.Length, $"{large.Markup.Length} characters for 2,000 tasks against {small.Markup.Length} for 30");
        Assert.True(Fields(whole) > 10 * Fields(large), "the whole plan as one form is what the page spares");
    }

    [Fact]
    public async Task The_pager_walks_every_task_once_and_points_to_the_pages_with_errors()
    {
        await using var ctx = new BunitContext();
        // Task 107 repeats number 一.3: both pages 1 and 3 hold an error.
        var review = ReviewOf(120, i => i == 107 ? "一.3" : $"一.{i}");
        var form = Render(ctx, review);

        var seen = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            if (page > 1)
            {
                form.Find("button[aria-label=下一页]").Click();
            }

            Assert.Contains($"第 {page}/3 页", form.Find(".review-pager-count").TextContent, StringComparison.Ordinal);
            Assert.InRange(form.FindAll("tr.review-row").Count, 1, ImportReviewForm.DefaultPageSize);
            seen.AddRange(form.FindAll("tr.review-row input[aria-label=序号]").Select(i => i.GetAttribute("value")!));
        }

        Assert.Equal(review.Plan.Tasks.Select(t => t.Path), seen);
        Assert.Contains("有错误的页：1、3", form.Find(".review-pager-count").TextContent, StringComparison.Ordinal);
        Assert.Equal(["1", "3"], form.FindAll(".review-pager .page-has-error button").Select(b => b.TextContent.Trim()));
        Assert.True(form.Find("button[aria-label=下一页]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task An_edit_re_renders_only_the_rows_it_changes()
    {
        await using var ctx = new BunitContext();
        var form = Render(ctx, ReviewOf(2_000));
        var rows = form.FindComponents<TaskReviewRow>();
        var before = rows.Select(r => r.RenderCount).ToList();

        rows[3].Find("input[aria-label=任务标题]").Change("改过的标题");

        var after = form.FindComponents<TaskReviewRow>().Select(r => r.RenderCount).ToList();
        Assert.Equal("改过的标题", form.FindComponents<TaskReviewRow>()[3].Instance.Task.Title);
        Assert.Equal(Enumerable.Range(0, rows.Count).Where(i => i != 3), Enumerable.Range(0, rows.Count).Where(i => after[i] == before[i]));

        // A number made equal to another's is an error on both rows: those two render, no other.
        before = after;
        rows[5].Find("input[aria-label=序号]").Change("一.7");

        after = form.FindComponents<TaskReviewRow>().Select(r => r.RenderCount).ToList();
        Assert.Equal([5, 6], Enumerable.Range(0, rows.Count).Where(i => after[i] != before[i]));
        Assert.Contains("序号“一.7”重复", rows[6].Markup, StringComparison.Ordinal);
    }
}
