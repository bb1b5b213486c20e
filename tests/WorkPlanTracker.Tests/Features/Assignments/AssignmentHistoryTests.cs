using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Assignments;

namespace WorkPlanTracker.Tests.Features.Assignments;

/// <summary>Each audit entry is put in the words of its own entity, never in those of the assignment beside it.</summary>
public class AssignmentHistoryTests
{
    private static AuditEntry Entry(string type, AuditAction action, string? before, string? after) => new()
    {
        EntityType = type,
        EntityId = "7",
        Action = action,
        Before = before,
        After = after,
        UserName = "office",
    };

    [Fact]
    public void An_approved_extension_reads_as_the_extensions_decision_not_as_the_assignment_being_signed_for()
    {
        var approved = Entry(nameof(ExtensionRequest), AuditAction.Modified,
            """{"Status":0,"ApprovedDate":null,"DecidedAtUtc":null}""",
            """{"Status":1,"ApprovedDate":"2035-11-30","DecidedAtUtc":"2035-07-01T02:00:00Z"}""");

        var line = AssignmentHistory.Describe(approved);

        Assert.Equal("同意延期至 2035年11月30日", line);
        Assert.DoesNotContain("待签收", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_extension_reads_as_the_refusal_with_its_reason()
    {
        var refused = Entry(nameof(ExtensionRequest), AuditAction.Modified,
            """{"Status":0,"RefusalReason":null}""", """{"Status":2,"RefusalReason":"不符合延期条件"}""");

        Assert.Equal("不同意延期：不符合延期条件", AssignmentHistory.Describe(refused));
    }

    [Fact]
    public void Changes_joined_in_one_line_never_read_a_full_stop_before_the_semicolon()
    {
        var requested = Entry(nameof(TaskAssignment), AuditAction.Modified,
            """{"CompletionSummary":null,"Status":2}""", """{"CompletionSummary":"已全部发布。","Status":3}""");

        Assert.Equal("办结说明：（空） → 已全部发布；状态：推进中 → 申请办结", AssignmentHistory.Describe(requested));
    }

    [Fact]
    public void The_offices_approval_and_withdrawal_of_a_public_summary_are_in_the_record()
    {
        var approved = Entry(nameof(ProgressReport), AuditAction.Modified,
            """{"PublicSummary":null,"PublicSummaryApprovedAtUtc":null}""",
            """{"PublicSummary":"已建成专栏。","PublicSummaryApprovedAtUtc":"2035-07-01T02:00:00Z"}""");
        var approvedAgain = Entry(nameof(ProgressReport), AuditAction.Modified,
            """{"PublicSummaryApprovedAtUtc":null}""", """{"PublicSummaryApprovedAtUtc":"2035-07-02T02:00:00Z"}""");
        var withdrawn = Entry(nameof(ProgressReport), AuditAction.Modified,
            """{"PublicSummaryApprovedAtUtc":"2035-07-01T02:00:00Z"}""", """{"PublicSummaryApprovedAtUtc":null}""");

        Assert.Equal("审核通过公开摘要：已建成专栏。", AssignmentHistory.Describe(approved));
        Assert.Equal("审核通过公开摘要", AssignmentHistory.Describe(approvedAgain));
        Assert.Equal("撤回公开摘要", AssignmentHistory.Describe(withdrawn));
    }

    [Fact]
    public void The_same_status_number_on_the_assignment_is_still_the_assignments_status()
    {
        var signed = Entry(nameof(TaskAssignment), AuditAction.Modified, """{"Status":0}""", """{"Status":1}""");

        Assert.Equal("状态：待签收 → 已签收", AssignmentHistory.Describe(signed));
    }

    [Fact]
    public void Fields_of_one_entity_are_not_read_with_the_names_of_another()
    {
        // A report has no 状态; a returned report's own entry adds nothing to the assignment's entry of the same moment.
        var reportWithStatus = Entry(nameof(ProgressReport), AuditAction.Modified, """{"Status":0}""", """{"Status":1}""");
        var returnedReport = Entry(nameof(ProgressReport), AuditAction.Modified,
            """{"ReturnReason":null,"ReturnedAtUtc":null}""", """{"ReturnReason":"缺少佐证","ReturnedAtUtc":"2035-07-01T02:00:00Z"}""");
        var editedReport = Entry(nameof(ProgressReport), AuditAction.Modified, """{"PercentComplete":40}""", """{"PercentComplete":60}""");

        Assert.Equal("", AssignmentHistory.Describe(reportWithStatus));
        Assert.Equal("", AssignmentHistory.Describe(returnedReport));
        Assert.Equal("完成比例：40 → 60", AssignmentHistory.Describe(editedReport));
    }

    [Fact]
    public void A_removed_child_says_what_was_removed()
    {
        var file = Entry(nameof(EvidenceFile), AuditAction.Deleted, """{"FileName":"会议纪要.pdf"}""", null);
        var notice = Entry(nameof(EscalationNotice), AuditAction.Deleted, """{"Year":2035,"Sequence":3}""", null);

        Assert.Equal("删除佐证材料：会议纪要.pdf", AssignmentHistory.Describe(file));
        Assert.Equal("删除督办单 督办〔2035〕3号", AssignmentHistory.Describe(notice));
    }

    [Fact]
    public void A_changed_role_reads_as_lead_or_supporting()
    {
        var role = Entry(nameof(TaskAssignment), AuditAction.Modified, """{"Role":1}""", """{"Role":0}""");

        Assert.Equal("角色：配合 → 牵头", AssignmentHistory.Describe(role));
    }
}
