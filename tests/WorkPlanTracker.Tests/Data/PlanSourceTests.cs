using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Features.Import;
using WorkPlanTracker.Features.Import.Documents;

namespace WorkPlanTracker.Tests.Data;

/// <summary>
/// A plan's source document is as long as the plan: a query that names each task's plan must not read it once per
/// task (a 2,000-task ledger took 17 s and 1.4 GB that way).
/// </summary>
public class PlanSourceTests(SeededDatabase db) : IClassFixture<SeededDatabase>
{
    [Fact]
    public void Loading_tasks_with_their_plan_does_not_read_the_source_document()
    {
        using var context = db.NewContext();

        var sql = context.Tasks.AsNoTracking().Include(t => t.Plan).ToQueryString();

        Assert.Contains("\"Title\"", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("SourceText", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("ImportSnapshot", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_source_text_is_saved_with_the_plan_and_replaced_by_a_reimport()
    {
        const string First = "丙市2032年政务公开工作要点\n一、工作任务\n1.加强政策解读。(市政府办公室牵头,2032年6月底前)\n";
        const string Second = "丙市2032年政务公开工作要点\n一、工作任务\n1.加强政策解读。(市政府办公室牵头,2032年9月底前)\n";
        var importer = db.Get<PlanImportService>();
        var planId = (await importer.SaveAsync(importer.Parse(new PlanDocument { Text = First }, "v1.txt"), "v1.txt", First)).Id;

        var review = await importer.ReviewAsync(new PlanDocument { Text = Second }, "v2.txt");
        await importer.CommitAsync(review);

        using var context = db.NewContext();
        var plan = await context.Plans.Include(p => p.Source).SingleAsync(p => p.Id == planId);
        Assert.Equal(Second, plan.Source!.Text);
        Assert.Equal("v2.txt", plan.SourceFileName);
    }
}
