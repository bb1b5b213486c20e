using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Features.Dashboard;

/// <summary>
/// A small year of tracked work whose every dashboard figure is known by hand. Today is 2024年6月1日 (the
/// <see cref="SeededDatabase"/> clock); the sample plans are drafts and so stay out of every figure.
/// <code>
/// 2024年测试工作要点 (published, monthly reports by the 5th)
///   一 (S1)  T1 due 3-31: 甲局 lead closed 3-20 (on time), 乙局 supporting closed 4-10 (late)      → closed
///            T2 due 5-31: 甲局 lead in progress (reports 4-03, 5-08), 督办单 answered             → overdue
///                         丙县 supporting acknowledged, extension refused
///            T6 due 6-05: 甲局 lead assigned                                                     → in progress, due in 4 days
///   二 (S2)  T3 (in 二.(一)) due 6-20: 乙局 lead, report 5-03 returned                            → in progress
///            T4 ongoing: 丙县 lead, report 5-02                                                  → ongoing
///            T5 due 12-31: no units                                                             → unassigned
/// 2023年测试工作要点 (published): T1' due 2023-9-30 甲局 closed 9-15; T2' due 10-31 乙局 never closed
/// 2024年草稿计划 (draft): one assignment, never counted
/// </code>
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public SeededDatabase Database { get; } = new();

    public int PlanId { get; private set; }
    public int PreviousPlanId { get; private set; }
    public int Section1 { get; private set; }
    public int Section2 { get; private set; }
    public int Jia { get; private set; }
    public int Yi { get; private set; }
    public int Bing { get; private set; }
    public int T2JiaAssignment { get; private set; }

    public static Actor Leader { get; } = new("leader", new HashSet<string> { AppRoles.Leadership }, new HashSet<int>());
    public static Actor Office { get; } = new("office", new HashSet<string> { AppRoles.PlanningOffice }, new HashSet<int>());
    public static Actor UnitUser { get; } = new("unit", new HashSet<string> { AppRoles.UnitUser }, new HashSet<int> { 1 });

    /// <summary>10:00 China time on the given China date.</summary>
    public static DateTime At(int year, int month, int day, int hour = 10) => new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Utc).AddHours(-8);

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await using var db = Database.NewContext();
        var jia = new OrgUnit { Name = "测试甲局" };
        var yi = new OrgUnit { Name = "测试乙局" };
        var bing = new OrgUnit { Name = "测试丙县人民政府", Kind = OrgUnitKind.Government };
        db.Units.AddRange(jia, yi, bing);
        await db.SaveChangesAsync();
        (Jia, Yi, Bing) = (jia.Id, yi.Id, bing.Id);

        var plan = Plan(2024, "2024年测试工作要点", PlanStatus.Published);
        var s1 = new PlanSection { Plan = plan, Path = "一", Title = "深化重点领域公开", SortOrder = 0 };
        var s2 = new PlanSection { Plan = plan, Path = "二", Title = "加强平台建设", SortOrder = 1 };
        var s2a = new PlanSection { Plan = plan, Parent = s2, Path = "二.(一)", Title = "政府网站", SortOrder = 2 };
        plan.Sections.AddRange([s1, s2, s2a]);

        var t1 = Task(plan, s1, "一.1", "推进财政预决算公开", new DateOnly(2024, 3, 31));
        var a = Assign(t1, jia, AssignmentRole.Lead);
        a.Acknowledge(At(2024, 2, 20));
        a.SubmitReport(Report("已公开预算", problems: null), At(2024, 3, 4));
        a.RequestCompletion("已完成", At(2024, 3, 19));
        a.ApproveCompletion(At(2024, 3, 20));
        a = Assign(t1, yi, AssignmentRole.Supporting);
        a.SubmitReport(Report("已提供数据"), At(2024, 3, 10));
        a.RequestCompletion("已完成", At(2024, 4, 9));
        a.ApproveCompletion(At(2024, 4, 10));

        var t2 = Task(plan, s1, "一.2", "规范依申请公开办理", new DateOnly(2024, 5, 31));
        var t2Jia = Assign(t2, jia, AssignmentRole.Lead);
        t2Jia.Acknowledge(At(2024, 4, 1));
        t2Jia.SubmitReport(Report("已梳理流程"), At(2024, 4, 3));
        t2Jia.SubmitReport(Report("正在修订制度", problems: "配套系统尚未上线"), At(2024, 5, 8));
        var t2Bing = Assign(t2, bing, AssignmentRole.Supporting);
        t2Bing.Acknowledge(At(2024, 4, 2));
        t2Bing.RequestExtension(new DateOnly(2024, 6, 30), "等待上级批复", At(2024, 5, 20));
        t2Bing.RefuseExtension("请按原定时限完成", At(2024, 5, 21));

        var t3 = Task(plan, s2a, "二.(一).1", "推进政府网站集约化", new DateOnly(2024, 6, 20));
        a = Assign(t3, yi, AssignmentRole.Lead);
        a.SubmitReport(Report("已完成迁移方案"), At(2024, 5, 3));
        a.Return("请补充佐证材料", At(2024, 5, 4));

        var t4 = Task(plan, s2, "二.1", "加强政务新媒体管理", null);
        a = Assign(t4, bing, AssignmentRole.Lead);
        a.SubmitReport(Report("已开展季度检查"), At(2024, 5, 2));

        Task(plan, s2, "二.2", "健全公开工作制度", new DateOnly(2024, 12, 31));

        var t6 = Task(plan, s1, "一.3", "完善政策解读", new DateOnly(2024, 6, 5));
        Assign(t6, jia, AssignmentRole.Lead);

        var previous = Plan(2023, "2023年测试工作要点", PlanStatus.Published);
        var p1 = Task(previous, null, "1", "去年任务一", new DateOnly(2023, 9, 30));
        a = Assign(p1, jia, AssignmentRole.Lead);
        a.SubmitReport(Report("已完成"), At(2023, 9, 1));
        a.RequestCompletion("已完成", At(2023, 9, 14));
        a.ApproveCompletion(At(2023, 9, 15));
        var p2 = Task(previous, null, "2", "去年任务二", new DateOnly(2023, 10, 31));
        Assign(p2, yi, AssignmentRole.Lead);

        var draft = Plan(2024, "2024年草稿计划", PlanStatus.Draft);
        Assign(Task(draft, null, "1", "草稿任务", new DateOnly(2024, 1, 31)), jia, AssignmentRole.Lead);

        db.Plans.AddRange(plan, previous, draft);
        await db.SaveChangesAsync();

        var notice = EscalationNotice.Issue(t2Jia, [], 1, "请尽快办结", new DateOnly(2024, 6, 8), "office", At(2024, 6, 1, hour: 8));
        notice.Respond("因系统升级延误，6月中旬完成", At(2024, 6, 1, hour: 9));
        db.EscalationNotices.Add(notice);
        await db.SaveChangesAsync();

        (PlanId, PreviousPlanId, Section1, Section2, T2JiaAssignment) = (plan.Id, previous.Id, s1.Id, s2.Id, t2Jia.Id);
    }

    public Task DisposeAsync() => Database.DisposeAsync();

    private static WorkPlan Plan(int year, string title, PlanStatus status)
    {
        var plan = new WorkPlan
        {
            Year = year,
            Title = title,
            ImportedAtUtc = At(year, 2, 1),
            Source = new PlanSource(),
            ReportingCycle = ReportingCycle.Monthly(5),
        };
        if (status != PlanStatus.Draft)
        {
            plan.Publish();
        }

        if (status == PlanStatus.Archived)
        {
            plan.Archive();
        }

        return plan;
    }

    private static WorkTask Task(WorkPlan plan, PlanSection? section, string path, string title, DateOnly? deadline)
    {
        var task = new WorkTask
        {
            Plan = plan,
            Section = section,
            Path = path,
            Title = title,
            Text = title,
            SortOrder = plan.Tasks.Count,
        };
        task.SetDeadlineAsWritten(deadline, deadline is null ? "持续推进" : null, ongoing: deadline is null);
        plan.Tasks.Add(task);
        return task;
    }

    private static TaskAssignment Assign(WorkTask task, OrgUnit unit, AssignmentRole role)
    {
        var assignment = TaskAssignment.Create(task, 0, role, At(task.Plan!.Year, 2, 15));
        assignment.WorkTask = task;
        assignment.OrgUnit = unit;
        task.Assignments.Add(assignment);
        return assignment;
    }

    private static ProgressReport Report(string progress, string? problems = null) => new() { Progress = progress, Problems = problems };
}
