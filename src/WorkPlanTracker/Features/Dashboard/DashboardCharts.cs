using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;

namespace WorkPlanTracker.Features.Dashboard;

/// <summary>
/// The dashboards' Plotly charts, built from the same figures as the tables beside them. Static (no mode bar, no
/// zoom): leaders look, they do not edit; and a static SVG prints as it shows.
/// </summary>
public static class DashboardCharts
{
    public const string Red = "#f53f3f";
    public const string Yellow = "#ff9a2e";
    public const string Green = "#00b42a";
    public const string Blue = "#165dff";
    public const string Grey = "#86909c";

    private const string FontFamily = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

    public static Config Config { get; } = new() { DisplayModeBar = Plotly.Blazor.ConfigLib.DisplayModeBarEnum.False, Responsive = true, StaticPlot = true };

    public static string ColorOf(TaskStanding standing) => standing switch
    {
        TaskStanding.Closed => Green,
        TaskStanding.Overdue => Red,
        TaskStanding.Ongoing => Blue,
        TaskStanding.InProgress => Yellow,
        _ => Grey,
    };

    /// <summary>Status donut: tasks by standing, the closed share in the hole.</summary>
    public static (IList<ITrace> Data, Plotly.Blazor.Layout Layout) StatusDonut(Overview overview)
    {
        ArgumentNullException.ThrowIfNull(overview);
        var shown = overview.Tasks.Where(t => t.Value > 0).ToList();
        var donut = new Pie
        {
            Labels = shown.Select(s => (object)TaskStandingNames.Of(s.Key)).ToList(),
            Values = shown.Select(s => (object)s.Value).ToList(),
            Hole = 0.55M,
            Sort = false,
            Marker = new Plotly.Blazor.Traces.PieLib.Marker { Colors = shown.Select(s => (object)ColorOf(s.Key)).ToList() },
            TextInfo = Plotly.Blazor.Traces.PieLib.TextInfoFlag.Value,
        };
        var layout = Base(300);
        layout.ShowLegend = true;
        layout.Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H }];
        var closed = overview.Tasks[TaskStanding.Closed];
        layout.Annotations =
        [
            new Annotation { Text = $"办结<br>{Percent(closed, overview.TaskCount)}", ShowArrow = false, Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Size = 18 } },
        ];
        return ([donut], layout);
    }

    /// <summary>Room on the score scale for a bar's label beyond its end (a label such as “-12.5” is about 12 points wide).</summary>
    public const double LabelRoom = 14;

    /// <summary>Per-unit bars: the score of every unit, best at the top.</summary>
    public static (IList<ITrace> Data, Plotly.Blazor.Layout Layout) UnitBars(IReadOnlyList<UnitScore> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var ordered = units.Reverse().ToList();
        var bars = new Bar
        {
            Orientation = Plotly.Blazor.Traces.BarLib.OrientationEnum.H,
            Y = ordered.Select(u => (object)u.UnitName).ToList(),
            X = ordered.Select(u => (object)u.Score).ToList(),
            TextArray = ordered.Select(u => u.Score.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            TextPosition = Plotly.Blazor.Traces.BarLib.TextPositionEnum.Outside,
            Marker = new Plotly.Blazor.Traces.BarLib.Marker { ColorArray = ordered.Select(u => (object)ScoreColor(u.Score)).ToList() },
            Name = "得分",
        };
        var layout = Base(Math.Max(260, 60 + (ordered.Count * 22)));
        layout.Margin = new Margin { L = 150, R = 40, T = 10, B = 30 };
        // Scores run to 100: a fixed scale compares years fairly and leaves room past the longest bar for its label.
        // A negative score's label sits left of its bar: the scale reaches as far past the lowest score, so the
        // label stays inside the chart instead of running into the unit names ("区经发局8.0").
        var lowest = ordered.Count == 0 ? 0 : Math.Min(0, ordered.Min(u => u.Score));
        layout.XAxis = [new XAxis { Range = [lowest < 0 ? lowest - LabelRoom : 0, 100 + LabelRoom], DTick = 20 }];
        layout.YAxis = [new YAxis { TickFont = new Plotly.Blazor.LayoutLib.YAxisLib.TickFont { Size = 12 } }];
        return ([bars], layout);
    }

    /// <summary>Green from 80, blue from 60, orange below: the bands the bar chart's note names.</summary>
    public static string ScoreColor(double score) => score >= 80 ? Green : score >= 60 ? Blue : Yellow;

    /// <summary>Monthly trend: the closed share at each month end, this year against the previous one, with the month's closings as bars.</summary>
    public static (IList<ITrace> Data, Plotly.Blazor.Layout Layout) MonthlyTrend(Trend trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var months = trend.Months.Select(m => (object)$"{m.Month}月").ToList();
        var closedInMonth = new Bar
        {
            Name = $"{trend.Scope.Year}年当月办结",
            X = months,
            Y = trend.Months.Select(m => m.IsFuture ? null! : (object)m.ClosedInMonth).ToList(),
            Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = "#bedaff" },
        };
        var thisYear = new Scatter
        {
            Name = $"{trend.Scope.Year}年累计办结率",
            X = months,
            Y = trend.Months.Select(m => m.IsFuture ? null! : (object)Math.Round(100 * m.ClosedShare, 1)).ToList(),
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
            Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = Blue, Width = 3 },
            YAxis = "y2",
        };
        var lastYear = new Scatter
        {
            Name = $"{trend.Scope.Year - 1}年累计办结率",
            X = months,
            Y = trend.PreviousYear.Select(m => m.IsFuture ? null! : (object)Math.Round(100 * m.ClosedShare, 1)).ToList(),
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
            Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = Grey, Width = 2, Dash = "dash" },
            YAxis = "y2",
        };
        var layout = Base(340);
        layout.ShowLegend = true;
        layout.Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = -0.15M }];
        layout.Margin = new Margin { L = 50, R = 50, T = 10, B = 40 };
        layout.YAxis =
        [
            // The lines sit on the overlaying axis so they are drawn over the bars.
            new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "当月办结（项）" }, ShowGrid = false },
            new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "累计办结率（%）" }, Range = [0, 100], Overlaying = "y", Side = Plotly.Blazor.LayoutLib.YAxisLib.SideEnum.Right },
        ];
        return ([closedInMonth, lastYear, thisYear], layout);
    }

    public static string Percent(int part, int whole) => whole == 0 ? "—" : Percent((double)part / whole);

    public static string Percent(double? share) => share is { } s ? (100 * s).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";

    private static Plotly.Blazor.Layout Base(int height) => new()
    {
        Height = height,
        AutoSize = true,
        Margin = new Margin { L = 10, R = 10, T = 10, B = 10 },
        Font = new Font { Family = FontFamily, Size = 13 },
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
    };
}
