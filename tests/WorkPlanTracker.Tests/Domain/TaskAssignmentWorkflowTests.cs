using WorkPlanTracker.Domain;
using static WorkPlanTracker.Tests.Domain.AssignmentFixtures;

namespace WorkPlanTracker.Tests.Domain;

public class TaskAssignmentWorkflowTests
{
    [Fact]
    public void A_new_assignment_takes_the_tasks_deadline_as_due_and_original_date()
    {
        var a = New();

        Assert.Equal(AssignmentStatus.Assigned, a.Status);
        Assert.Equal(7, a.TaskId);
        Assert.Equal(3, a.OrgUnitId);
        Assert.Equal(T0, a.AssignedAtUtc);
        Assert.Equal(Deadline, a.DueDate);
        Assert.Equal(Deadline, a.OriginalDueDate);
        Assert.False(a.WasExtended);
    }

    [Fact]
    public void An_ongoing_task_gives_no_due_date()
    {
        var a = New(ongoing: true);

        Assert.Null(a.DueDate);
        Assert.Null(a.OriginalDueDate);
    }

    [Fact]
    public void The_happy_path_runs_from_assigned_to_closed()
    {
        var a = New();

        a.Acknowledge(Day(1));
        Assert.Equal(AssignmentStatus.Acknowledged, a.Status);
        Assert.Equal(Day(1), a.AcknowledgedAtUtc);

        var report = Report(percent: 50);
        a.SubmitReport(report, Day(2));
        Assert.Equal(AssignmentStatus.InProgress, a.Status);
        Assert.Same(report, Assert.Single(a.Reports));
        Assert.Equal(Day(2), report.ReportedAtUtc);
        Assert.Same(a, report.Assignment);

        a.SubmitReport(Report("二期上线", 90), Day(10));
        Assert.Equal(AssignmentStatus.InProgress, a.Status);
        Assert.Equal(2, a.Reports.Count);

        a.RequestCompletion(" 专栏已上线运行 ", Day(11));
        Assert.Equal(AssignmentStatus.CompletionRequested, a.Status);
        Assert.Equal("专栏已上线运行", a.CompletionSummary);
        Assert.Equal(Day(11), a.CompletionRequestedAtUtc);

        a.ApproveCompletion(Day(12));
        Assert.Equal(AssignmentStatus.Closed, a.Status);
        Assert.Equal(Day(12), a.ClosedAtUtc);
        Assert.True(a.ClosedOnTime);
    }

    [Fact]
    public void Reporting_on_an_assigned_assignment_acknowledges_it_on_the_way()
    {
        var a = New();

        a.SubmitReport(Report(), Day(2));

        Assert.Equal(AssignmentStatus.InProgress, a.Status);
        Assert.Equal(Day(2), a.AcknowledgedAtUtc);
    }

    [Fact]
    public void A_returned_report_is_marked_with_the_reason_and_a_new_report_puts_the_work_back_in_progress()
    {
        var a = At(AssignmentStatus.InProgress);
        var first = a.Reports[0];

        a.Return(" 佐证材料缺少链接 ", Day(5));

        Assert.Equal(AssignmentStatus.Returned, a.Status);
        Assert.Equal("佐证材料缺少链接", a.ReturnReason);
        Assert.Equal(Day(5), a.ReturnedAtUtc);
        Assert.True(first.IsReturned);
        Assert.Equal("佐证材料缺少链接", first.ReturnReason);

        a.SubmitReport(Report("已补充链接"), Day(6));
        Assert.Equal(AssignmentStatus.InProgress, a.Status);
        Assert.Equal("佐证材料缺少链接", a.ReturnReason);
    }

    [Fact]
    public void A_returned_completion_request_needs_a_new_report_before_asking_again()
    {
        var a = At(AssignmentStatus.CompletionRequested);

        a.Return("未见公开页面", Day(5));
        Assert.Equal(AssignmentStatus.Returned, a.Status);
        Assert.False(a.Reports[0].IsReturned);

        var ex = Assert.Throws<DomainRuleException>(() => a.RequestCompletion("已完成", Day(6)));
        Assert.Equal("任务已被退回（退回理由：未见公开页面），请按要求重新报送进展后再申请办结", ex.Message);

        a.SubmitReport(Report("页面已公开"), Day(6));
        a.RequestCompletion("已完成", Day(7));
        a.ApproveCompletion(Day(8));
        Assert.Equal(AssignmentStatus.Closed, a.Status);
    }

