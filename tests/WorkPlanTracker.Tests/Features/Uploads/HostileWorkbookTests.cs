using System.Diagnostics;
using WorkPlanTracker.Features.Import.Documents;
using WorkPlanTracker.Features.Ledger;
using WorkPlanTracker.Features.Uploads;

namespace WorkPlanTracker.Tests.Features.Uploads;

/// <summary>
/// Every hostile workbook is refused by both readers that take .xlsx uploads (the ledger's fill-in workbook and the
/// plan importer) with a Chinese message, within a time and memory budget measured here: before the guard, the
/// million-row sheet took the server from 258 MB to 1.15 GB and the spaces kept a core busy for minutes.
/// </summary>
public class HostileWorkbookTests
{
    private static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(3);
    private const long MemoryBudgetBytes = 48L * 1024 * 1024;

    public static TheoryData<string> Hostile() => ["million-rows", "spaces-in-shared-strings", "spaces-in-a-cell", "lying-header", "long-cell"];

    private static byte[] Make(string kind) => kind switch
    {
        "million-rows" => HostileWorkbooks.MillionRows(),
        "spaces-in-shared-strings" => HostileWorkbooks.SpacesInSharedStrings(300L * 1024 * 1024),
        "spaces-in-a-cell" => HostileWorkbooks.SpacesInCell(300L * 1024 * 1024),
        "lying-header" => HostileWorkbooks.LyingHeader(300L * 1024 * 1024, declaredBytes: 4096),
        "long-cell" => HostileWorkbooks.LongCell(40_000),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void The_ledger_upload_refuses_it_within_the_budget(string kind)
    {
        var file = Make(kind);
        Assert.True(file.Length < 10 * 1024 * 1024, $"the hostile file itself is small ({file.Length} bytes)");

        var (error, elapsed, allocated) = Measure(() => FillInWorkbook.Read(new MemoryStream(file)));

        var refused = Assert.IsType<LedgerUploadException>(error);
        Assert.Matches("^(这个文件不能导入|无法读取这个文件)", refused.Message);
        Assert.True(elapsed < TimeBudget, $"refused after {elapsed.TotalSeconds:0.00} s");
        Assert.True(allocated < MemoryBudgetBytes, $"allocated {allocated / 1024 / 1024} MB while refusing");
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void The_plan_importer_refuses_it_within_the_budget(string kind)
    {
        var file = Make(kind);

        var (error, elapsed, allocated) = Measure(() => new PlanDocumentReader().Read("任务分解表.xlsx", new MemoryStream(file)));

        var refused = Assert.IsType<ImportInputException>(error);
        Assert.StartsWith("文件“任务分解表.xlsx”", refused.Message, StringComparison.Ordinal);
        Assert.True(elapsed < TimeBudget, $"refused after {elapsed.TotalSeconds:0.00} s");
        // The importer first copies the (small) upload into memory; the budget is for what the file makes the server do.
        Assert.True(allocated < MemoryBudgetBytes + 2L * file.Length, $"allocated {allocated / 1024 / 1024} MB while refusing");
    }

    [Fact]
    public void The_reasons_say_what_is_wrong_in_Chinese()
    {
        Assert.Contains("用到了第 5001 行，超过了 5000 行的上限", Refusal(HostileWorkbooks.MillionRows()));
        Assert.Contains("解压后的内容异常庞大", Refusal(HostileWorkbooks.SpacesInSharedStrings(64L * 1024 * 1024)));
        Assert.Contains("超过了 32767 个字符", Refusal(HostileWorkbooks.LongCell(40_000)));

        static string Refusal(byte[] file) => Assert.Throws<LedgerUploadException>(() => FillInWorkbook.Read(new MemoryStream(file))).Message;
    }

    [Fact]
    public void A_sheet_with_too_many_cells_is_refused_before_it_is_opened()
    {
        var file = HostileWorkbooks.Build(sheet =>
        {
            using var writer = new StreamWriter(sheet);
            writer.Write("""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            for (var r = 1; r <= 100; r++)
            {
                writer.Write($"<row r=\"{r}\">");
                for (var c = 0; c < 26; c++)
                {
                    writer.Write($"<c r=\"{(char)('A' + c)}{r}\"><v>1</v></c>");
                }

                writer.Write("</row>");
            }

            writer.Write("</sheetData></worksheet>");
        });

        var error = Assert.Throws<OfficePackageRefusedException>(() => OfficePackageGuard.Check(new MemoryStream(file), new OfficePackageLimits { MaxCells = 2_000 }));

        Assert.Equal(OfficePackageProblem.TooManyCells, error.Problem);
        Assert.Contains("单元格超过了 2000 个的上限", error.Message);
    }

    [Fact]
    public void A_file_that_takes_longer_than_the_time_budget_is_refused_as_too_slow()
    {
        // Every other limit is lifted, so only the clock can stop reading 64 MB of one cell.
        var file = HostileWorkbooks.SpacesInCell(64L * 1024 * 1024);
        var limits = new OfficePackageLimits
        {
            TimeBudget = TimeSpan.FromMilliseconds(1),
            CompressionRatioCheckMinBytes = long.MaxValue,
            MaxCellCharacters = int.MaxValue,
        };

        var error = Assert.Throws<OfficePackageRefusedException>(() => OfficePackageGuard.Check(new MemoryStream(file), limits));

        Assert.Equal(OfficePackageProblem.TooSlow, error.Problem);
        Assert.Contains("秒内未能检查完毕", error.Message);
    }

    [Fact]
    public void A_genuine_workbook_passes_and_its_parts_are_listed()
    {
        var file = HostileWorkbooks.Build(sheet =>
        {
            using var writer = new StreamWriter(sheet);
            writer.Write("""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="4999"><c r="M4999" t="inlineStr"><is><t>已完成</t></is></c></row></sheetData></worksheet>""");
        });

        var parts = OfficePackageGuard.Check(new MemoryStream(file), FillInWorkbook.UploadLimits);

        Assert.Contains("xl/workbook.xml", parts);
    }

    private static (Exception? Error, TimeSpan Elapsed, long Allocated) Measure(Action read)
    {
        GC.Collect();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        Exception? error = null;
        try
        {
            read();
        }
        catch (Exception e)
        {
            error = e;
        }

        return (error, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
