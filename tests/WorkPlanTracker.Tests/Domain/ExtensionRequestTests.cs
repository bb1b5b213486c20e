using WorkPlanTracker.Domain;
using static WorkPlanTracker.Tests.Domain.AssignmentFixtures;

namespace WorkPlanTracker.Tests.Domain;

public class ExtensionRequestTests
{
    private static readonly DateOnly Asked = new(2024, 9, 30);

    [Fact]
    public void A_request_records_the_date_reason_and_status_to_return_to()
    {
        var a = At(AssignmentStatus.InProgress);

        a.RequestExtension(Asked, " 系统招标延迟 ", Day(3));

        Assert.Equal(AssignmentStatus.ExtensionRequested, a.Status);
        Assert.Equal(AssignmentStatus.InProgress, a.StatusBeforeExtension);
        var request = Assert.Single(a.Extensions);
        Assert.Equal(Asked, request.RequestedDate);
        Assert.Equal("系统招标延迟", request.Reason);
        Assert.Equal(ExtensionStatus.Pending, request.Status);
        Assert.Equal(Day(3), request.RequestedAtUtc);
        Assert.Equal(Deadline, request.DueDateBefore);
        Assert.Equal(Deadline, a.DueDate);
    }

    [Fact]
    public void Approval_moves_the_due_date_and_keeps_the_original_deadline()
    {
        var a = At(AssignmentStatus.ExtensionRequested);

        a.ApproveExtension(null, Day(4));

        Assert.Equal(AssignmentStatus.InProgress, a.Status);
        Assert.Null(a.StatusBeforeExtension);
        Assert.Equal(Asked, a.DueDate);
        Assert.Equal(Deadline, a.OriginalDueDate);
        Assert.True(a.WasExtended);
        var request = Assert.Single(a.Extensions);
        Assert.Equal(ExtensionStatus.Approved, request.Status);
        Assert.Equal(Asked, request.ApprovedDate);
        Assert.Equal(Day(4), request.DecidedAtUtc);
    }

    [Fact]
    public void The_office_may_approve_another_date_than_asked()
    {
        var a = At(AssignmentStatus.ExtensionRequested);

        a.ApproveExtension(new DateOnly(2024, 8, 31), Day(4));

        Assert.Equal(new DateOnly(2024, 8, 31), a.DueDate);
        Assert.Equal(new DateOnly(2024, 8, 31), a.Extensions[0].ApprovedDate);
    }

    [Fact]
    public void An_approved_date_must_be_later_than_the_current_one()
    {
        var a = At(AssignmentStatus.ExtensionRequested);

        var ex = Assert.Throws<DomainRuleException>(() => a.ApproveExtension(Deadline, Day(4)));

        Assert.Equal("批准的新时限（2024年7月31日）须晚于当前完成时限（2024年7月31日）", ex.Message);
        Assert.Equal(AssignmentStatus.ExtensionRequested, a.Status);
        Assert.Equal(ExtensionStatus.Pending, a.Extensions[0].Status);
    }

    [Fact]
    public void Refusal_keeps_the_date_records_why_and_goes_back_to_the_previous_status()
    {
        var a = New();
        a.Acknowledge(Day(1));
        a.RequestExtension(Asked, "人手不足", Day(2));

        a.RefuseExtension(" 时限为上级文件规定,不能延期 ", Day(3));

        Assert.Equal(AssignmentStatus.Acknowledged, a.Status);
        Assert.Equal(Deadline, a.DueDate);
        Assert.False(a.WasExtended);
        Assert.Equal("时限为上级文件规定,不能延期", a.ExtensionRefusalReason);
        Assert.Equal(Day(3), a.ExtensionRefusedAtUtc);
        var request = Assert.Single(a.Extensions);
        Assert.Equal(ExtensionStatus.Refused, request.Status);
        Assert.Equal("时限为上级文件规定,不能延期", request.RefusalReason);
        Assert.Equal(Day(3), request.DecidedAtUtc);
    }

