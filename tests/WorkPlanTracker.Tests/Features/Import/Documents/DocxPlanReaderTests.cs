using WorkPlanTracker.Features.Import.Documents;
using static WorkPlanTracker.Tests.Features.Import.Documents.TestFiles;

namespace WorkPlanTracker.Tests.Features.Import.Documents;

using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

public sealed class DocxPlanReaderTests
{
    private const int ChineseOutlineList = 1;
    private const int DecimalList = 2;
    private const int DecimalTableList = 4;

    [Fact]
    public void PlanDocumentBecomesParagraphLinesWithTableRowsInCanonicalForm()
    {
        var bytes = Docx(
            body =>
            {
                body.Append(
                    Para("XX市2024年政务公开工作要点"),
                    Para("　　为深入贯彻落实", "国家和省关于政务公开工作的部署要求，现制定本要点。"),
                    Para("一、围绕中心工作抓好主动公开"),
                    Para("（一）加强政策解读。"),
                    Para("1.推进政策文件与解读材料同步起草。（牵头单位：市政府办公室；完成时限：2024年6月底前）"),
                    Para("2.做好政策问答。"),
                    Para("注：各单位每季度末报送进展情况。"),
                    Table(
                        Row(Cell("序号"), Cell("工作任务"), Cell("牵头单位"), Cell("配合单位"), Cell("完成时限")),
                        Row(Cell("二、深化重点领域信息公开", gridSpan: 5)),
                        Row(Cell("1"), Cell("公开财政预决算"), Cell("市财政局", verticalMerge: MergedCellValues.Restart), Cell("各区县政府\n市直各部门"), Cell("2024年6月底前")),
                        Row(Cell("2"), Cell("公开政府债务信息"), Cell("", continueMerge: true), Cell(""), Cell("持续推进"))),
                    Para("XX市人民政府办公室"));
                body.Append(WithTrackedDeletion());
            });

        var document = Read("要点.docx", bytes);

        Assert.Equal(PlanSourceKinds.Docx, document.SourceKind);
        Assert.Null(document.EncodingName);
        Assert.Equal(
            [
                "XX市2024年政务公开工作要点",
                "为深入贯彻落实国家和省关于政务公开工作的部署要求，现制定本要点。",
                "一、围绕中心工作抓好主动公开",
                "（一）加强政策解读。",
                "1.推进政策文件与解读材料同步起草。（牵头单位：市政府办公室；完成时限：2024年6月底前）",
                "2.做好政策问答。",
                "注：各单位每季度末报送进展情况。",
                "二、深化重点领域信息公开",
                "1. 公开财政预决算(牵头单位:市财政局;责任单位:各区县政府、市直各部门;完成时限:2024年6月底前)",
                "2. 公开政府债务信息(牵头单位:市财政局;完成时限:持续推进)",
                "XX市人民政府办公室",
                "2024年3月1日",
            ],
            Lines(document));
    }

    [Fact]
    public void WordAutoNumberingIsRecreatedForChineseAndDecimalLists()
    {
        var bytes = Docx(
            body => body.Append(
                Numbered("围绕中心工作抓好主动公开", ChineseOutlineList, 0),
                Numbered("推进政策解读。", ChineseOutlineList, 1),
                Numbered("做好政策问答。", ChineseOutlineList, 1),
                Numbered("深化重点领域信息公开", ChineseOutlineList, 0),
                Numbered("公开财政预决算。", ChineseOutlineList, 1),
                Para("附：任务清单"),
                Numbered("建立台账", DecimalList, 0),
                Numbered("定期通报", DecimalList, 0)),
            AddNumbering);

        var document = Read("要点.docx", bytes);

        Assert.Equal(
            [
                "一、围绕中心工作抓好主动公开",
                "1. 推进政策解读。",
                "2. 做好政策问答。",
                "二、深化重点领域信息公开",
                "1. 公开财政预决算。",
                "附：任务清单",
                "(1)建立台账",
                "(2)定期通报",
            ],
            Lines(document));
    }

