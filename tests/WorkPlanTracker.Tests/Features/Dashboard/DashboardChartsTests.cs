using WorkPlanTracker.Features.Dashboard;

namespace WorkPlanTracker.Tests.Features.Dashboard;

public class DashboardChartsTests
{
    private static UnitScore Unit(string name, double score) => new(1, name, 10, 5, 5, 0, 10, 10, 0, score);

    private static (double From, double To) ScaleOf(params UnitScore[] units)
    {
        var (_, layout) = DashboardCharts.UnitBars(units);
        var range = layout.XAxis[0].Range;
        return (Convert.ToDouble(range[0], System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(range[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_negative_scores_label_has_room_left_of_its_bar_inside_the_chart()
    {
        var (from, _) = ScaleOf(Unit("区经发局", -8), Unit("区财政局", 72.5));

        Assert.True(from <= -8 - 12, $"the scale starts at {from}: the label “-8.0” would run into the unit names");
    }

    [Fact]
    public void Without_negative_scores_the_scale_starts_at_zero_and_leaves_room_past_100()
    {
        var (from, to) = ScaleOf(Unit("区财政局", 100), Unit("区经发局", 0));

        Assert.Equal(0, from);
        Assert.True(to >= 112);
    }
}
