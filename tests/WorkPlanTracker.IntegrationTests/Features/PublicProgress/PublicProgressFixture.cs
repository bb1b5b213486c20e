using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Escalations;
using WorkPlanTracker.Features.Plans;
using WorkPlanTracker.Features.PublicProgress;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Features.PublicProgress;

/// <summary>
/// A published plan on 2035年7月15日 whose page the office opened, with every internal field a report and an assignment
/// can carry filled with a marked text (<see cref="InternalTexts"/>): one report's summary approved, one approved and
/// withdrawn, one report returned, a completion request returned, an extension asked, a 督办单 and an evidence file.
/// </summary>
public sealed class PublicProgressFixture : IAsyncLifetime
{
    public const string PlanTitle = "公开县2035年政务公开工作要点";

    public const string PlanText = """
        公开县2035年政务公开工作要点
        一、公开重点
        1.加强政策解读。(市数据资源局牵头;公开乙局配合,2035年6月底前)
        2.做好依申请公开。(市数据资源局牵头,2035年9月底前)
        二、平台建设
        3.推进基层公开。(市数据资源局牵头,持续推进)
        """;

    public const string ApprovedSummary = "今年已发布政策解读材料12篇，并在政府网站开设解读专栏。";

    /// <summary>Every text the office or a unit wrote that the public must never read, each marked 内部.</summary>
    public static readonly string[] InternalTexts =
    [
        "内部原文一：解读材料12篇已发布",
        "内部问题：人手不足",
        "内部下步：继续推进",
        "https://intranet.example.gov.cn/internal-evidence",
        "内部佐证材料-会议纪要.pdf",
        "内部办结说明：全部完成",
        "内部退回理由：请补充发布链接",
        "内部原文二：依申请公开答复30件",
        "内部退回理由二：数字不对",
        "内部延期理由：系统升级",
        "内部督办事项：请立即报送",
        "内部原文三：基层公开目录已更新",
        "内部撤回的摘要",
    ];

    public StoppedClockAppFactory App { get; } = new();

    public int PlanId { get; private set; }

    public string Key { get; private set; } = "";

    public int DataUnit { get; private set; }

    /// <summary>公开乙局, supporting 一.1: late, with a 督办单 and no report.</summary>
    public int OtherUnit { get; private set; }

    /// <summary>The report on 二.3 whose summary was approved and withdrawn again.</summary>
    public int WithdrawnReportId { get; private set; }

    /// <summary>The returned report on 一.2.</summary>
    public int ReturnedReportId { get; private set; }

    public Actor Office => TestActors.Office;

    public T Get<T>()
        where T : notnull => App.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        App.StartServer();
        PlanId = await App.ImportPlanAsync(PlanText, "public.txt");
        Ok(await Get<PlanPublishingService>().PublishAsync(Office, PlanId));
        DataUnit = await App.UnitIdAsync("市数据资源局");
        OtherUnit = await App.UnitIdAsync("公开乙局");
        var otherUnit = OtherUnit;
        var data = TestActors.UserOf(DataUnit);
        var assignments = Get<AssignmentService>();

        // 一.1: a report with every internal field and an evidence file, approved for the public; then a completion request returned.
        var first = await AssignmentAsync("一.1", DataUnit);
        Ok(await assignments.SubmitReportAsync(data, first.Id, first.Version, new ReportInput
        {
            Progress = InternalTexts[0],
            Problems = InternalTexts[1],
            NextSteps = InternalTexts[2],
            EvidenceLinks = InternalTexts[3],
        }));
        var firstReport = (await AssignmentAsync("一.1", DataUnit)).Reports.Single().Id;
        await using (var db = App.NewDbContext())
        {
            db.EvidenceFiles.Add(new EvidenceFile
            {
                ReportId = firstReport,
                FileName = InternalTexts[4],
                ContentType = "application/pdf",
                SizeBytes = 10,
                StoredName = Guid.NewGuid().ToString("N"),
                UploadedAtUtc = App.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        }

        first = await AssignmentAsync("一.1", DataUnit);
        Ok(await assignments.RequestCompletionAsync(data, first.Id, first.Version, InternalTexts[5]));
        first = await AssignmentAsync("一.1", DataUnit);
        Ok(await assignments.ReturnAsync(Office, first.Id, first.Version, InternalTexts[6]));
        Ok(await Get<PublicProgressService>().ApproveSummaryAsync(Office, firstReport, ApprovedSummary));

        // 一.1 for the supporting unit: late, with a 督办单.
        var late = await AssignmentAsync("一.1", otherUnit);
        Ok(await Get<EscalationService>().IssueAsync(Office, late.Id, InternalTexts[10], new DateOnly(2035, 7, 25)));

        // 一.2: a report returned, then an extension asked.
        var second = await AssignmentAsync("一.2", DataUnit);
        Ok(await assignments.SubmitReportAsync(data, second.Id, second.Version, new ReportInput { Progress = InternalTexts[7] }));
        second = await AssignmentAsync("一.2", DataUnit);
        ReturnedReportId = second.Reports.Single().Id;
        Ok(await assignments.ReturnAsync(Office, second.Id, second.Version, InternalTexts[8]));
        second = await AssignmentAsync("一.2", DataUnit);
        Ok(await assignments.RequestExtensionAsync(data, second.Id, second.Version, new DateOnly(2035, 10, 31), InternalTexts[9]));

        // 二.3: a summary approved and withdrawn again.
        var third = await AssignmentAsync("二.3", DataUnit);
        Ok(await assignments.SubmitReportAsync(data, third.Id, third.Version, new ReportInput { Progress = InternalTexts[11] }));
        WithdrawnReportId = (await AssignmentAsync("二.3", DataUnit)).Reports.Single().Id;
        Ok(await Get<PublicProgressService>().ApproveSummaryAsync(Office, WithdrawnReportId, InternalTexts[12]));
        Ok(await Get<PublicProgressService>().WithdrawSummaryAsync(Office, WithdrawnReportId));

        Key = await OpenAsync(PlanId);
    }

    /// <summary>Opens a plan's public page as the office and gives its key.</summary>
    public async Task<string> OpenAsync(int planId)
    {
        var service = Get<PublicProgressService>();
        var state = (await service.StateAsync(Office, planId)).Value;
        Ok(await service.SetOpenAsync(Office, planId, state.Version, open: true));
        return (await service.StateAsync(Office, planId)).Value.Key!;
    }

    public async Task<TaskAssignment> AssignmentAsync(string path, int unitId)
    {
        await using var db = App.NewDbContext();
        return await db.Assignments.Include(a => a.WorkTask).Include(a => a.Reports)
            .SingleAsync(a => a.WorkTask!.PlanId == PlanId && a.WorkTask.Path == path && a.OrgUnitId == unitId);
    }

    public static void Ok(Outcome outcome) => Assert.True(outcome.Succeeded, outcome.Message);

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
