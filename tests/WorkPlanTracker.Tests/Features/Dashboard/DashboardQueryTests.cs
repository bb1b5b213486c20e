using WorkPlanTracker.Features.Dashboard;

namespace WorkPlanTracker.Tests.Features.Dashboard;

public class DashboardQueryTests
{
    [Theory]
    [InlineData("2024", 2024)]
    [InlineData("2000", 2000)]
    [InlineData("2100", 2100)]
    [InlineData("1999", null)]
    [InlineData("2101", null)]
    [InlineData("-2147483648", null)]
    [InlineData("2147483647", null)]
    [InlineData("99999999999999", null)]
    [InlineData("<img src=x onerror=alert(1)>", null)]
    [InlineData(" 2024", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_year_is_a_whole_number_from_2000_to_2100(string? value, int? expected) =>
        Assert.Equal(expected, DashboardQuery.Year(value));

    [Theory]
    [InlineData("7", 7)]
    [InlineData("0", null)]
    [InlineData("-3", null)]
    [InlineData("x", null)]
    public void An_id_is_a_positive_number(string value, int? expected) => Assert.Equal(expected, DashboardQuery.Id(value));

    [Theory]
    [InlineData("12", 12)]
    [InlineData("13", null)]
    [InlineData("0", null)]
    public void A_month_is_1_to_12(string value, int? expected) => Assert.Equal(expected, DashboardQuery.Month(value));
}