    [Fact]
    public void Can_flags_follow_the_status()
    {
        var assigned = New();
        Assert.True(assigned.CanAcknowledge);
        Assert.True(assigned.CanSubmitReport);
        Assert.False(assigned.CanRequestCompletion);
        Assert.False(assigned.CanReturn);
        Assert.True(assigned.CanRequestExtension);
        Assert.False(assigned.CanDecideExtension);

        var requested = At(AssignmentStatus.CompletionRequested);
        Assert.True(requested.CanApproveCompletion);
        Assert.True(requested.CanReturn);
        Assert.False(requested.CanSubmitReport);

        var closed = At(AssignmentStatus.Closed);
        Assert.False(closed.CanSubmitReport || closed.CanAcknowledge || closed.CanReturn || closed.CanRequestExtension || closed.CanApproveCompletion);

        Assert.False(New(ongoing: true).CanRequestExtension);
    }

    public static TheoryData<AssignmentStatus, string> AcknowledgeRefusals => new()
    {
        { AssignmentStatus.Acknowledged, "任务已于2024年3月2日签收，无需重复签收" },
        { AssignmentStatus.InProgress, "任务已于2024年3月2日签收，无需重复签收" },
        { AssignmentStatus.Closed, "任务已办结，无需签收" },
    };

    [Theory]
    [MemberData(nameof(AcknowledgeRefusals))]
    public void Acknowledge_is_refused_once_taken(AssignmentStatus status, string message)
    {
        var a = At(status);

        var ex = Assert.Throws<DomainRuleException>(() => a.Acknowledge(Day(20)));

        Assert.Equal(message, ex.Message);
        Assert.Equal(status, a.Status);
    }

    public static TheoryData<AssignmentStatus, string> ReportRefusals => new()
    {
        { AssignmentStatus.Closed, "已办结的任务不能再报送进展" },
        { AssignmentStatus.CompletionRequested, "已申请办结，正在等待督办人审核，暂不能报送进展；如需补充材料，请联系督办人退回后重新报送" },
    };

    [Theory]
    [MemberData(nameof(ReportRefusals))]
    public void Reports_are_refused_when_closed_or_under_completion_review(AssignmentStatus status, string message)
    {
        var a = At(status);
        var before = a.Reports.Count;

        var ex = Assert.Throws<DomainRuleException>(() => a.SubmitReport(Report(), Day(20)));

        Assert.Equal(message, ex.Message);
        Assert.Equal(before, a.Reports.Count);
        Assert.Equal(status, a.Status);
    }

    [Theory]
    [InlineData("", null, "请填写进展情况")]
    [InlineData("  ", null, "请填写进展情况")]
    [InlineData("完成一半", 101, "完成进度须在0%至100%之间")]
    [InlineData("完成一半", -1, "完成进度须在0%至100%之间")]
    public void An_empty_or_impossible_report_is_refused(string progress, int? percent, string message)
    {
        var a = At(AssignmentStatus.Acknowledged);

        var ex = Assert.Throws<DomainRuleException>(() => a.SubmitReport(Report(progress, percent), Day(2)));

        Assert.Equal(message, ex.Message);
        Assert.Empty(a.Reports);
        Assert.Equal(AssignmentStatus.Acknowledged, a.Status);
    }

    public static TheoryData<AssignmentStatus, string> CompletionRequestRefusals => new()
    {
        { AssignmentStatus.Assigned, "尚未报送进展情况，请先报送进展（附佐证材料）再申请办结" },
        { AssignmentStatus.Acknowledged, "尚未报送进展情况，请先报送进展（附佐证材料）再申请办结" },
        { AssignmentStatus.CompletionRequested, "已申请办结，正在等待督办人审核，请勿重复申请" },
        { AssignmentStatus.Closed, "任务已办结，无需再申请办结" },
        { AssignmentStatus.Returned, "任务已被退回（退回理由：佐证材料缺少链接），请按要求重新报送进展后再申请办结" },
        { AssignmentStatus.ExtensionRequested, "延期申请正在审核中，请等审核结果出来后再申请办结" },
    };

    [Theory]
    [MemberData(nameof(CompletionRequestRefusals))]
    public void Completion_can_be_requested_only_with_a_standing_report(AssignmentStatus status, string message)
    {
        var a = At(status);

        var ex = Assert.Throws<DomainRuleException>(() => a.RequestCompletion("已完成", Day(20)));

        Assert.Equal(message, ex.Message);
        Assert.Equal(status, a.Status);
    }

