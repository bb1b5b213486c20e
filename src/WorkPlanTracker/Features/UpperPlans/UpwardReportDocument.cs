using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.UpperPlans;

/// <summary>
/// The upward report as a Word document set like the annual report (公文 layout): title in 黑体 二号, each upper task as
/// a 黑体 line, the report in 仿宋 三号 with a 28-point line, A4 with the official margins, so the office can put it
/// on letterhead and send it.
/// </summary>
public static class UpwardReportDocument
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const string BodyFont = "仿宋";
    private const string HeadingFont = "黑体";

    /// <summary>三号 (16pt) in half-points.</summary>
    private const string BodySize = "32";

    public static string FileName(UpwardReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"{report.PlanTitle}落实情况.docx";
    }

    public static byte[] Write(UpwardReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Line($"关于《{report.PlanTitle}》落实情况的报告", HeadingFont, "44", center: true));
            body.Append(Line($"（报送日期：{WorkCalendar.Format(report.MadeOn)}）", BodyFont, BodySize, center: true));
            foreach (var (row, index) in report.Rows.Select((r, i) => (r, i + 1)))
            {
                body.Append(Line($"{index}. {row.Title}", HeadingFont, BodySize));
                var state = row.Status + (row.Percent is { } p ? $"，完成进度{p}%" : "") + (row.DeadlineText.Length > 0 ? $"，完成时限：{row.DeadlineText}" : "");
                body.Append(Line($"落实状态：{state}。", BodyFont, BodySize));
                foreach (var text in (row.Text.Length > 0 ? row.Text : "暂无进展。").Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    body.Append(Line(text, BodyFont, BodySize));
                }
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Line(string text, string font, string halfPoints, bool center = false) =>
        new(
            new ParagraphProperties(
                new Justification { Val = center ? JustificationValues.Center : JustificationValues.Both },
                new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact },
                new Indentation { FirstLine = center ? "0" : "640" }),
            new Run(
                new RunProperties(
                    new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font, Hint = FontTypeHintValues.EastAsia },
                    new FontSize { Val = halfPoints },
                    new Languages { EastAsia = "zh-CN" }),
                new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
}
