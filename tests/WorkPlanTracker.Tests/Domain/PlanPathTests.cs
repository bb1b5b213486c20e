using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Tests.Domain;

public class PlanPathTests
{
    [Theory]
    [InlineData("一", "一、")]
    [InlineData("十一", "十一、")]
    [InlineData("一.(二)", "(二)")]
    [InlineData("一.(二).3", "3.")]
    [InlineData("一.(二).3#2", "3.")]
    [InlineData("一.(二).3.(1)", "(1)")]
    [InlineData("二.①", "①")]
    public void A_paths_last_segment_reads_as_the_document_numbers_a_heading(string path, string number) =>
        Assert.Equal(number, PlanPath.HeadingNumber(path));
}

public class PlanPathCitationTests
{
    [Theory]
    [InlineData("三.7", 0, "三、7.")]
    [InlineData("一.(二).3", 0, "一、（二）3.")]
    [InlineData("一.(二).3#2", 0, "一、（二）3.")]
    [InlineData("一.(二).3.(1)", 0, "一、（二）3.（1）")]
    [InlineData("一.3-1", 0, "一、3-1.")]
    [InlineData("一.(二).3", 1, "（二）3.")]
    [InlineData("7", 1, "7.")]
    public void A_task_is_cited_as_the_document_numbers_it(string path, int skipLevels, string citation) =>
        Assert.Equal(citation, PlanPath.Citation(path, skipLevels));
}
