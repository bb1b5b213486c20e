using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkPlanTracker.Data;
using WorkPlanTracker.Features.Import.Documents;

namespace WorkPlanTracker.Features.Import;

/// <summary>
/// Fills an empty database with the sample plans in seeds/, through the same importer users use, so a new
/// installation shows real plans. Documents that are not plans (the sample annual report) are skipped.
/// </summary>
public sealed class SamplePlanSeeder(
    IDbContextFactory<AppDbContext> dbFactory,
    PlanImportService importer,
    IOptions<SamplePlanOptions> options,
    ILogger<SamplePlanSeeder> logger)
{
    /// <returns>How many plans were imported (0 when the database already had plans).</returns>
    public async Task<int> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Value.ImportOnEmptyDatabase)
        {
            return 0;
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Plans.AnyAsync(cancellationToken))
            {
                return 0;
            }
        }

        var folder = options.Value.FullDirectory;
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("示例计划目录 {Folder} 不存在，未导入示例数据", folder);
            return 0;
        }

        var imported = 0;
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            try
            {
                await using var stream = File.OpenRead(file);
                var document = importer.Read(name, stream);
                var parsed = importer.Parse(document, name);
                await importer.SaveAsync(parsed, name, document.Text, cancellationToken);
                imported++;
                logger.LogInformation("已导入示例计划 {Title}（{Count} 项任务）", parsed.Title, parsed.Tasks.Count);
            }
            catch (ImportInputException e)
            {
                logger.LogInformation("跳过示例文件 {File}：{Reason}", name, e.Message);
            }
        }

        return imported;
    }
}
