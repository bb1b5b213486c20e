using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Benchmarks;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Shared;
using Xunit.Abstractions;

namespace WorkPlanTracker.Tests.Features.Assignments;

/// <summary>
/// Two generated years of tracked work (2023 and 2024; today is 2024年6月1日) with a few requests waiting for the
/// office: three in 2024, one in 2023.
/// </summary>
public sealed class GeneratedAssignmentData : IAsyncLifetime
{
    public SeededDatabase Database { get; } = new();

    public int UnitId { get; private set; }

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await using var db = Database.NewContext();
        await new DashboardDataSet { Years = 2, PlansPerYear = 1, TasksPerPlan = 30, Units = 10, AsOfUtc = Database.Clock.GetUtcNow().UtcDateTime }.FillAsync(db);
        var now = Database.Clock.GetUtcNow().UtcDateTime;
        foreach (var (year, count) in new[] { (2024, 3), (2023, 1) })
        {
            var open = await db.Assignments
                .Where(a => a.WorkTask!.Plan!.Year == year && a.Status == AssignmentStatus.InProgress && !a.WorkTask.Ongoing)
                .Include(a => a.WorkTask).Include(a => a.Reports).Include(a => a.Extensions)
                .OrderBy(a => a.Id).Take(count).ToListAsync();
            open[0].RequestCompletion("已完成。", now);
            foreach (var later in open.Skip(1))
            {
                later.RequestExtension(new DateOnly(2025, 3, 31), "等待上级批复", now);
            }
        }

        await db.SaveChangesAsync();
        UnitId = await db.Units.Where(u => u.Name == DashboardDataSet.UnitName(3)).Select(u => u.Id).SingleAsync();
    }

    public Task DisposeAsync() => Database.DisposeAsync();
}

/// <summary>
/// The 任务 list and the review queue are filtered, sorted and paged in the database: a page reads its own rows, and
/// walking every page gives exactly the rows the old whole-table reading gave (filtered and sorted in memory, with the
/// domain's own next report date and light).
/// </summary>
public class AssignmentListPagingTests(GeneratedAssignmentData data, ITestOutputHelper output) : IClassFixture<GeneratedAssignmentData>
{
    private static readonly Actor Office = new("office", new HashSet<string> { AppRoles.PlanningOffice }, new HashSet<int>());
    private static readonly Actor Leader = new("leader", new HashSet<string> { AppRoles.Leadership }, new HashSet<int>());

    private AssignmentListService Lists => data.Database.Get<AssignmentListService>();

    private DateOnly Today => WorkCalendar.DateOf(data.Database.Clock.GetUtcNow().UtcDateTime);

    private Actor UnitUser => new("unit", new HashSet<string> { AppRoles.UnitUser }, new HashSet<int> { data.UnitId });

