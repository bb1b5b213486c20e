using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Tests.Features.Dashboard;

namespace WorkPlanTracker.Tests.Features.Assignments;

/// <summary>A task's history stays quick when the task is old and busy: a page of lines, read through indexes.</summary>
public sealed class TaskHistoryTests : IAsyncLifetime
{
    private const int Reports = 230;
    private readonly SeededDatabase database = new();
    private int taskId;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await using var db = database.NewContext();
        var unit = new OrgUnit { Name = "常报局" };
        var plan = new WorkPlan { Year = 2024, Title = "2024年办理记录测试要点", ImportedAtUtc = DashboardFixture.At(2024, 1, 2), Source = new PlanSource(), ReportingCycle = ReportingCycle.Monthly(5) };
        plan.Publish();
        var task = new WorkTask { Plan = plan, Path = "1", Title = "持续公开", Text = "持续公开", SortOrder = 0 };
        task.SetDeadlineAsWritten(null, "持续推进", ongoing: true);
        plan.Tasks.Add(task);
        db.Units.Add(unit);
        db.Plans.Add(plan);
        await db.SaveChangesAsync();

        var assignment = TaskAssignment.Create(task, unit.Id, AssignmentRole.Lead, DashboardFixture.At(2024, 1, 3));
        task.Assignments.Add(assignment);
        for (var i = 0; i < Reports; i++)
        {
            assignment.SubmitReport(new ProgressReport { Progress = $"第{i + 1}次报送" }, DashboardFixture.At(2024, 1, 4).AddHours(i));
        }

        await db.SaveChangesAsync();
        taskId = task.Id;
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task A_long_history_comes_a_page_at_a_time()
    {
        var service = database.Get<TaskHistoryService>();

        var first = (await service.GetAsync(DashboardFixture.Office, taskId)).Value;
        var second = (await service.GetAsync(DashboardFixture.Office, taskId, page: 2)).Value;

        Assert.True(first.Total > Reports, $"{first.Total} lines");
        Assert.Equal(TaskHistoryService.PageSize, first.Lines.Count);
        Assert.Equal((2, 2, first.Total - TaskHistoryService.PageSize), (first.PageCount, second.Page, second.Lines.Count));
        Assert.True(first.Lines[^1].AtUtc <= second.Lines[0].AtUtc);
    }

    [Fact]
    public async Task Removed_assignments_are_looked_up_among_deletions_only()
    {
        await using var db = database.NewContext();
        await db.Database.OpenConnectionAsync();
        await using var command = TaskHistoryService.RemovedAssignments(db, taskId).CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;

        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        // Without the index of deletions SQLite reads every TaskAssignment entry (millions in a decade) to test its JSON.
        Assert.Contains(plan, step => step.Contains("IX_AuditEntries_Deleted", StringComparison.Ordinal));
    }
}
