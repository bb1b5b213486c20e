using WorkPlanTracker.Features.Import.Documents;
using static WorkPlanTracker.Tests.Features.Import.Documents.TestFiles;

namespace WorkPlanTracker.Tests.Features.Import.Documents;

using ClosedXML.Excel;

public sealed class XlsxPlanReaderTests
{
    [Fact]
    public void TaskBreakdownSheetBecomesTitleSectionsAndCanonicalTaskLines()
    {
        var bytes = Xlsx(workbook =>
        {
            // An explanatory sheet first: the reader must skip to the sheet with the task header.
            workbook.AddWorksheet("填表说明").Cell("A1").Value = "请各单位按时填报，不要修改表头。";

            var sheet = workbook.AddWorksheet("任务分解");
            sheet.Cell("A1").Value = "2024年XX市政务公开重点工作任务分解表";
            sheet.Range("A1:F1").Merge();
            sheet.Cell("A2").Value = "填报单位：市政府办公室";
            // Header names and order as one real office wrote them.
            SetRow(sheet, 3, "编号", "重点任务", "完成时间", "牵头部门", "责任单位", "备注");
            sheet.Cell("A4").Value = "一、围绕中心工作抓好主动公开";
            sheet.Range("A4:F4").Merge();
            SetRow(sheet, 5, "1", "推进政策文件与解读材料同步起草", "", "市政府办公室", "市发改委\n市财政局", "");
            sheet.Cell("C5").Value = new DateTime(2024, 6, 30);
            SetRow(sheet, 6, "2", "做好政策问答", "持续推进", "", "市司法局", "");
            sheet.Range("D5:D6").Merge();
            sheet.Cell("A7").Value = "二、深化重点领域信息公开";
            SetRow(sheet, 8, "3", "公开财政预决算", "2024年12月底前", "市财政局", "", "重点");
            SetRow(sheet, 9, "", "建立公开工作台账", "", "", "", "");
        });

        var document = Read("任务分解表.xlsx", bytes);

        Assert.Equal(PlanSourceKinds.Xlsx, document.SourceKind);
        Assert.Equal(
            [
                "2024年XX市政务公开重点工作任务分解表",
                "填报单位：市政府办公室",
                "一、围绕中心工作抓好主动公开",
                "1. 推进政策文件与解读材料同步起草(牵头单位:市政府办公室;责任单位:市发改委、市财政局;完成时限:2024年6月30日)",
                "2. 做好政策问答(牵头单位:市政府办公室;责任单位:市司法局;完成时限:持续推进)",
                "二、深化重点领域信息公开",
                "3. 公开财政预决算(牵头单位:市财政局;完成时限:2024年12月底前)",
                "建立公开工作台账",
            ],
            Lines(document));
    }

    [Fact]
    public void MergedSectionColumnAndTwoLevelHeaderAreRead()
    {
        var bytes = Xlsx(workbook =>
        {
            var sheet = workbook.AddWorksheet("Sheet1");
            SetRow(sheet, 1, "类别", "序号", "工作内容", "责任单位", "", "时限");
            SetRow(sheet, 2, "", "", "", "牵头单位", "配合单位", "");
            sheet.Range("A1:A2").Merge();
            sheet.Range("B1:B2").Merge();
            sheet.Range("C1:C2").Merge();
            sheet.Range("D1:E1").Merge();
            sheet.Range("F1:F2").Merge();
            SetRow(sheet, 3, "一、主动公开", "1", "公开政策文件", "市政府办公室", "各部门", "长期");
            SetRow(sheet, 4, "", "2", "回应社会关切", "市政府办公室", "", "长期");
            sheet.Range("A3:A4").Merge();
            SetRow(sheet, 5, "二、平台建设", "3", "优化政府网站", "市政数局", "", "2024年底前");
        });

        var document = Read("分工.xlsx", bytes);

        Assert.Equal(
            [
                "一、主动公开",
                "1. 公开政策文件(牵头单位:市政府办公室;责任单位:各部门;完成时限:长期)",
                "2. 回应社会关切(牵头单位:市政府办公室;完成时限:长期)",
                "二、平台建设",
                "3. 优化政府网站(牵头单位:市政数局;完成时限:2024年底前)",
            ],
            Lines(document));
    }

    [Fact]
    public void WorkbookWithoutTaskHeaderIsReadAsPlainRows()
    {
        var bytes = Xlsx(workbook =>
        {
            var sheet = workbook.AddWorksheet("Sheet1");
            SetRow(sheet, 1, "单位", "联系人");
            SetRow(sheet, 2, "市政府办公室", "张三");
        });

        var document = Read("通讯录.xlsx", bytes);

        Assert.Equal(["单位 联系人", "市政府办公室 张三"], Lines(document));
    }

    [Fact]
    public void EmptyWorkbookHasNoContent()
    {
        var bytes = Xlsx(workbook => workbook.AddWorksheet("Sheet1"));

        var error = Refused("空表.xlsx", bytes);

        Assert.Contains("“空表.xlsx”中没有可读取的内容", error.Message, StringComparison.Ordinal);
    }

    private static void SetRow(IXLWorksheet sheet, int row, params string[] values)
    {
        for (var c = 0; c < values.Length; c++)
        {
            if (values[c].Length > 0)
            {
                sheet.Cell(row, c + 1).Value = values[c];
            }
        }
    }
}