    public static TheoryData<int?, AssignmentListStatus, AssignmentListSort> Filters => new()
    {
        { 2024, AssignmentListStatus.All, AssignmentListSort.DueDate },
        { 2024, AssignmentListStatus.Open, AssignmentListSort.Unit },
        { null, AssignmentListStatus.Overdue, AssignmentListSort.Task },
        { 2023, AssignmentListStatus.Closed, AssignmentListSort.DueDate },
        { null, AssignmentListStatus.AwaitingReview, AssignmentListSort.Unit },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Walking_every_page_gives_the_rows_of_the_whole_list_filtered_and_sorted_in_memory(int? year, AssignmentListStatus status, AssignmentListSort sort)
    {
        var filter = new AssignmentListFilter(year, Status: status, Sort: sort);
        var expected = await WholeListAsync(Office, filter);
        Assert.True(expected.Count > 3, $"more than one page of {expected.Count}");

        const int pageSize = 3;
        var walked = new List<AssignmentRow>();
        var first = (await Lists.ListAsync(Office, filter, 1, pageSize)).Value;
        Assert.Equal(expected.Count, first.Rows.TotalCount);
        for (var page = 1; page <= first.Rows.PageCount; page++)
        {
            var one = (await Lists.ListAsync(Office, filter, page, pageSize)).Value.Rows;
            Assert.Equal(page, one.Page);
            Assert.InRange(one.Items.Count, 1, pageSize);
            walked.AddRange(one.Items);
        }

        Assert.Equal(expected, walked);
    }

    [Fact]
    public async Task A_page_reads_its_own_rows_only_whatever_the_size_of_the_database()
    {
        var filter = new AssignmentListFilter(null);
        var all = (await Lists.ListAsync(Office, filter, pageSize: 10)).Value;
        Assert.True(all.Rows.TotalCount > 300, $"{all.Rows.TotalCount} assignments");

        data.Database.Commands.Reset();
        var page = (await Lists.ListAsync(Office, filter, 7, pageSize: 10)).Value;
        var commands = data.Database.Commands.Commands;
        output.WriteLine(string.Join(Environment.NewLine, commands.Select(c => $"{c.Rows} rows: {c.Sql}")));

        Assert.Equal(10, page.Rows.Items.Count);
        // The count, the page's ids, its rows, the years offered, the units offered: no report history, no whole table.
        Assert.Equal(5, commands.Count);
        Assert.Equal([1, 10, 10], commands.Where(c => c.Sql.Contains(AssignmentListService.ListTag, StringComparison.Ordinal)).Select(c => c.Rows));
        Assert.True(commands.Sum(c => c.Rows) <= 1 + 10 + 10 + page.Years.Count + page.Units.Count, $"{commands.Sum(c => c.Rows)} rows read");
        Assert.DoesNotContain(commands, c => c.Sql.Contains("FROM \"ProgressReports\"", StringComparison.Ordinal) && !c.Sql.Contains("LIMIT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_full_page_is_small_enough_to_carry_from_the_prerender_to_the_interactive_render()
    {
        var page = (await Lists.ListAsync(Office, new AssignmentListFilter(null))).Value;
        Assert.Equal(Paging.DefaultPageSize, page.Rows.Items.Count);

        var carried = WorkPlanTracker.Components.Prerendered.Carry("key", page);

        Assert.NotNull(carried);
        output.WriteLine($"{page.Rows.Items.Count} rows and {page.Units.Count} units carried in {carried.Reading.Length} bytes");
        var back = carried.For<AssignmentList>("key")!;
        Assert.Equal(page.Rows.Items, back.Rows.Items);
        Assert.Equal((page.Filter, page.Rows.TotalCount, page.Rows.Page), (back.Filter, back.Rows.TotalCount, back.Rows.Page));
        Assert.Equal(page.Units, back.Units);
        Assert.Equal(page.Years, back.Years);
    }

    [Fact]
    public async Task A_page_past_the_end_is_the_last_page()
    {
        var filter = new AssignmentListFilter(2024);
        var total = (await Lists.ListAsync(Office, filter, pageSize: 50)).Value.Rows.TotalCount;

        var beyond = (await Lists.ListAsync(Office, filter, 9999, pageSize: 50)).Value.Rows;

        Assert.Equal((total + 49) / 50, beyond.Page);
        Assert.Equal(total - ((beyond.Page - 1) * 50), beyond.Items.Count);
    }

    [Fact]
    public async Task A_unit_user_sees_only_the_own_units_rows_and_is_refused_another_units_list()
    {
        var own = (await Lists.ListAsync(UnitUser, new AssignmentListFilter(null), pageSize: 1000)).Value;
        var everyone = await WholeListAsync(Office, new AssignmentListFilter(null));
        var unitName = DashboardDataSet.UnitName(3);

        Assert.NotEmpty(own.Rows.Items);
        Assert.All(own.Rows.Items, r => Assert.Equal(unitName, r.UnitName));
        Assert.Equal(everyone.Where(r => r.UnitName == unitName).Select(r => r.Id), own.Rows.Items.Select(r => r.Id));
        Assert.Equal([unitName], own.Units.Select(u => u.Name));

        var otherUnit = (await Lists.ListAsync(Office, AssignmentListFilter.Default(2024), pageSize: 1)).Value.Units.First(u => u.Id != data.UnitId).Id;
        AssertRefused(AssignmentListService.OtherUnit, await Lists.ListAsync(UnitUser, new AssignmentListFilter(null, otherUnit)));
        AssertRefused(AssignmentListService.NoList, await Lists.ListAsync(new Actor("nobody", new HashSet<string>(), new HashSet<int>()), new AssignmentListFilter(null)));
    }

    [Fact]
    public async Task The_office_and_leaders_narrow_the_list_to_one_unit()
    {
        var one = (await Lists.ListAsync(Leader, new AssignmentListFilter(2024, data.UnitId), pageSize: 1000)).Value;

        Assert.Equal((await WholeListAsync(Office, new AssignmentListFilter(2024))).Where(r => r.UnitName == DashboardDataSet.UnitName(3)).Select(r => r.Id), one.Rows.Items.Select(r => r.Id));
        Assert.Contains(one.Units, u => u.Id == data.UnitId);
        Assert.Contains(one.Units, u => u.Name == DashboardDataSet.UnitName(4));
    }

    [Fact]
    public async Task The_review_queue_shows_the_years_requests_counts_the_others_and_is_the_offices_only()
    {
        var queue = (await Lists.ReviewQueueAsync(Office, AssignmentListFilter.Default(2024))).Value;

        Assert.Equal(3, queue.Rows.TotalCount);
        Assert.All(queue.Rows.Items, r => Assert.Contains(r.Status, new[] { AssignmentStatus.CompletionRequested, AssignmentStatus.ExtensionRequested }));
        Assert.Equal(1, queue.ElsewhereCount);
        Assert.Equal(4, (await Lists.ReviewQueueAsync(Office, new AssignmentListFilter(null))).Value.Rows.TotalCount);
        AssertRefused(Refusals.NotPermitted, await Lists.ReviewQueueAsync(Leader, AssignmentListFilter.Default(2024)));
        AssertRefused(Refusals.NotPermitted, await Lists.ReviewQueueAsync(UnitUser, AssignmentListFilter.Default(2024)));
    }

    [Fact]
    public async Task The_years_offered_are_those_of_published_plans_and_this_year()
    {
        var list = (await Lists.ListAsync(Office, AssignmentListFilter.Default(Today.Year), pageSize: 1)).Value;

        Assert.Equal([2024, 2023], list.Years);
    }

    private static void AssertRefused(Outcome expected, Outcome actual) => Assert.Equal((expected.Kind, expected.Message), (actual.Kind, actual.Message));

    /// <summary>The list as it was read before paging: every assignment with its whole report history, judged in memory.</summary>
    private async Task<List<AssignmentRow>> WholeListAsync(Actor actor, AssignmentListFilter filter)
    {
        await using var db = data.Database.NewContext();
        var all = await db.Assignments.AsNoTracking()
            .Include(a => a.WorkTask!).ThenInclude(t => t.Plan)
            .Include(a => a.OrgUnit)
            .Include(a => a.Reports)
            .AsSplitQuery()
            .ToListAsync();
        var today = Today;
        var chosen = all.Where(a => (filter.Year is not { } y || a.WorkTask!.Plan!.Year == y)
            && (actor.IsPlanningOffice || actor.IsLeadership || actor.UnitIds.Contains(a.OrgUnitId))
            && filter.Status switch
            {
                AssignmentListStatus.Open => a.Status != AssignmentStatus.Closed,
                AssignmentListStatus.Overdue => a.IsOverdue(today),
                AssignmentListStatus.AwaitingReview => a.Status is AssignmentStatus.CompletionRequested or AssignmentStatus.ExtensionRequested,
                AssignmentListStatus.Closed => a.Status == AssignmentStatus.Closed,
                _ => true,
            });
        var sorted = filter.Sort switch
        {
            AssignmentListSort.Task => chosen.OrderByDescending(a => a.WorkTask!.Plan!.Year).ThenBy(a => a.WorkTask!.PlanId).ThenBy(a => a.WorkTask!.SortOrder).ThenBy(a => a.Role).ThenBy(a => a.Id),
            AssignmentListSort.Unit => chosen.OrderBy(a => a.OrgUnit!.Name, StringComparer.Ordinal).ThenBy(a => a.DueDate is null).ThenBy(a => a.DueDate).ThenBy(a => a.Id),
            _ => chosen.OrderBy(a => a.DueDate is null).ThenBy(a => a.DueDate).ThenBy(a => a.Id),
        };
        return sorted.Select(a =>
        {
            var next = ReportingSchedule.NextReportDue(a);
            return new AssignmentRow(a.Id, a.WorkTask!.Plan!.DisplayTitle, a.WorkTask.Path, a.WorkTask.Title, a.OrgUnit!.Name, a.Role, a.Status,
                a.DueDate, a.WorkTask.Ongoing, a.LightOn(today, AssignmentService.DueSoonDays, next), next);
        }).ToList();
    }
}
