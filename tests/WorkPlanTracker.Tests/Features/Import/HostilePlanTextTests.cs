using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Evidence;
using WorkPlanTracker.Features.Import;
using WorkPlanTracker.Features.Import.Documents;

namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>Plan text that is not a mistake but an attack: a paragraph posing as a unit name, direction overrides.</summary>
public class HostilePlanTextTests(SeededDatabase db) : IClassFixture<SeededDatabase>
{
    private const char RightToLeftOverride = '\u202e';
    private static readonly string[] Bidi = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"];

    [Fact]
    public async Task A_name_longer_than_64_characters_gets_a_review_warning_and_never_becomes_a_unit()
    {
        var importer = db.Get<PlanImportService>();
        var review = await importer.ReviewAsync(new PlanDocument { Text = """
            长名县2033年政务公开工作要点
            一、工作任务
            1.加强政策解读。(县司法局牵头,2033年6月底前)
            """ }, "长名.txt");
        var task = Assert.Single(review.Plan.Tasks);
        var paragraph = string.Concat(Enumerable.Repeat("县政府办公室负责统筹", 1021));
        task.LeadUnits = ["县司法局", paragraph];
        task.SupportingUnits = [new string('局', OrgUnit.MaxNameLength)];

        var warning = Assert.Single(review.IssuesFor(task), i => i.Message.Contains("超过了单位名称 64 个字的上限", StringComparison.Ordinal));
        Assert.Equal(TaskIssueLevel.Warning, warning.Level);
        Assert.Contains($"有 {paragraph.Length} 个字", warning.Message, StringComparison.Ordinal);
        Assert.True(warning.Message.Length < 120, "the warning does not repeat the whole paragraph");

        var planId = await importer.CommitAsync(review);

        await using var data = db.NewContext();
        Assert.False(await data.Units.AnyAsync(u => u.Name.Length > OrgUnit.MaxNameLength));
        var saved = await data.Tasks.Include(t => t.Parties).SingleAsync(t => t.PlanId == planId);
        Assert.Equal(["县司法局", new string('局', 64)], saved.Parties.OrderBy(p => p.SortOrder).Select(p => p.NameAsWritten));
    }

    [Fact]
    public async Task Direction_controls_are_stripped_from_plan_text_unit_names_and_edited_text()
    {
        var importer = db.Get<PlanImportService>();
        var review = await importer.ReviewAsync(new PlanDocument { Text = $"""
            控制县2033年政务公开工作要点
            一、工作任务
            1.加强{RightToLeftOverride}政策解读。(县{RightToLeftOverride}档案馆牵头,2033年6月底前)
            2.做好依申请公开。(县司法局牵头,2033年6月底前)
            """ }, "控制.txt");
        Assert.Equal("加强政策解读。", review.Plan.Tasks[0].Text.Split('(')[0]);
        Assert.Equal(["县档案馆"], review.Plan.Tasks[0].LeadUnits);

        // What a person types on the review page has not been through the parser.
        var second = review.Plan.Tasks[1];
        second.Text = "做好依申请" + string.Concat(Bidi) + "公开。";
        second.Title = second.Text;
        second.LeadUnits = ImportReview.SplitUnitNames("县\u202e局法司、县\u2066统计局\u2069");

        var planId = await importer.CommitAsync(review);

        await using var data = db.NewContext();
        var tasks = await data.Tasks.Include(t => t.Parties).Where(t => t.PlanId == planId).ToListAsync();
        var names = tasks.OrderBy(t => t.Path, StringComparer.Ordinal).SelectMany(t => t.Parties.OrderBy(p => p.SortOrder)).Select(p => p.NameAsWritten).ToList();
        Assert.Equal(["县档案馆", "县局法司", "县统计局"], names);
        Assert.All(tasks.Select(t => t.Text + t.Title).Concat(names), text => Assert.DoesNotContain(Bidi, b => text.Contains(b, StringComparison.Ordinal)));
        Assert.False(await data.Units.AnyAsync(u => u.Name.Contains(RightToLeftOverride)));
    }

    [Fact]
    public void Direction_controls_are_stripped_from_evidence_file_names() =>
        Assert.Equal("报告fdp.exe", EvidenceRules.DisplayName("报告" + RightToLeftOverride + "fdp.exe"));

    [Fact]
    public void The_normaliser_drops_every_direction_control() =>
        Assert.Equal("县司法局", ChineseTextNormalizer.Normalize("县" + string.Concat(Bidi) + "司法局"));
}