    [Fact]
    public void Refusal_needs_a_reason()
    {
        var a = At(AssignmentStatus.ExtensionRequested);

        var ex = Assert.Throws<DomainRuleException>(() => a.RefuseExtension("", Day(4)));

        Assert.Equal("不同意延期时请填写理由", ex.Message);
        Assert.Equal(AssignmentStatus.ExtensionRequested, a.Status);
    }

    [Fact]
    public void A_returned_assignment_goes_back_to_returned_after_the_decision()
    {
        var a = At(AssignmentStatus.Returned);

        a.RequestExtension(Asked, "需重新组织材料", Day(4));
        a.ApproveExtension(null, Day(5));

        Assert.Equal(AssignmentStatus.Returned, a.Status);
    }

    [Fact]
    public void Asking_on_an_assigned_assignment_acknowledges_it_and_refusal_leaves_it_acknowledged()
    {
        var a = New();

        a.RequestExtension(Asked, "机构调整", Day(1));
        Assert.Equal(Day(1), a.AcknowledgedAtUtc);
        a.RefuseExtension("不同意", Day(2));

        Assert.Equal(AssignmentStatus.Acknowledged, a.Status);
    }

    [Fact]
    public void A_report_while_the_request_waits_keeps_the_request_and_makes_the_work_in_progress_after_it()
    {
        var a = New();
        a.Acknowledge(Day(1));
        a.RequestExtension(Asked, "机构调整", Day(2));

        a.SubmitReport(Report(), Day(3));
        Assert.Equal(AssignmentStatus.ExtensionRequested, a.Status);
        Assert.Single(a.Reports);

        a.RefuseExtension("不同意", Day(4));
        Assert.Equal(AssignmentStatus.InProgress, a.Status);
    }

    [Fact]
    public void A_second_extension_still_keeps_the_first_deadline()
    {
        var a = At(AssignmentStatus.ExtensionRequested);
        a.ApproveExtension(null, Day(4));

        a.RequestExtension(new DateOnly(2024, 11, 30), "再次延期", Day(5));
        a.ApproveExtension(null, Day(6));

        Assert.Equal(new DateOnly(2024, 11, 30), a.DueDate);
        Assert.Equal(Deadline, a.OriginalDueDate);
        Assert.Equal([ExtensionStatus.Approved, ExtensionStatus.Approved], a.Extensions.Select(e => e.Status));
        Assert.Equal(Asked, a.Extensions[1].DueDateBefore);
    }

    public static TheoryData<AssignmentStatus, string> RequestRefusals => new()
    {
        { AssignmentStatus.Closed, "已办结的任务不能申请延期" },
        { AssignmentStatus.CompletionRequested, "已申请办结，不能再申请延期；如确需延期，请联系督办人退回后再申请" },
        { AssignmentStatus.ExtensionRequested, "已有延期申请正在审核中，请勿重复申请" },
    };

    [Theory]
    [MemberData(nameof(RequestRefusals))]
    public void A_request_is_refused_when_closed_under_review_or_already_asked(AssignmentStatus status, string message)
    {
        var a = At(status);
        var count = a.Extensions.Count;

        var ex = Assert.Throws<DomainRuleException>(() => a.RequestExtension(new DateOnly(2024, 12, 31), "理由", Day(20)));

        Assert.Equal(message, ex.Message);
        Assert.Equal(status, a.Status);
        Assert.Equal(count, a.Extensions.Count);
    }

    [Fact]
    public void Ongoing_work_has_no_date_to_extend()
    {
        var a = New(ongoing: true);

        var ex = Assert.Throws<DomainRuleException>(() => a.RequestExtension(Asked, "理由", Day(1)));

        Assert.Equal("该任务为持续推进的工作，没有完成时限，无需申请延期", ex.Message);
    }

