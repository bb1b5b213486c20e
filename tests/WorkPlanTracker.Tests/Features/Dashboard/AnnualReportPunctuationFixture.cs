using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Tests.Features.Dashboard;

/// <summary>
/// A year whose texts end the way people type them (“…。”, “…；”) and in which nothing has been closed yet.
/// <code>
/// 2024年清理测试要点。 (published)
///   一、优化政务服务。
///     (一) 推进一网通办；
///       T1 一.(一).1 推进办事清单梳理。 due 5-31: 甲局 lead, reports “已梳理办理事项清单120项。” then “已完成清单审核；”,
///                                                督办单 answered “因系统升级延误。”
///                                       乙局 supporting, report “已提供数据。”, then a report returned
///     T2 一.1 健全工作制度；  due 12-31: no units
/// </code>
/// </summary>
public sealed class AnnualReportPunctuationFixture : IAsyncLifetime
{
    public const string ReturnedText = "被退回的进展内容";

    public SeededDatabase Database { get; } = new();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await using var db = Database.NewContext();
        var jia = new OrgUnit { Name = "测试甲局" };
        var yi = new OrgUnit { Name = "测试乙局" };
        db.Units.AddRange(jia, yi);

        var plan = new WorkPlan
        {
            Year = 2024, Title = "2024年清理测试要点。", ImportedAtUtc = DashboardFixture.At(2024, 2, 1), Source = new PlanSource(), ReportingCycle = ReportingCycle.Monthly(5),
        };
        plan.Publish();
        var section = new PlanSection { Plan = plan, Path = "一", Title = "优化政务服务。", SortOrder = 0 };
        var subsection = new PlanSection { Plan = plan, Parent = section, Path = "一.(一)", Title = "推进一网通办；", SortOrder = 1 };
        plan.Sections.AddRange([section, subsection]);

        var t1 = Task(plan, subsection, "一.(一).1", "推进办事清单梳理。", new DateOnly(2024, 5, 31));
        var t1Jia = Assign(t1, jia, AssignmentRole.Lead);
        t1Jia.SubmitReport(new ProgressReport { Progress = "已梳理办理事项清单120项。" }, DashboardFixture.At(2024, 4, 3));
        t1Jia.SubmitReport(new ProgressReport { Progress = "已完成清单审核；" }, DashboardFixture.At(2024, 5, 3));
        var t1Yi = Assign(t1, yi, AssignmentRole.Supporting);
        t1Yi.SubmitReport(new ProgressReport { Progress = "已提供数据。" }, DashboardFixture.At(2024, 4, 5));
        t1Yi.SubmitReport(new ProgressReport { Progress = ReturnedText }, DashboardFixture.At(2024, 5, 5));
        t1Yi.Return("请补充佐证材料。", DashboardFixture.At(2024, 5, 6));
        Task(plan, section, "一.1", "健全工作制度；", new DateOnly(2024, 12, 31));

        db.Plans.Add(plan);
        await db.SaveChangesAsync();

        var notice = EscalationNotice.Issue(t1Jia, [], 1, "请尽快办结。", new DateOnly(2024, 6, 8), "office", DashboardFixture.At(2024, 6, 1, hour: 8));
        notice.Respond("因系统升级延误。", DashboardFixture.At(2024, 6, 1, hour: 9));
        db.EscalationNotices.Add(notice);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Database.DisposeAsync();

    private static WorkTask Task(WorkPlan plan, PlanSection section, string path, string title, DateOnly deadline)
    {
        var task = new WorkTask { Plan = plan, Section = section, Path = path, Title = title, Text = title, SortOrder = plan.Tasks.Count };
        task.SetDeadlineAsWritten(deadline, null, ongoing: false);
        plan.Tasks.Add(task);
        return task;
    }

    private static TaskAssignment Assign(WorkTask task, OrgUnit unit, AssignmentRole role)
    {
        var assignment = TaskAssignment.Create(task, 0, role, DashboardFixture.At(2024, 2, 15));
        assignment.WorkTask = task;
        assignment.OrgUnit = unit;
        task.Assignments.Add(assignment);
        return assignment;
    }
}
