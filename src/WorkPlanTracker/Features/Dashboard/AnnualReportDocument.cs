using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Dashboard;

/// <summary>
/// Writes an <see cref="AnnualReportDraft"/> as a Word document in the way official papers are set: title in 黑体,
/// headings 一、 in 黑体 and （一） in 楷体, body in 仿宋 (East Asian fonts set explicitly, so Word does not fall back to
/// a Latin font), page numbers "— 1 —" centred in the footer. The headings are Word's own Heading 1 / Heading 2 styles
/// with outline levels, so the navigation pane and a table of contents see them when the office edits the draft.
/// </summary>
public static class AnnualReportDocument
{
    public const string TitleStyle = "Title";
    public const string Heading1Style = "Heading1";
    public const string Heading2Style = "Heading2";

    private const string BodyFont = "仿宋";
    private const string HeadingFont = "黑体";
    private const string SubheadingFont = "楷体";
    private const string PageNumberFont = "宋体";

    /// <summary>三号 (16pt) in half-points, the size of 公文 body text and headings.</summary>
    private const string BodySize = "32";

    public static byte[] Write(AnnualReportDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var footer = AddPageNumberFooter(main);
            var body = new Body();
            foreach (var paragraph in Paragraphs(draft))
            {
                body.Append(paragraph);
            }

            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static IEnumerable<Paragraph> Paragraphs(AnnualReportDraft d)
    {
        yield return Styled(TitleStyle, $"{d.Year}年度工作计划落实情况（草稿）");
        yield return Body($"（根据系统跟踪数据生成，数据截至{WorkCalendar.Format(d.AsOf)}，请核实后使用。）", center: true);

        yield return Styled(Heading1Style, "一、年度工作计划总体情况");
        if (d.Plans.Count == 0)
        {
            yield return Body($"{d.Year}年尚无已发布的工作计划。");
        }
        else
        {
            var titles = string.Join("、", d.Plans.Select(p => $"《{p.Title}》" + (string.IsNullOrWhiteSpace(p.DocumentNumber) ? "" : $"（{p.DocumentNumber}）")));
            yield return Body($"{d.Year}年共印发工作计划{d.Plans.Count}个：{titles}，共部署重点任务{d.Tasks}项，分解交办给{d.Units}个单位，形成交办事项{d.Assignments}项。");
        }

        yield return Styled(Heading1Style, "二、任务完成情况");
        var standing = d.Standings;
        yield return Body(
            $"截至{WorkCalendar.Format(d.AsOf)}，已办结任务{standing[TaskStanding.Closed]}项，占{DashboardCharts.Percent(standing[TaskStanding.Closed], d.Tasks)}；"
            + $"正在推进{standing[TaskStanding.InProgress]}项，持续推进{standing[TaskStanding.Ongoing]}项，逾期未完成{standing[TaskStanding.Overdue]}项"
            + (standing[TaskStanding.Unassigned] > 0 ? $"，尚未分派{standing[TaskStanding.Unassigned]}项" : "") + "。"
            + $"各单位交办事项已办结{d.ClosedAssignments}项，其中按原定时限办结{d.ClosedOnTime}项，按时办结率{DashboardCharts.Percent(d.ClosedOnTime, d.ClosedAssignments)}。");

        yield return Styled(Heading1Style, "三、重点任务落实情况");
        foreach (var paragraph in Achievements(d.Achievements))
        {
            yield return paragraph;
        }

        yield return Styled(Heading1Style, "四、未按期完成的任务及原因");
        if (d.LateTasks.Count == 0)
        {
            yield return Body("所有到期任务均已按期办结，无逾期未完成任务。");
        }

        foreach (var task in d.LateTasks)
        {
            var plan = d.Plans.Count > 1 ? $"《{task.PlanTitle}》" : "";
            var units = string.Join("；", task.Units.Select(u => $"{u.UnitName}：{u.Reason ?? "未说明原因"}"));
            yield return Body($"{plan}{task.Citation}{task.Title}（完成时限{WorkCalendar.Format(task.DueDate)}，已逾期{task.DaysLate}天）。原因：{units}。");
        }

        if (d.LateTasksNotListed > 0)
        {
            yield return Body($"另有{d.LateTasksNotListed}项逾期任务未逐项列出，详见系统台账。");
        }

        yield return Styled(Heading1Style, "五、下一步工作");
        yield return Body("（请计划办公室结合实际补充下一步工作安排。）");
    }

    /// <summary>Like the work-plan part of a published annual report: "（一）…" and, under it, what was done, task by task.</summary>
    private static IEnumerable<Paragraph> Achievements(IReadOnlyList<AchievedPlan> plans)
    {
        if (plans.All(p => p.Sections.Count == 0))
        {
            yield return Body("本年度工作计划尚无重点任务。");
        }

        foreach (var plan in plans.Where(p => p.Sections.Count > 0))
        {
            if (plans.Count > 1)
            {
                yield return Body($"《{plan.Title}》落实情况如下。");
            }

            foreach (var section in plan.Sections)
            {
                yield return Styled(Heading2Style, section.Number + section.Title);
                foreach (var task in section.Tasks)
                {
                    var units = string.Join("；", task.Units.Select(u => $"{u.UnitName}{(u.Closed ? "（已办结）" : "")}：{u.Text}"));
                    yield return Body($"{task.Citation}{task.Title}。{units}。");
                }

                if (section.TasksWithoutReport > 0)
                {
                    yield return Body(section.Tasks.Count == 0
                        ? $"该部分{section.TasksWithoutReport}项任务尚无进展报告。"
                        : $"另有{section.TasksWithoutReport}项任务尚无进展报告。");
                }
            }
        }
    }

    private static Paragraph Styled(string styleId, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Body(string text, bool center = false) =>
        new(new ParagraphProperties(
                center ? new Justification { Val = JustificationValues.Center } : new Justification { Val = JustificationValues.Both },
                new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact },
                new Indentation { FirstLine = center ? "0" : "640" }),
            new Run(Font(BodyFont, BodySize), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static RunProperties Font(string font, string halfPoints) =>
        new(
            new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font, Hint = FontTypeHintValues.EastAsia },
            new FontSize { Val = halfPoints },
            new Languages { EastAsia = "zh-CN" });

    /// <summary>"— 1 —": the page number as a PAGE field between dashes, 宋体 四号 (14pt), centred.</summary>
    private static FooterPart AddPageNumberFooter(MainDocumentPart main)
    {
        var part = main.AddNewPart<FooterPart>();
        Run Piece(OpenXmlElement content) => new(Font(PageNumberFont, "28"), content);
        part.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            Piece(new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            Piece(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            Piece(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            Piece(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            Piece(new Text("1")),
            Piece(new FieldChar { FieldCharType = FieldCharValues.End }),
            Piece(new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));
        part.Footer.Save();
        return part;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = BodyFont, HighAnsi = BodyFont, EastAsia = BodyFont, ComplexScript = BodyFont },
                    new FontSize { Val = BodySize },
                    new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault()),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(
                new StyleName { Val = "Title" },
                new BasedOn { Val = "Normal" },
                new NextParagraphStyle { Val = "Normal" },
                new PrimaryStyle(),
                new StyleParagraphProperties(new Justification { Val = JustificationValues.Center }, new SpacingBetweenLines { After = "240" }),
                StyleFont(HeadingFont, "44")) { Type = StyleValues.Paragraph, StyleId = TitleStyle },
            HeadingStyle(Heading1Style, "heading 1", outlineLevel: 0, HeadingFont),
            HeadingStyle(Heading2Style, "heading 2", outlineLevel: 1, SubheadingFont));
        styles.Styles.Save();
    }

    /// <summary>Word knows a heading by its built-in name ("heading 1") and its outline level (0 for the first level).</summary>
    private static Style HeadingStyle(string styleId, string name, int outlineLevel, string font) =>
        new(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new UIPriority { Val = 9 },
            new PrimaryStyle(),
            new StyleParagraphProperties(
                new KeepNext(),
                new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact },
                new Indentation { FirstLine = "640" },
                new OutlineLevel { Val = outlineLevel }),
            StyleFont(font, BodySize)) { Type = StyleValues.Paragraph, StyleId = styleId };

    private static StyleRunProperties StyleFont(string font, string halfPoints) =>
        new(
            new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font, Hint = FontTypeHintValues.EastAsia },
            new FontSize { Val = halfPoints },
            new Languages { EastAsia = "zh-CN" });
}
