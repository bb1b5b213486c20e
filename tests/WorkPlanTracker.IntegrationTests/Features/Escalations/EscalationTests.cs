using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Escalations;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Features.Escalations;

/// <summary>督办单 through the service the pages call, on the real database, on 2035年7月15日. Each test works on its own assignments.</summary>
public partial class EscalationTests(EscalationFixture fixture) : IClassFixture<EscalationFixture>
{
    private readonly EscalationService service = fixture.Get<EscalationService>();

    private DateOnly InAWeek => fixture.Today.AddDays(7);

    [GeneratedRegex(@"^督办〔2035〕(\d+)号$")]
    private static partial Regex NoticeNumber();

    [Fact]
    public async Task The_office_issues_a_numbered_notice_for_a_late_assignment_and_the_unit_signs_and_answers_it()
    {
        var unit = fixture.UserOf(fixture.UnitA);
        var late = await fixture.AssignmentAsync("一.1", fixture.UnitA);

        var issued = await service.IssueAsync(fixture.Office, late.Id, "请于一周内报送政策解读落实情况", InAWeek);

        Assert.True(issued.Succeeded, issued.Message);
        var notice = Assert.Single(await service.ForAssignmentAsync(unit, late.Id));
        Assert.Matches(NoticeNumber(), notice.Number);
        Assert.Contains(notice.Number, issued.Message, StringComparison.Ordinal);
        Assert.Equal((new DateOnly(2035, 6, 30), 15, "office"), (notice.MissedDueDate, notice.DaysOverdueWhenIssued, notice.IssuedBy));
        Assert.True(notice.IsOpen);

        var second = await service.IssueAsync(fixture.Office, late.Id, "再次督办", InAWeek);
        Assert.False(second.Succeeded);
        Assert.Contains("未回复的督办单", second.Message, StringComparison.Ordinal);

        Assert.True((await service.AcknowledgeAsync(unit, notice.Id)).Succeeded);
        var again = await service.AcknowledgeAsync(unit, notice.Id);
        Assert.False(again.Succeeded);
        Assert.Contains("无需重复签收", again.Message, StringComparison.Ordinal);
        Assert.False((await service.RespondAsync(unit, notice.Id, "  ")).Succeeded);
        Assert.True((await service.RespondAsync(unit, notice.Id, "已发布解读 3 篇，7月20日前补报佐证")).Succeeded);
        Assert.False((await service.RespondAsync(unit, notice.Id, "再回复一次")).Succeeded);

        var answered = Assert.Single(await service.ForAssignmentAsync(fixture.Leader, late.Id));
        Assert.Equal("已发布解读 3 篇，7月20日前补报佐证", answered.Response);
        Assert.NotNull(answered.AcknowledgedAtUtc);
        Assert.False(answered.IsOpen);
        var history = (await fixture.Get<AssignmentService>().HistoryAsync(unit, late.Id)).Select(h => h.What).ToList();
        Assert.Contains($"发出督办单 {notice.Number}，{WorkCalendar.Format(InAWeek)} 前答复：请于一周内报送政策解读落实情况", history);
        Assert.Contains("签收督办单", history);
        Assert.Contains("督办答复：（空） → 已发布解读 3 篇，7月20日前补报佐证", history);

        // Once answered, the office may chase again; the next notice takes the next number of the year.
        var next = await service.IssueAsync(fixture.Office, late.Id, "仍未报送佐证，再次督办", InAWeek);
        Assert.True(next.Succeeded, next.Message);
        var numbers = (await service.ForAssignmentAsync(fixture.Office, late.Id)).Select(n => int.Parse(NoticeNumber().Match(n.Number).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbers[1] + 1, numbers[0]);
    }

    [Fact]
    public async Task No_notice_for_work_not_yet_late_ongoing_or_closed_nor_with_a_respond_by_date_in_the_past()
    {
        var notYetDue = await fixture.AssignmentAsync("一.2", fixture.UnitB);
        var ongoing = await fixture.AssignmentAsync("一.5", fixture.UnitA);
        Assert.Equal(Outcome.Conflict("任务尚未逾期，不能下发督办单"), await service.IssueAsync(fixture.Office, notYetDue.Id, "督办", InAWeek));
        Assert.Equal(Outcome.Conflict("任务尚未逾期，不能下发督办单"), await service.IssueAsync(fixture.Office, ongoing.Id, "督办", InAWeek));

        var closed = await CloseAsync("一.4", fixture.UnitB);
        Assert.Equal(Outcome.Conflict("任务已办结，不能下发督办单"), await service.IssueAsync(fixture.Office, closed, "督办", InAWeek));

        var late = await fixture.AssignmentAsync("一.1", fixture.UnitB);
        var pastDate = await service.IssueAsync(fixture.Office, late.Id, "督办", fixture.Today.AddDays(-1));
        Assert.False(pastDate.Succeeded);
        Assert.Contains("不能早于今天", pastDate.Message, StringComparison.Ordinal);
        Assert.False((await service.IssueAsync(fixture.Office, late.Id, " ", InAWeek)).Succeeded);
        Assert.False((await service.IssueAsync(fixture.Office, late.Id, new string('督', EscalationNotice.MaxTextLength + 1), InAWeek)).Succeeded);
        Assert.Empty(await service.ForAssignmentAsync(fixture.Office, notYetDue.Id));
        Assert.Empty(await service.ForAssignmentAsync(fixture.Office, closed));
        Assert.Empty(await service.ForAssignmentAsync(fixture.Office, late.Id));
    }

    [Fact]
    public async Task Only_the_office_issues_and_only_the_unit_signs_and_answers_while_leaders_read_everything()
    {
        var late = await fixture.AssignmentAsync("一.3", fixture.UnitA);
        var ownUnit = fixture.UserOf(fixture.UnitA);
        var otherUnit = fixture.UserOf(fixture.UnitB);

        Assert.Equal(Refusals.NotPermitted, await service.IssueAsync(fixture.Leader, late.Id, "领导督办", InAWeek));
        Assert.Equal(Refusals.NotPermitted, await service.IssueAsync(ownUnit, late.Id, "自己督办自己", InAWeek));
        Assert.Equal(Refusals.TaskNotFound, await service.IssueAsync(otherUnit, late.Id, "冒充", InAWeek));
        Assert.Equal(Refusals.TaskNotFound, await service.IssueAsync(fixture.Office, 999999, "督办", InAWeek));
        Assert.Empty(await service.ForAssignmentAsync(fixture.Office, late.Id));

        Assert.True((await service.IssueAsync(fixture.Office, late.Id, "年度报告逾期未报送", InAWeek)).Succeeded);
        var notice = Assert.Single(await service.ForAssignmentAsync(fixture.Office, late.Id));

        Assert.Contains((await service.ListAsync(fixture.Leader)).Items, row => row.Id == notice.Id && row.UnitName == "工作流甲局" && row.TaskPath == "一.3");
        Assert.Contains((await service.ListAsync(fixture.Office)).Items, row => row.Id == notice.Id);
        Assert.Contains((await service.ListAsync(ownUnit)).Items, row => row.Id == notice.Id);
        Assert.True((await service.GetAsync(fixture.Leader, notice.Id)).Succeeded);

        Assert.Empty(await service.ForAssignmentAsync(otherUnit, late.Id));
        Assert.DoesNotContain((await service.ListAsync(otherUnit)).Items, row => row.Id == notice.Id);
        Assert.Equal(OutcomeKind.NotFound, (await service.GetAsync(otherUnit, notice.Id)).Kind);
        Assert.Equal(EscalationService.NoticeNotFound, await service.AcknowledgeAsync(otherUnit, notice.Id));
        Assert.Equal(EscalationService.NoticeNotFound, await service.RespondAsync(otherUnit, notice.Id, "冒充回复"));
        Assert.Equal(EscalationService.NoticeNotFound, await service.RespondAsync(ownUnit, 999999, "回复"));
        Assert.Equal(Refusals.NotPermitted, await service.AcknowledgeAsync(fixture.Leader, notice.Id));
        Assert.Equal(Refusals.NotPermitted, await service.RespondAsync(fixture.Office, notice.Id, "代为回复"));

        var untouched = Assert.Single(await service.ForAssignmentAsync(fixture.Leader, late.Id));
        Assert.Equal((null, null), (untouched.AcknowledgedAtUtc, untouched.Response));
    }

    [Fact]
    public async Task The_list_is_read_a_page_at_a_time_newest_first_and_a_page_past_the_end_shows_the_last()
    {
        var late = await fixture.AssignmentAsync("一.6", fixture.UnitB);
        Assert.True((await service.IssueAsync(fixture.Office, late.Id, "政策文件库逾期未更新", InAWeek)).Succeeded);
        var all = await service.ListAsync(fixture.Office, 1, 1000);

        var first = await service.ListAsync(fixture.Office, 1, 1);
        var second = await service.ListAsync(fixture.Office, 2, 1);
        var beyond = await service.ListAsync(fixture.Office, 999, 1);

        Assert.Equal(all.Items.Count, first.TotalCount);
        Assert.Equal(all.Items.Count, first.PageCount);
        Assert.Equal(late.Id, Assert.Single(first.Items).AssignmentId);
        Assert.Equal(all.Items.Select(r => r.Id).Take(2), first.Items.Concat(second.Items).Select(r => r.Id));
        Assert.Equal((first.PageCount, all.Items[^1].Id), (beyond.Page, Assert.Single(beyond.Items).Id));
        Assert.DoesNotContain((await service.ListAsync(fixture.UserOf(fixture.UnitA), 1, 1000)).Items, r => r.AssignmentId == late.Id);
    }

    [Fact]
    public async Task Issuing_a_notice_tells_the_unit_in_its_inbox_with_the_number_the_text_and_the_answer_date_and_no_other_unit()
    {
        var late = await fixture.AssignmentAsync("一.7", fixture.UnitB);
        long mark;
        await using (var db = fixture.App.NewDbContext())
        {
            mark = await db.UnitNotices.MaxAsync(n => (long?)n.Id) ?? 0;
        }

        Assert.True((await service.IssueAsync(fixture.Office, late.Id, "网站整改逾期，请说明原因", InAWeek)).Succeeded);

        var issued = Assert.Single(await service.ForAssignmentAsync(fixture.Office, late.Id));
        await using (var db = fixture.App.NewDbContext())
        {
            var notice = Assert.Single(await db.UnitNotices.Where(n => n.Id > mark).ToListAsync());
            Assert.Equal((fixture.UnitB, UnitNoticeKind.Decision, $"assignments/{late.Id}"), (notice.OrgUnitId, notice.Kind, notice.Link));
            Assert.Equal("收到督办单：一.7 公开财政预决算", notice.Title);
            Assert.Contains(issued.Number, notice.Body, StringComparison.Ordinal);
            Assert.Contains($"{WorkCalendar.Format(InAWeek)} 前书面回复", notice.Body, StringComparison.Ordinal);
            Assert.Contains("网站整改逾期，请说明原因", notice.Body, StringComparison.Ordinal);
        }
    }

    private async Task<int> CloseAsync(string path, int unitId)
    {
        var assignments = fixture.Get<AssignmentService>();
        var unit = fixture.UserOf(unitId);
        var id = (await fixture.AssignmentAsync(path, unitId)).Id;
        Assert.True((await assignments.SubmitReportAsync(unit, id, (await fixture.AssignmentAsync(path, unitId)).Version, new ReportInput { Progress = "已完成整改", EvidenceLinks = "https://example.gov.cn/x" })).Succeeded);
        Assert.True((await assignments.RequestCompletionAsync(unit, id, (await fixture.AssignmentAsync(path, unitId)).Version, "已完成")).Succeeded);
        Assert.True((await assignments.ApproveCompletionAsync(fixture.Office, id, (await fixture.AssignmentAsync(path, unitId)).Version)).Succeeded);
        return id;
    }
}
