namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>One task as a person reading the sample plan records it.</summary>
public sealed record ExpectedTask(string Path, string[] Leads, string[] Supporting, DateOnly? Deadline, bool Ongoing);

/// <summary>
/// The truth for the sample plans in seeds/, written by reading each document (not by running the parser).
/// Row format: "path | leads / separated | supporting / separated | yyyy-MM-dd, 持续 or empty".
/// </summary>
public static class SamplePlanExpectations
{
    public const string XishiFile = "000_69902300cdde23ce.txt";
    public const string ShijiazhuangFile = "001_93ad0590acba159a.txt";
    public const string SuzhouFile = "002_e51a37d3a59f4f4a.txt";
    public const string HubeiFile = "003_7f1b9296cb68fe7b.txt";
    public const string AnnualReportFile = "004_8832242d3bb33792.txt";

    private const string Counties = "各县(市、区)政府/高新区管委会/循环化工园区管委会/综合保税区管委会";
    private const string AllDepartments = "市政府各部门/" + Counties;
    private const string RelevantDepartments = "市政府有关部门/" + Counties;
    private const string SuzhouBoth = "县区政府/市政府部门";

    public static readonly IReadOnlyList<ExpectedTask> Xishi = Rows(
        "一.(一).1 | 区编委办 | |",
        "一.(一).1#2 | 区发展改革委 | |",
        "一.(一).2 | 区财政局 | |",
        "一.(一).2#2 | 区发展改革委 | |",
        "一.(一).2#3 | 区发展改革委 | 区财政局/区城建局/西市区土地局/区国资委 |",
        "一.(一).2#4 | 区教文体局/区民政局/区环保局/区卫计委/区市场局/区应急办 | |",
        "一.(一).3 | 区市场局 | 区卫计局/区环保局/区教文体局 |",
        "一.(一).4 | 区政府办公室 | |",
        "一.(二).1 | 区政府各部门 | |",
        "一.(二).2 | 区政府各部门 | |",
        "一.(二).2#2 | 区政府各部门 | |",
        "一.(二).2#3 | 区政府各部门 | |",
        "一.(二).4 | 区政府各部门 | |",
        "一.(二).5 | 区政府各部门 | |",
        "一.(三).1 | 区政府办公室 | 区编委办 |",
        "一.(三).2 | 区政府办公室 | 相关各部门 |",
        "一.(三).3 | 区政办公室 | 相关各部门 |",
        "一.(三).4 | 区政府办公室 | 相关各部门 |",
        "一.(三).5 | 区政府办公室 | |",
        "一.(四).1 | 区政府办公室/区行政审批局 | 相关各部门 | 2018-12-31",
        "一.(四).1#2 | 区编委办 | 区行政审批局/区信息中心 |",
        "一.(四).2 | 区政府办公室/区行政审批局 | 相关各部门 |",
        "一.(四).2#2 | 区编委办 | 区行政审批局 |",
        "一.(四).2#3 | 区营商环境局 | 各相关部门 |",
        "一.(四).3 | 区编委办/区行政审批局 | |",
        "一.(五).1 | 区政府办公室 | |",
        "一.(五).2 | 区政府办 | |",
        "一.(五).3 | 区政府各部门 | |",
        "一.(五).3#2 | 区政府各部门 | |",
        "二.(一) | | |",
        "二.(二) | | |",
        "二.(三) | | |");

    public static readonly IReadOnlyList<ExpectedTask> Shijiazhuang = Rows(
        "一.(一) | 市政府办公室/市委编办/市行政审批局 | " + AllDepartments + " |",
        "一.(二) | 市政府办公室 | " + AllDepartments + " |",
        "一.(三) | 市政府办公室 | " + Counties + " | 2020-12-31",
        "一.(四) | 市政府办公室/市司法局 | " + AllDepartments + " | 2020-12-31",
        "二.(一) | 市市场监管局/市行政审批局 | " + RelevantDepartments + " |",
        "二.(二) | 市行政审批局 | " + Counties + " |",
        "二.(三) | 市发改委/市财政局/市税务局/" + Counties + " | |",
        "三.(一) | 市卫健委 | " + RelevantDepartments + " |",
        "三.(二) | 市卫健委 | " + RelevantDepartments + " |",
        "三.(三) | 市卫健委 | " + AllDepartments + " |",
        "四.(一) | " + RelevantDepartments + " | |",
        "四.(二) | 市发改委/市自然资源和规划局/" + Counties + " | |",
        "四.(三) | 市扶贫开发办/市生态环境局/市住建局/市城管执法局/市工信局/市国资委/市财政局/市应急管理局/市市场监管局/市地方金融监管局/" + Counties + " | |",
        "四.(四) | " + RelevantDepartments + " | |",
        "四.(五) | 市科技局/市人社局/市发改委/" + Counties + " | |",
        "四.(六) | 市商务局/市财政局/市城管执法局/市国资委/市科技局/市行政审批局/" + Counties + " | |",
        "四.(七) | 市住建局/市城管执法局/市园林局/市自然资源和规划局/市轨道办/" + Counties + " | |",
        "四.(八) | 市农业农村局/" + Counties + " | |",
        "四.(九) | 市人社局/市退役军人事务局/市民政局/市教育局/市卫健委/市文广旅局/市体育局/市应急管理局/市市场监管局/" + Counties + " | |",
        "五.(一) | 市政府办公室/市数据资源管理局 | " + AllDepartments + " | 2020-09-30",
        "五.(二) | 市政府办公室 | " + AllDepartments + " |",
        "五.(三) | 市政府办公室 | " + AllDepartments + " |",
        "六.(一) | | |",
        "六.(二) | | |",
        "六.(三) | | |");

