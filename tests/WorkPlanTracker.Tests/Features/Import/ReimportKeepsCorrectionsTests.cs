using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Import;
using WorkPlanTracker.Features.Import.Documents;

namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>A revised plan re-imported: only what the document changed is proposed; the office's review work stays.</summary>
public class ReimportKeepsCorrectionsTests(SeededDatabase db) : IClassFixture<SeededDatabase>
{
    private const string FirstVersion = """
        戊市2034年政务公开工作要点
        一、工作安排
        二、工作任务
        1.加强政策解读。(市政府办公室牵头,2034年6月底前)
        2.做好依申请公开。(市司法局牵头,2034年12月底前)
        3.推进基层公开。(县区政府负责落实)
        4.这不是任务而是一句说明。
        """;

    private const string SecondVersion = """
        戊市2034年政务公开工作要点
        一、工作安排
        二、工作任务
        1.加强政策解读和回应。(市政府办公室牵头,2034年6月底前)
        2.做好依申请公开。(市司法局牵头,2034年9月底前)
        3.推进基层公开。(县区政府负责落实)
        4.这不是任务而是一句说明。
        5.办好政府开放日。(市政府办公室牵头,2034年10月底前)
        """;

    [Fact]
    public async Task A_reimport_proposes_only_the_documents_changes_and_keeps_every_correction_of_the_office()
    {
        var importer = db.Get<PlanImportService>();
        var first = await importer.ReviewAsync(new PlanDocument { Text = FirstVersion }, "v1.txt");
        first.Demote(first.Plan.Tasks.Single(t => t.Path == "一"));
        first.Remove(first.Plan.Tasks.Single(t => t.Text.StartsWith("这不是任务", StringComparison.Ordinal)));
        var one = first.Plan.Tasks.Single(t => t.Path == "二.1");
        one.SupportingUnits = ["市数据资源局"];
        var two = first.Plan.Tasks.Single(t => t.Path == "二.2");
        two.LeadUnits = ["市司法局", "市信访局"];
        var three = first.Plan.Tasks.Single(t => t.Path == "二.3");
        three.Ongoing = true;
        three.Deadline = null;
        var planId = await importer.CommitAsync(first, refuseErrors: false);

        var second = await importer.ReviewAsync(new PlanDocument { Text = SecondVersion }, "v2.txt");
        var revision = second.Revision!;

        Assert.Equal(planId, revision.PlanId);
        Assert.Equal(["二.5"], revision.Added.Select(t => t.Path));
        Assert.Empty(revision.Removed);
        Assert.Equal(
            [("二.1", "任务内容"), ("二.1", "标题"), ("二.2", "完成时限")],
            revision.Changed.SelectMany(c => c.Fields.Select(f => (c.Saved.Path, f.Field))).OrderBy(x => x.Path).ThenBy(x => x.Field, StringComparer.Ordinal));
        Assert.DoesNotContain(second.Plan.Tasks, t => t.Path == "一" || t.Text.StartsWith("这不是任务", StringComparison.Ordinal));
        Assert.Equal(["市数据资源局"], second.Plan.Tasks.Single(t => t.Path == "二.1").SupportingUnits);
        Assert.Equal(["市司法局", "市信访局"], second.Plan.Tasks.Single(t => t.Path == "二.2").LeadUnits);
        Assert.Equal(new DateOnly(2034, 9, 30), second.Plan.Tasks.Single(t => t.Path == "二.2").Deadline);
        Assert.True(second.Plan.Tasks.Single(t => t.Path == "二.3").Ongoing);

        await importer.CommitAsync(second, refuseErrors: false);
        await using var context = db.NewContext();
        var plan = await context.Plans.Include(p => p.Tasks).ThenInclude(t => t.Parties).Include(p => p.Sections).SingleAsync(p => p.Id == planId);
        Assert.Equal(["二.1", "二.2", "二.3", "二.5"], plan.Tasks.OrderBy(t => t.SortOrder).Select(t => t.Path));
        Assert.Contains(plan.Sections, s => s.Path == "一");
        Assert.True(plan.Tasks.Single(t => t.Path == "二.3").Ongoing);
        Assert.Equal(["市司法局", "市信访局"], plan.Tasks.Single(t => t.Path == "二.2").Parties.Where(p => p.Role == AssignmentRole.Lead).OrderBy(p => p.SortOrder).Select(p => p.NameAsWritten));
    }

    [Fact]
    public async Task A_field_the_document_changed_takes_the_documents_new_value_over_the_offices_correction()
    {
        var importer = db.Get<PlanImportService>();
        var first = await importer.ReviewAsync(new PlanDocument { Text = FirstVersion.Replace("戊市", "己市") }, "v1.txt");
        first.Plan.Tasks.Single(t => t.Path == "二.2").Deadline = new DateOnly(2034, 11, 30);
        await importer.CommitAsync(first, refuseErrors: false);

        var second = await importer.ReviewAsync(new PlanDocument { Text = SecondVersion.Replace("戊市", "己市") }, "v2.txt");

        Assert.Equal(new DateOnly(2034, 9, 30), second.Plan.Tasks.Single(t => t.Path == "二.2").Deadline);
        var change = Assert.Single(second.Revision!.Changed, c => c.Saved.Path == "二.2");
        Assert.Equal(new FieldChange("完成时限", "2034-11-30", "2034-09-30"), Assert.Single(change.Fields));
    }
}
