using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Assignments;

namespace WorkPlanTracker.Tests.Features.Assignments;

public class MilestoneEditorTests
{
    [Fact]
    public async Task A_new_milestone_of_a_task_without_deadline_starts_on_todays_date_in_China()
    {
        // 17:00 UTC on 31 December 2024 is already 1 January 2025 in China, whatever the server's own zone.
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 12, 31, 17, 0, 0, TimeSpan.Zero));
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        await using var ctx = new BunitContext();
        ctx.Services.AddSingleton<TimeProvider>(clock);
        // Adding a row touches no data; the service is there because the component saves through it.
        ctx.Services.AddDbContextFactory<AppDbContext>(o => o.UseSqlite("Data Source=:memory:"));
        ctx.Services.AddSingleton<AssignmentEditingService>();
        var editor = ctx.Render<MilestoneEditor>(p => p.Add(x => x.WorkTask, OngoingTask()));

        editor.Find("button.btn-sm.btn-outline-secondary").Click();

        Assert.Equal("2025-01-01", editor.Find("input[type=date]").GetAttribute("value"));
    }

    private static WorkTask OngoingTask()
    {
        var task = new WorkTask { Id = 1 };
        task.SetDeadlineAsWritten(null, "持续推进", ongoing: true);
        return task;
    }
}
