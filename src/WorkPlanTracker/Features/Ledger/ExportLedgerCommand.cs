using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Ledger;

/// <summary>The <c>export-ledger --out FILE.xlsx [--year N | --plan ID] [--unit NAME]</c> verb of docs/CLI.md.</summary>
public static class ExportLedgerCommand
{
    public const string Usage = "用法：export-ledger --out FILE.xlsx [--year N | --plan ID] [--unit NAME]";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (file, year, planId, unitName) = ParseArguments(args);
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        if (!Directory.Exists(folder))
        {
            throw new CommandLineException($"输出目录不存在：{folder}");
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IDatabasePreparation>().PrepareAsync();
        int? unitId = null;
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            if (planId is { } id && !await db.Plans.AnyAsync(p => p.Id == id))
            {
                throw new CommandLineException($"找不到编号为 {id} 的计划");
            }

            if (year is { } y && !await db.Plans.AnyAsync(p => p.Year == y))
            {
                throw new CommandLineException($"没有 {y} 年的计划");
            }

            if (unitName is not null)
            {
                var units = await db.Units.AsNoTracking().ToListAsync();
                unitId = units.FirstOrDefault(u => u.IsNamed(unitName.Trim()))?.Id
                    ?? throw new CommandLineException($"找不到单位“{unitName}”（按单位名称或简称查找）");
            }
        }

        var built = await scope.ServiceProvider.GetRequiredService<LedgerService>().BuildLedgerAsync(new LedgerScope(planId, year, unitId));
        var document = built.Succeeded ? built.Value : throw new CommandLineException("找不到要导出的计划或单位");

        // Written next to the target and moved into place, so a failure never leaves half a workbook behind.
        var temporary = Path.Combine(folder, $".{Path.GetFileName(file)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = File.Create(temporary))
            {
                if (unitId is null)
                {
                    LedgerWorkbookWriter.WritePlanLedger(document, stream);
                }
                else
                {
                    LedgerWorkbookWriter.WriteUnitLedger(document, stream);
                }
            }

            File.Move(temporary, file, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        await output.WriteLineAsync($"{document.Title}：{document.Tasks.Count} 项任务，已写入 {file}");
        return 0;
    }

    private static (string File, int? Year, int? PlanId, string? Unit) ParseArguments(IReadOnlyList<string> args)
    {
        var parsed = VerbArguments.Parse(args, new VerbSyntax("export-ledger", Usage, [], ["--out", "--year", "--plan", "--unit"]));
        var file = parsed.Value("--out");
        var unit = parsed.Value("--unit");
        var year = parsed.Year();
        int? planId = parsed.Value("--plan") is not { } plan
            ? null
            : int.TryParse(plan, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0
                ? p
                : throw new CommandLineException($"--plan 需要计划编号（正整数），例如 --plan 3（收到“{plan}”）");

        if (file is null)
        {
            throw new CommandLineException($"缺少 --out；{Usage}");
        }

        if (!file.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            throw new CommandLineException($"--out 须是 .xlsx 文件：{file}");
        }

        if (year is not null && planId is not null)
        {
            throw new CommandLineException($"--year 和 --plan 只能选一个；{Usage}");
        }

        return (file, year, planId, unit);
    }
}