    [Theory]
    [InlineData(2024, 9, 30, "", "申请延期时请说明理由")]
    [InlineData(2024, 7, 31, "理由", "申请的新时限（2024年7月31日）须晚于当前完成时限（2024年7月31日）")]
    [InlineData(2024, 7, 1, "理由", "申请的新时限（2024年7月1日）须晚于当前完成时限（2024年7月31日）")]
    public void A_request_needs_a_reason_and_a_later_date(int year, int month, int day, string reason, string message)
    {
        var a = At(AssignmentStatus.InProgress);

        var ex = Assert.Throws<DomainRuleException>(() => a.RequestExtension(new DateOnly(year, month, day), reason, Day(3)));

        Assert.Equal(message, ex.Message);
        Assert.Equal(AssignmentStatus.InProgress, a.Status);
        Assert.Empty(a.Extensions);
    }

    [Fact]
    public void A_late_request_cannot_ask_for_a_date_already_past()
    {
        var a = New(deadline: new DateOnly(2024, 3, 1));
        a.Acknowledge(Day(1));

        // Day(9) is 2024-03-10 in China; 2024-03-05 is later than the deadline but already past.
        var ex = Assert.Throws<DomainRuleException>(() => a.RequestExtension(new DateOnly(2024, 3, 5), "理由", Day(9)));

        Assert.Equal("申请的新时限（2024年3月5日）不能早于今天（2024年3月10日）", ex.Message);
    }

    [Theory]
    [InlineData(AssignmentStatus.Assigned)]
    [InlineData(AssignmentStatus.InProgress)]
    [InlineData(AssignmentStatus.Closed)]
    public void Deciding_needs_a_pending_request(AssignmentStatus status)
    {
        var a = At(status);

        Assert.Equal("没有待审核的延期申请", Assert.Throws<DomainRuleException>(() => a.ApproveExtension(null, Day(20))).Message);
        Assert.Equal("没有待审核的延期申请", Assert.Throws<DomainRuleException>(() => a.RefuseExtension("不同意", Day(20))).Message);
        Assert.Equal(status, a.Status);
    }

    [Fact]
    public void Deciding_without_the_requests_loaded_is_a_programming_error_not_a_rule()
    {
        var a = At(AssignmentStatus.ExtensionRequested);
        a.Extensions.Clear();

        Assert.Throws<InvalidOperationException>(() => a.ApproveExtension(null, Day(4)));
    }

    [Fact]
    public void A_corrected_task_deadline_moves_both_dates_but_not_past_an_approved_extension()
    {
        var a = At(AssignmentStatus.ExtensionRequested);
        a.ApproveExtension(null, Day(4));

        a.ApplyTaskDeadline(TaskDue(new DateOnly(2024, 8, 31)));
        Assert.Equal(new DateOnly(2024, 8, 31), a.OriginalDueDate);
        Assert.Equal(Asked, a.DueDate);

        var fresh = New();
        fresh.ApplyTaskDeadline(TaskDue(new DateOnly(2024, 6, 30)));
        Assert.Equal(new DateOnly(2024, 6, 30), fresh.DueDate);
        Assert.Equal(new DateOnly(2024, 6, 30), fresh.OriginalDueDate);
    }

    [Fact]
    public void A_decided_request_is_not_decided_again()
    {
        var a = At(AssignmentStatus.ExtensionRequested);
        var request = Assert.Single(a.Extensions);
        a.ApproveExtension(null, Day(4));

        var refused = Assert.Throws<DomainRuleException>(() => request.Refuse("不同意", Day(5)));

        Assert.Equal("该延期申请已审核，不能重复审核", refused.Message);
        Assert.Equal(ExtensionStatus.Approved, request.Status);
        Assert.Equal(Asked, request.ApprovedDate);
        Assert.Equal(Day(4), request.DecidedAtUtc);
        Assert.Null(request.RefusalReason);
    }
}
