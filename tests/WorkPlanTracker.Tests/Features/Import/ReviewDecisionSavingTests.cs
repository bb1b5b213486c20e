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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_similar_unit_is_merged_on_save_only_when_the_office_confirmed_it(bool confirm)
    {
        var district = confirm ? "丁山区" : "戊山区";
        int knownId;
        await using (var setup = db.NewContext())
        {
            var unit = new WorkPlanTracker.Domain.OrgUnit { Name = $"{district}市场局" };
            setup.Units.Add(unit);
            await setup.SaveChangesAsync();
            knownId = unit.Id;
        }

        var importer = db.Get<PlanImportService>();
        var review = await importer.ReviewAsync(new PlanDocument { Text = $"""
            {district}2033年政务公开工作要点
            一、工作任务
            1.加强政策解读。({district}市场监管局牵头,2033年6月底前)
            2.做好依申请公开。({district}市场监管局牵头,2033年9月底前)
            """ }, $"{district}.txt");
        var proposal = Assert.Single(review.UnitProposals());
        Assert.Equal(($"{district}市场监管局", $"{district}市场局", 2), (proposal.Name, proposal.UnitName, proposal.TaskCount));
        if (confirm)
        {
            review.ConfirmMerge($"{district}市场监管局");
        }

        var planId = await importer.CommitAsync(review);

        await using var context = db.NewContext();
        var parties = await context.Tasks.Where(t => t.PlanId == planId).SelectMany(t => t.Parties).ToListAsync();
        var known = await context.Units.SingleAsync(u => u.Id == knownId);
        Assert.Equal(2, parties.Count);
        if (confirm)
        {
            Assert.All(parties, p => Assert.Equal(knownId, p.OrgUnitId));
            Assert.Contains($"{district}市场监管局", known.Aliases);
            Assert.False(await context.Units.AnyAsync(u => u.Name == $"{district}市场监管局"));
        }
        else
        {
            var added = await context.Units.SingleAsync(u => u.Name == $"{district}市场监管局");
            Assert.All(parties, p => Assert.Equal(added.Id, p.OrgUnitId));
            Assert.DoesNotContain($"{district}市场监管局", known.Aliases);
        }
    }
}
