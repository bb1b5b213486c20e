using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WorkPlanTracker.Data;

/// <summary>
/// Before the first release the schema's history (twelve migrations written over ten days) was squashed into one
/// initial migration. A database made before that holds the old history and the very schema the new initial
/// migration makes: its history is rewritten to the new one, so migrating it adds nothing and creates nothing twice.
/// </summary>
public static class SquashedMigrations
{
    /// <summary>The last migration before the squash; a database that has it has the whole squashed schema.</summary>
    public const string LastBeforeSquash = "20261202155820_PlanImportSnapshot";

    /// <summary>The first migration before the squash; a history that starts here predates it.</summary>
    public const string FirstBeforeSquash = "20261123110514_InitialSchema";

    /// <summary>Rewrites a pre-squash history; does nothing to a new or an already current database.</summary>
    public static async Task AdoptAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(cancellationToken))
        {
            return;
        }

        var applied = (await history.GetAppliedMigrationsAsync(cancellationToken)).Select(row => row.MigrationId).ToList();
        if (!applied.Contains(FirstBeforeSquash))
        {
            return;
        }

        if (!applied.Contains(LastBeforeSquash))
        {
            throw new InvalidOperationException(
                $"数据库来自更早的试用版本（最后的结构版本 {applied.Max(StringComparer.Ordinal)}），无法直接升级。"
                + "请先用 2026年12月2日的版本打开一次，或备份后删除数据目录中的数据库，重新开始。");
        }

        var initial = db.GetService<IMigrationsAssembly>().Migrations.Keys.Order(StringComparer.Ordinal).First();
        var rewrite = string.Concat(applied.Select(history.GetDeleteScript))
            + history.GetInsertScript(new HistoryRow(initial, ProductInfo.GetVersion()));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(rewrite, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