    [Fact]
    public void AutoNumberedSequenceColumnOfATaskTableSuppliesTheTaskNumbers()
    {
        static TableCell NumberCell() => new(new Paragraph(new ParagraphProperties(new NumberingProperties(
            new NumberingLevelReference { Val = 0 }, new NumberingId { Val = DecimalTableList }))));

        var bytes = Docx(
            body => body.Append(Table(
                Row(Cell("序号"), Cell("重点任务"), Cell("责任单位")),
                Row(NumberCell(), Cell("公开财政预决算"), Cell("市财政局")),
                Row(NumberCell(), Cell("公开政府债务信息"), Cell("市财政局")))),
            main =>
            {
                AddNumbering(main);
                var numbering = main.NumberingDefinitionsPart!.Numbering;
                numbering.InsertBefore(AbstractList(DecimalTableList, (0, NumberFormatValues.Decimal, "%1")), numbering.GetFirstChild<NumberingInstance>());
                numbering.Append(new NumberingInstance(new AbstractNumId { Val = DecimalTableList }) { NumberID = DecimalTableList });
            });

        var document = Read("任务表.docx", bytes);

        // 责任单位 keeps its own label even without a 牵头 column: which is the lead is the parser's call.
        Assert.Equal(
            [
                "1. 公开财政预决算(责任单位:市财政局)",
                "2. 公开政府债务信息(责任单位:市财政局)",
            ],
            Lines(document));
    }

    [Fact]
    public void BulletListsGetNoInventedNumber()
    {
        var bytes = Docx(
            body => body.Append(Numbered("加强组织领导", 3, 0), Numbered("强化督促检查", 3, 0)),
            main =>
            {
                AddNumbering(main);
                var numbering = main.NumberingDefinitionsPart!.Numbering;
                numbering.InsertBefore(AbstractList(3, (0, NumberFormatValues.Bullet, "•")), numbering.GetFirstChild<NumberingInstance>());
                numbering.Append(new NumberingInstance(new AbstractNumId { Val = 3 }) { NumberID = 3 });
            });

        var document = Read("要点.docx", bytes);

        Assert.Equal(["加强组织领导", "强化督促检查"], Lines(document));
    }

    [Fact]
    public void DocumentWithoutTextHasNoContent()
    {
        var bytes = Docx(body => body.Append(new Paragraph(), Para("   ")));

        var error = Refused("空白.docx", bytes);

        Assert.Contains("“空白.docx”中没有可读取的内容", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A signature date, plus a tracked deletion that Word no longer shows and the parser must not see.</summary>
    private static Paragraph WithTrackedDeletion() =>
        new(
            new Run(new Text("2024年3月1日")),
            new DeletedRun(new Run(new DeletedText("2024年2月1日"))) { Id = "1", Author = "审核人" });

    private static void AddNumbering(MainDocumentPart main)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering = new Numbering(
            AbstractList(ChineseOutlineList, (0, NumberFormatValues.ChineseCounting, "%1、"), (1, NumberFormatValues.Decimal, "%2.")),
            AbstractList(DecimalList, (0, NumberFormatValues.Decimal, "(%1)")),
            new NumberingInstance(new AbstractNumId { Val = ChineseOutlineList }) { NumberID = ChineseOutlineList },
            new NumberingInstance(new AbstractNumId { Val = DecimalList }) { NumberID = DecimalList });
    }

    private static AbstractNum AbstractList(int id, params (int Level, NumberFormatValues Format, string Text)[] levels)
    {
        var abstractNum = new AbstractNum { AbstractNumberId = id };
        foreach (var (level, format, text) in levels)
        {
            abstractNum.Append(new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = format },
                new LevelText { Val = text },
                new LevelSuffix { Val = level == 0 ? LevelSuffixValues.Nothing : LevelSuffixValues.Tab })
            { LevelIndex = level });
        }

        return abstractNum;
    }
}