    [Fact]
    public void A_completion_request_needs_a_summary()
    {
        var a = At(AssignmentStatus.InProgress);

        var ex = Assert.Throws<DomainRuleException>(() => a.RequestCompletion(" ", Day(20)));

        Assert.Equal("申请办结时请填写完成情况说明", ex.Message);
        Assert.Equal(AssignmentStatus.InProgress, a.Status);
    }

    public static TheoryData<AssignmentStatus, string> ApproveRefusals => new()
    {
        { AssignmentStatus.Assigned, "承办单位尚未申请办结，不能办结；请等承办单位报送完成情况并申请办结" },
        { AssignmentStatus.Acknowledged, "承办单位尚未申请办结，不能办结；请等承办单位报送完成情况并申请办结" },
        { AssignmentStatus.InProgress, "承办单位尚未申请办结，不能办结；请等承办单位报送完成情况并申请办结" },
        { AssignmentStatus.Returned, "承办单位尚未申请办结，不能办结；请等承办单位报送完成情况并申请办结" },
        { AssignmentStatus.ExtensionRequested, "承办单位尚未申请办结，不能办结；请等承办单位报送完成情况并申请办结" },
        { AssignmentStatus.Closed, "任务已办结，无需重复办结" },
    };

    [Theory]
    [MemberData(nameof(ApproveRefusals))]
    public void Only_a_completion_request_can_be_closed(AssignmentStatus status, string message)
    {
        var a = At(status);
        var closedAt = a.ClosedAtUtc;

        var ex = Assert.Throws<DomainRuleException>(() => a.ApproveCompletion(Day(20)));

        Assert.Equal(message, ex.Message);
        Assert.Equal(status, a.Status);
        Assert.Equal(closedAt, a.ClosedAtUtc);
    }

    public static TheoryData<AssignmentStatus, string> ReturnRefusals => new()
    {
        { AssignmentStatus.Assigned, "承办单位尚未报送进展，没有可退回的内容" },
        { AssignmentStatus.Acknowledged, "承办单位尚未报送进展，没有可退回的内容" },
        { AssignmentStatus.Returned, "任务已退回，正在等待承办单位重新报送" },
        { AssignmentStatus.ExtensionRequested, "承办单位的延期申请尚未审核，请先同意或不同意延期，再退回" },
        { AssignmentStatus.Closed, "已办结的任务不能退回" },
    };

    [Theory]
    [MemberData(nameof(ReturnRefusals))]
    public void Return_is_refused_when_there_is_nothing_to_send_back(AssignmentStatus status, string message)
    {
        var a = At(status);

        var ex = Assert.Throws<DomainRuleException>(() => a.Return("请补充", Day(20)));

        Assert.Equal(message, ex.Message);
        Assert.Equal(status, a.Status);
    }

    [Theory]
    [InlineData(AssignmentStatus.InProgress)]
    [InlineData(AssignmentStatus.CompletionRequested)]
    public void Return_needs_a_reason(AssignmentStatus status)
    {
        var a = At(status);

        var ex = Assert.Throws<DomainRuleException>(() => a.Return("  ", Day(20)));

        Assert.Equal("退回时请填写退回理由，便于承办单位修改", ex.Message);
        Assert.Equal(status, a.Status);
        Assert.Null(a.ReturnReason);
    }

    [Fact]
    public void A_step_the_current_state_does_not_allow_is_a_state_conflict_and_a_missing_reason_a_bad_value()
    {
        var closed = At(AssignmentStatus.Closed);
        var reported = At(AssignmentStatus.InProgress);

        var twice = Assert.Throws<DomainRuleException>(() => closed.Return("请补充材料", Day(20)));
        var noReason = Assert.Throws<DomainRuleException>(() => reported.Return(" ", Day(20)));
        var extensionOfOngoing = Assert.Throws<DomainRuleException>(() => New(ongoing: true).RequestExtension(Deadline.AddDays(30), "人手不足", Day(1)));

        Assert.Equal((DomainRuleKind.StateConflict, "已办结的任务不能退回"), (twice.Kind, twice.Message));
        Assert.Equal(DomainRuleKind.InvalidValue, noReason.Kind);
        Assert.Equal(DomainRuleKind.StateConflict, extensionOfOngoing.Kind);
    }
}
