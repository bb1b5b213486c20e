using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Dashboard;

/// <summary>
/// Writes an <see cref="AnnualReportDraft"/> as a Word document in the way official papers are set: title in 黑体,
/// headings 一、二、 in 黑体, body in 仿宋 (East Asian fonts set explicitly, so Word does not fall back to a Latin font).
/// </summary>
public static class AnnualReportDocument
{
    private const string BodyFont = "仿宋";
    private const string HeadingFont = "黑体";

    public static byte[] Write(AnnualReportDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            foreach (var paragraph in Paragraphs(draft))
            {
                body.Append(paragraph);
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static IEnumerable<Paragraph> Paragraphs(AnnualReportDraft d)
    {
        yield return Title($"{d.Year}年度工作计划落实情况（草稿）");
        yield return Body($"（根据系统跟踪数据生成，数据截至{WorkCalendar.Format(d.AsOf)}，请核实后使用。）", center: true);

        yield return Heading("一、年度工作计划总体情况");
        if (d.Plans.Count == 0)
        {
            yield return Body($"{d.Year}年尚无已发布的工作计划。");
        }
        else
        {
            var titles = string.Join("、", d.Plans.Select(p => $"《{p.Title}》" + (string.IsNullOrWhiteSpace(p.DocumentNumber) ? "" : $"（{p.DocumentNumber}）")));
            yield return Body($"{d.Year}年共印发工作计划{d.Plans.Count}个：{titles}，共部署重点任务{d.Tasks}项，分解交办给{d.Units}个单位，形成交办事项{d.Assignments}项。");
        }

        yield return Heading("二、任务完成情况");
        var standing = d.Standings;
        yield return Body(
            $"截至{WorkCalendar.Format(d.AsOf)}，已办结任务{standing[TaskStanding.Closed]}项，占{Share(standing[TaskStanding.Closed], d.Tasks)}；"
            + $"正在推进{standing[TaskStanding.InProgress]}项，持续推进{standing[TaskStanding.Ongoing]}项，逾期未完成{standing[TaskStanding.Overdue]}项"
            + (standing[TaskStanding.Unassigned] > 0 ? $"，尚未分派{standing[TaskStanding.Unassigned]}项" : "") + "。"
            + $"各单位交办事项已办结{d.ClosedAssignments}项，其中按原定时限办结{d.ClosedOnTime}项，按时办结率{Share(d.ClosedOnTime, d.ClosedAssignments)}。");

        yield return Heading("三、未按期完成的任务及原因");
        if (d.LateTasks.Count == 0)
        {
            yield return Body("所有到期任务均已按期办结，无逾期未完成任务。");
        }

        var n = 1;
        foreach (var task in d.LateTasks)
        {
            var units = string.Join("；", task.Units.Select(u => $"{u.UnitName}：{u.Reason ?? "未说明原因"}"));
            yield return Body($"{n++}. {task.Title}（任务序号{task.Path}，完成时限{WorkCalendar.Format(task.DueDate)}，已逾期{task.DaysLate}天）。原因：{units}。");
        }

        if (d.LateTasksNotListed > 0)
        {
            yield return Body($"另有{d.LateTasksNotListed}项逾期任务未逐项列出，详见系统台账。");
        }

        yield return Heading("四、下一步工作");
        yield return Body("（请计划办公室结合实际补充下一步工作安排。）");
    }

    private static string Share(int part, int whole) =>
        whole == 0 ? "0%" : ((double)part / whole).ToString("0.0%", CultureInfo.InvariantCulture);

    private static Paragraph Title(string text) =>
        new(new ParagraphProperties(new Justification { Val = JustificationValues.Center }, new SpacingBetweenLines { After = "240" }),
            Run(text, HeadingFont, "44"));

    private static Paragraph Heading(string text) =>
        new(new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "120" }, new Indentation { FirstLine = "640" }),
            Run(text, HeadingFont, "32"));

    private static Paragraph Body(string text, bool center = false) =>
        new(new ParagraphProperties(
                center ? new Justification { Val = JustificationValues.Center } : new Justification { Val = JustificationValues.Both },
                new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact },
                new Indentation { FirstLine = center ? "0" : "640" }),
            Run(text, BodyFont, "32"));

    private static Run Run(string text, string font, string halfPoints) =>
        new(
            new RunProperties(
                new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font, Hint = FontTypeHintValues.EastAsia },
                new FontSize { Val = halfPoints },
                new Languages { EastAsia = "zh-CN" }),
            new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = BodyFont, HighAnsi = BodyFont, EastAsia = BodyFont, ComplexScript = BodyFont },
                new FontSize { Val = "32" },
                new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault()));
        styles.Styles.Save();
    }
}
