using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>Steps of a phase whose heading gives its date range are due when the phase ends.</summary>
public sealed class PhaseRangeTests
{
    private static readonly PlanTextParser Parser = new();

    [Fact]
    public void A_step_without_its_own_date_is_due_at_the_end_of_its_phase_and_its_own_date_wins()
    {
        var plan = Parser.Parse("""
            2022年迎评工作方案
            四、实施步骤
            (一)前期准备阶段(2022年3月1日—3月28日)
            1.制定工作方案。由区社会事业局起草。
            2.建立明细台账。于2022年3月20日前报送。
            (二)接受评估阶段(2022年5月1日—)
            1.完善资料。继续补缺补漏。
            """);

        Assert.Equal(new DateOnly(2022, 3, 28), plan.Tasks.Single(t => t.Path == "四.(一).1").Deadline);
        Assert.Equal(new DateOnly(2022, 3, 20), plan.Tasks.Single(t => t.Path == "四.(一).2").Deadline);
        Assert.Null(plan.Tasks.Single(t => t.Path == "四.(二).1").Deadline);
    }
}