    public static readonly IReadOnlyList<ExpectedTask> Suzhou = Rows(
        "一.1 | " + SuzhouBoth + " | | 2024-12-31",
        "一.2 | " + SuzhouBoth + " | | 持续",
        "一.3 | 市数据资源局 | " + SuzhouBoth + " | 2024-07-31",
        "二.4 | " + SuzhouBoth + " | | 持续",
        "二.5 | " + SuzhouBoth + " | | 持续",
        "二.6 | 市政府办公室 | 县区政府/市政府有关部门 | 2024-12-31",
        "三.7 | 市政府办公室 | " + SuzhouBoth + " | 2024-06-30",
        "三.8 | 县区政府 | | 2024-12-31",
        "三.9 | 县区政府/市政府有关部门 | | 持续",
        "四.10 | 市政府办公室 | " + SuzhouBoth + " | 2024-06-30",
        "四.11 | 市政府办公室 | 县区政府/市政府有关部门 | 2024-08-31",
        "四.12 | 市司法局 | | 持续",
        "五.13 | 县区政府/市财政局(国资委)/市农业农村局/市数据资源局/市公共资源交易监管局 | | 2024-07-31",
        "五.14 | 县区政府/市教体局/市财政局/市交通运输局/市卫健委/市城管局 | | 2024-06-30",
        "六.15 | 市政府办公室 | " + SuzhouBoth + " | 2024-06-30",
        "六.16 | 市政府办公室 | " + SuzhouBoth + " | 持续",
        "七.17 | 市数据资源局 | " + SuzhouBoth + " | 持续",
        "七.18 | 县区政府 | | 持续",
        "七.19 | 县区政府 | | 持续",
        "八.20 | " + SuzhouBoth + " | | 持续",
        "八.21 | " + SuzhouBoth + " | | 持续",
        "九.22 | 市政府办公室 | " + SuzhouBoth + " | 2024-12-31",
        "九.23 | 市政府办公室 | " + SuzhouBoth + " | 持续",
        "十.24 | " + SuzhouBoth + " | | 持续",
        "十.25 | 市政府办公室 | " + SuzhouBoth + " | 持续",
        "十一.26 | 市政府办公室/县区政府 | | 持续",
        "十一.27 | " + SuzhouBoth + " | | 2024-06-30");

    public static readonly IReadOnlyList<ExpectedTask> Hubei = Rows(
        "一.(一) | | |",
        "一.(二) | | |",
        "一.(三) | | |",
        "一.(四) | | |",
        "二.(一) | | |",
        "二.(二) | | |",
        "二.(三) | | |",
        "三.(一) | | |",
        "三.(二) | | |",
        "三.(三) | | |",
        "三.(四) | | |",
        "三.(五) | | |",
        "三.(六) | | |",
        "三.(七) | | | 2021-01-31",
        "四.(一) | | | 2020-11-30",
        "四.(二) | | |",
        "四.(三) | | |",
        "五.(一) | | |",
        "五.(二) | | |",
        "五.(三) | | |");

    public static IReadOnlyList<ExpectedTask> For(string file) => file switch
    {
        XishiFile => Xishi,
        ShijiazhuangFile => Shijiazhuang,
        SuzhouFile => Suzhou,
        HubeiFile => Hubei,
        _ => throw new ArgumentOutOfRangeException(nameof(file), file, "No expectations for this sample."),
    };

    private static List<ExpectedTask> Rows(params string[] rows) => rows.Select(ParseRow).ToList();

    private static ExpectedTask ParseRow(string row)
    {
        var cells = row.Split('|').Select(c => c.Trim()).ToArray();
        var deadline = cells[3] is "" or "持续" ? (DateOnly?)null : DateOnly.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture);
        return new ExpectedTask(cells[0], Units(cells[1]), Units(cells[2]), deadline, cells[3] == "持续");
    }

    private static string[] Units(string cell) => cell.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
