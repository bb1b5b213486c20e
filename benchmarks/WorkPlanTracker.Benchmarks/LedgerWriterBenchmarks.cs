using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Ledger;

namespace WorkPlanTracker.Benchmarks;

/// <summary>
/// Writing the plan ledger of a generated plan (no database): the app's ClosedXML writer against the same cells
/// written straight with the OpenXML SDK's streaming writer. Target: 10,000 tasks under 3 s, memory linear in tasks.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SlowBuildConfig))]
public class LedgerWriterBenchmarks
{
    private LedgerDocument document = default!;

    [Params(2500, 5000, 10000)]
    public int Tasks { get; set; }

    [GlobalSetup]
    public void Setup() => document = GeneratedLedger.Create(Tasks);

    [Benchmark(Baseline = true)]
    public long OpenXmlSdkDirect()
    {
        using var output = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = package.AddWorkbookPart();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, [document.Title]);
                WriteRow(writer, ["导出日期"]);
                WriteRow(writer, LedgerWorkbookWriter.PlanColumns.Select(c => c.Header).ToArray());
                foreach (var task in document.Tasks)
                {
                    WriteRow(writer, LedgerWorkbookWriter.PlanRow(task));
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            var sheets = new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = LedgerWorkbookWriter.PlanSheetName });
            workbookPart.Workbook = new Workbook(sheets);
        }

        return output.Length;
    }

    [Benchmark]
    public long ClosedXmlLedgerWriter()
    {
        using var output = new MemoryStream();
        LedgerWorkbookWriter.WritePlanLedger(document, output);
        return output.Length;
    }

    private static void WriteRow(OpenXmlWriter writer, string[] values)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            writer.WriteStartElement(new Cell { DataType = CellValues.InlineString });
            writer.WriteElement(new InlineString(new Text(value)));
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }
}

/// <summary>A ledger of <c>n</c> tasks shaped like a real plan: 20 tasks a section, two or three units each, reports with links.</summary>
public static class GeneratedLedger
{
    public static LedgerDocument Create(int tasks)
    {
        var today = new DateOnly(2024, 11, 1);
        var rows = new List<LedgerTaskRow>(tasks);
        for (var i = 0; i < tasks; i++)
        {
            var section = i / 20;
            var deadline = new DateOnly(2024, 1 + (i % 12), 28);
            var late = deadline < today && i % 3 == 0;
            var assignments = Enumerable.Range(0, 2 + (i % 2)).Select(u => new LedgerAssignmentRow(
                (i * 3) + u, $"市第{(i + u) % 40}局", u == 0 ? AssignmentRole.Lead : AssignmentRole.Supporting,
                late ? AssignmentStatus.InProgress : AssignmentStatus.Acknowledged, deadline, deadline, late, late ? today.DayNumber - deadline.DayNumber : null, null,
                u == 2 ? [] : [new LedgerReport(new DateOnly(2024, 10, 15), $"已完成第{i}项任务的阶段性工作，印发实施方案并组织专题培训，累计公开信息{i % 97}条。", 60, false,
                    [$"https://www.example.gov.cn/zwgk/{i}/{u}.html"], [])])).ToList();
            rows.Add(new LedgerTaskRow(
                i, "2024年生成市政务公开重点工作任务分工方案", $"{section + 1}.{(i % 20) + 1}", $"{section + 1}、第{section + 1}部分重点工作",
                $"第{i}项任务", $"第{i}项任务：围绕政务公开重点领域，加强政策解读和回应关切，推进基层政务公开标准化规范化建设，按要求及时公开相关信息。",
                assignments[0].UnitName, string.Join("、", assignments.Skip(1).Select(a => a.UnitName)), WorkCalendar.Format(deadline), deadline, false,
                late ? AssignmentStatus.InProgress : AssignmentStatus.Acknowledged, late, assignments));
        }

        return new LedgerDocument("2024年生成市政务公开重点工作任务台账", today, null, rows);
    }
}

/// <summary>The build machine is shared: building the generated benchmark project can take longer than the default two minutes.</summary>
public sealed class SlowBuildConfig : ManualConfig
{
    public SlowBuildConfig() => WithBuildTimeout(TimeSpan.FromMinutes(10));
}
