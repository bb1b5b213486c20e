using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Import;
using WorkPlanTracker.Features.Import.Documents;
using WorkPlanTracker.Features.Plans;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Features.Ledger;

/// <summary>
/// A published plan on 2035年7月15日 (stopped clock) whose lead unit is the demo unit user's 市数据资源局, with one
/// report made: task 一.1 is late for both its units, 一.2 is still ahead, 二.3 ahead, 二.4 ongoing.
/// </summary>
public sealed class LedgerFixture : IAsyncLifetime
{
    public const string PlanTitle = "台账县2035年政务公开工作要点";
    public const string LedgerTitle = "台账县2035年政务公开工作台账";

    public const string PlanText = """
        台账县2035年政务公开工作要点
        一、公开重点
        1.加强政策解读。(市数据资源局牵头;台账乙局配合,2035年6月底前)
        2.做好依申请公开。(台账乙局牵头,2035年9月底前)
        二、平台建设
        3.规范政府网站。(市数据资源局牵头,2035年8月底前)
        4.推进基层公开。(市数据资源局牵头,持续推进)
        """;

    public const string FirstReport = "已发布政策解读材料12篇。";
    public const string FirstLink = "https://www.example.gov.cn/zcjd/001.html";

    public StoppedClockAppFactory App { get; } = new();

    public DateOnly Today { get; } = new(2035, 7, 15);

    public int PlanId { get; private set; }

    /// <summary>市数据资源局, the demo "unit" user's unit.</summary>
    public int DataUnit { get; private set; }

    public int OtherUnit { get; private set; }

    public Actor Office { get; } = new("office", new HashSet<string> { AppRoles.PlanningOffice }, new HashSet<int>());

    public Actor Leader { get; } = new("leader", new HashSet<string> { AppRoles.Leadership }, new HashSet<int>());

    public Actor UserOf(int unitId) => new("unit-" + unitId, new HashSet<string> { AppRoles.UnitUser }, new HashSet<int> { unitId });

    public T Get<T>()
        where T : notnull => App.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        App.StartServer();
        var importer = Get<PlanImportService>();
        var parsed = importer.Parse(new PlanDocument { Text = PlanText }, "ledger.txt");
        PlanId = (await importer.SaveAsync(parsed, "ledger.txt", PlanText)).Id;
        var published = await Get<PlanPublishingService>().PublishAsync(Office, PlanId);
        Assert.True(published.Succeeded, published.Message);
        await using var db = App.NewDbContext();
        DataUnit = await db.Units.Where(u => u.Name == "市数据资源局").Select(u => u.Id).SingleAsync();
        OtherUnit = await db.Units.Where(u => u.Name == "台账乙局").Select(u => u.Id).SingleAsync();

        var late = await AssignmentAsync("一.1", DataUnit);
        var reported = await Get<AssignmentService>().SubmitReportAsync(UserOf(DataUnit), late.Id, late.Version, new ReportInput
        {
            Progress = FirstReport,
            PercentComplete = 60,
            EvidenceLinks = FirstLink,
        });
        Assert.True(reported.Succeeded, reported.Message);
    }

    public async Task<TaskAssignment> AssignmentAsync(string path, int unitId)
    {
        await using var db = App.NewDbContext();
        return await db.Assignments.Include(a => a.WorkTask).Include(a => a.Reports)
            .SingleAsync(a => a.WorkTask!.PlanId == PlanId && a.WorkTask.Path == path && a.OrgUnitId == unitId);
    }

    public async Task<int> ReportCountAsync()
    {
        await using var db = App.NewDbContext();
        return await db.ProgressReports.CountAsync(r => r.Assignment!.WorkTask!.PlanId == PlanId);
    }

    /// <summary>Reopens a produced workbook, as a user's Excel would.</summary>
    public static XLWorkbook Open(byte[] content) => new(new MemoryStream(content));

    /// <summary>Keeps a copy under TestResults/ledgers for people to open and look at.</summary>
    public static void Keep(string name, byte[] content)
    {
        var folder = Path.Combine(CommandLineRunner.RepositoryRoot, "TestResults", "ledgers");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name), content);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
