using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Features.Import;
using WorkPlanTracker.Features.Import.Documents;

namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>What the office decides on the review page is what gets saved.</summary>
public class ReviewDecisionSavingTests(SeededDatabase db) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task A_demoted_item_is_saved_as_a_heading_and_a_removed_one_not_at_all()
    {
        var importer = db.Get<PlanImportService>();
        var review = await importer.ReviewAsync(new PlanDocument { Text = """
            丙市2033年政务公开工作要点
            一、总体要求。坚持以人民为中心。
            二、基本原则
            三、工作任务
            1.加强政策解读。(市政府办公室牵头,2033年6月底前)
            """ }, "丙.txt");
        var preamble = review.Plan.Tasks.Single(t => t.Path == "一");
        review.Remove(preamble);
        foreach (var heading in review.Plan.Tasks.Where(t => !t.Path.Contains('.')).ToList())
        {
            review.Demote(heading);
        }

        var planId = await importer.CommitAsync(review);

        await using var context = db.NewContext();
        var plan = await context.Plans.Include(p => p.Tasks).Include(p => p.Sections).SingleAsync(p => p.Id == planId);
        Assert.Equal(["三.1"], plan.Tasks.Select(t => t.Path));
        Assert.DoesNotContain(plan.Sections, s => s.Path == "一");
        Assert.Contains(plan.Sections, s => s.Path == "三");
    }

    [Fact]
    public async Task A_name_kept_separate_becomes_a_new_unit_instead_of_merging_into_a_similar_one()
    {
        await using (var setup = db.NewContext())
        {
            setup.Units.Add(new WorkPlanTracker.Domain.OrgUnit { Name = "丁区市场监督管理局" });
            await setup.SaveChangesAsync();
        }

        var importer = db.Get<PlanImportService>();
        var review = await importer.ReviewAsync(new PlanDocument { Text = """
            丁区2033年政务公开工作要点
            一、工作任务
            1.加强政策解读。(丁区市场监管局牵头,2033年6月底前)
            """ }, "丁.txt");
        var issue = Assert.Single(review.IssuesFor(review.Plan.Tasks[0]), i => i.Action == TaskIssueAction.ConfirmMerge);
        Assert.Contains("与已有单位“丁区市场监督管理局”相近", issue.Message, StringComparison.Ordinal);

        review.KeepSeparate("丁区市场监管局");
        await importer.CommitAsync(review);

        await using var context = db.NewContext();
        Assert.True(await context.Units.AnyAsync(u => u.Name == "丁区市场监管局"));
        var known = await context.Units.SingleAsync(u => u.Name == "丁区市场监督管理局");
        Assert.DoesNotContain("丁区市场监管局", known.Aliases);
    }
}
