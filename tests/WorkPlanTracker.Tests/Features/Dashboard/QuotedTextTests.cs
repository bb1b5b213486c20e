using WorkPlanTracker.Features.Dashboard;

namespace WorkPlanTracker.Tests.Features.Dashboard;

public class QuotedTextTests
{
    [Theory]
    [InlineData("已梳理清单120项。", "已梳理清单120项")]
    [InlineData("已完成审核；", "已完成审核")]
    [InlineData("  已上线，。 ", "已上线")]
    [InlineData("1.已梳理流程；\n2.已修订制度。\n", "1.已梳理流程；2.已修订制度")]
    [InlineData("。", "")]
    [InlineData(null, "")]
    public void A_quotation_ends_without_a_mark_so_the_report_can_add_its_own(string? text, string clause) =>
        Assert.Equal(clause, QuotedText.Clause(text));

    [Fact]
    public void A_long_quotation_is_cut_at_a_full_stop()
    {
        var text = new string('甲', 200) + "。" + new string('乙', 200) + "。";
        Assert.Equal(new string('甲', 200), QuotedText.Clause(text));
    }

    [Fact]
    public void A_long_quotation_without_a_full_stop_is_cut_with_an_ellipsis()
    {
        var clause = QuotedText.Clause(new string('甲', 500));
        Assert.Equal(new string('甲', QuotedText.MaxLength) + "……", clause);
    }
}
