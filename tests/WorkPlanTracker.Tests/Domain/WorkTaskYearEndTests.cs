using WorkPlanTracker.Domain;
using static WorkPlanTracker.Tests.Domain.AssignmentFixtures;

namespace WorkPlanTracker.Tests.Domain;

/// <summary>年度结转 on one task: carried or closed as 未完成 once, never a task every unit closed, never without a reason.</summary>
public class WorkTaskYearEndTests
{
    [Fact]
    public void A_carried_task_is_settled_but_not_closed_and_keeps_its_deadline()
    {
        var task = TaskDue(Deadline);
        task.Assignments.Add(At(AssignmentStatus.InProgress));

        task.MarkCarried("结转至2025年《工作要点》", Day(300));

        Assert.Equal((YearEndOutcome.Carried, "结转至2025年《工作要点》"), (task.YearEndOutcome, task.YearEndNote));
        Assert.True(task.IsSettled);
        Assert.False(task.IsClosed);
        Assert.Equal(Deadline, task.Deadline);
        var again = Assert.Throws<DomainRuleException>(() => task.CloseUnfinished("不再实施", Day(301)));
        Assert.Contains("已结转", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Closing_as_unfinished_needs_a_reason_and_a_task_not_done()
    {
        var open = TaskDue(Deadline);
        open.Assignments.Add(At(AssignmentStatus.Returned));
        var done = TaskDue(Deadline);
        done.Assignments.Add(At(AssignmentStatus.Closed));

        Assert.Contains("请填写原因", Assert.Throws<DomainRuleException>(() => open.CloseUnfinished("  ", Day(300))).Message, StringComparison.Ordinal);
        Assert.Equal(YearEndOutcome.None, open.YearEndOutcome);
        Assert.Contains("已全部办结", Assert.Throws<DomainRuleException>(() => done.MarkCarried("结转", Day(300))).Message, StringComparison.Ordinal);

        open.CloseUnfinished(" 政策调整 ", Day(300));
        Assert.Equal((YearEndOutcome.Unfinished, "政策调整"), (open.YearEndOutcome, open.YearEndNote));
    }
}
