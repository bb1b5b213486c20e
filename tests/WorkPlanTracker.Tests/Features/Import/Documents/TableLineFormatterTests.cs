using WorkPlanTracker.Features.Import.Documents;

namespace WorkPlanTracker.Tests.Features.Import.Documents;

public sealed class TableLineFormatterTests
{
    [Fact]
    public void SectionSplitOverNumberAndTaskCellsIsOneHeadingLine()
    {
        var lines = Format(
            ["序号", "工作任务", "牵头单位", "完成时限"],
            ["一", "围绕中心工作抓好主动公开", "", ""],
            ["1", "推进政策解读", "市政府办公室", "6月底前"],
            ["（二）", "加强平台建设", "", ""],
            ["2", "优化政府网站", "市政数局", ""]);

        Assert.Equal(
            [
                "一、围绕中心工作抓好主动公开",
                "1. 推进政策解读(牵头单位:市政府办公室;完成时限:6月底前)",
                "（二）加强平台建设",
                "2. 优化政府网站(牵头单位:市政数局)",
            ],
            lines);
    }

    [Fact]
    public void HeaderRepeatedOnEveryPageIsSkippedAndNumbersKeepTheirOwnPunctuation()
    {
        var lines = Format(
            ["序号", "工作内容", "配合单位", "时间节点"],
            ["1.", "推进政策解读", "各部门", "长期"],
            ["序号", "工作内容", "配合单位", "时间节点"],
            ["(2)", "做好政策问答", "", ""],
            ["", "", "", ""]);

        Assert.Equal(
            [
                "1. 推进政策解读(责任单位:各部门;完成时限:长期)",
                "(2)做好政策问答",
            ],
            lines);
    }

    [Fact]
    public void DetailColumnIsAppendedToTheTaskAndLeadersAreNotUnits()
    {
        var lines = Format(
            ["主要任务", "具体措施", "牵头市领导", "牵头单位"],
            ["深化政策解读", "重要政策出台时同步解读", "张副市长", "市政府办公室"]);

        Assert.Equal(["深化政策解读：重要政策出台时同步解读(牵头单位:市政府办公室)"], lines);
    }

    [Fact]
    public void NoteSpanningTheRowStaysAPlainLine()
    {
        var builder = Builder(["序号", "工作任务", "牵头单位"], ["1", "推进政策解读", "市政府办公室"]);
        builder.Place(2, 0, 1, 3, "注：请各单位于每季度末报送进展情况。");

        var lines = TableLineFormatter.Format(builder.Build()).ToArray();

        Assert.Equal(["1. 推进政策解读(牵头单位:市政府办公室)", "注：请各单位于每季度末报送进展情况。"], lines);
    }

    [Fact]
    public void TableWithoutTaskHeaderKeepsCellsSideBySideAndMergedCellsOnce()
    {
        var builder = Builder(["类别", "文件名称"], ["", "关于印发工作要点的通知"]);
        builder.Place(1, 0, 2, 1, "规范性文件");
        builder.Place(2, 1, 1, 1, "关于加强政务公开的意见");

        var lines = TableLineFormatter.Format(builder.Build()).ToArray();

        Assert.Equal(["类别 文件名称", "规范性文件 关于印发工作要点的通知", "关于加强政务公开的意见"], lines);
    }

    [Fact]
    public void LayoutTableHoldingAnArticleIsReadCellByCell()
    {
        var builder = new TableGridBuilder();
        builder.Place(0, 0, 1, 1, "首页\n政务公开\n办事服务");
        builder.Place(0, 1, 1, 1, "XX县2024年政务公开工作要点\n一、总体要求\n二、重点任务");

        var lines = TableLineFormatter.Format(builder.Build()).ToArray();

        Assert.Equal(["首页", "政务公开", "办事服务", "XX县2024年政务公开工作要点", "一、总体要求", "二、重点任务"], lines);
    }

    private static string[] Format(params string[][] rows) => TableLineFormatter.Format(Builder(rows).Build()).ToArray();

    private static TableGridBuilder Builder(params string[][] rows)
    {
        var builder = new TableGridBuilder();
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c].Length > 0)
                {
                    builder.Place(r, c, 1, 1, rows[r][c]);
                }
            }
        }

        return builder;
    }
}
