using Microsoft.EntityFrameworkCore;
using Npgsql;
using WorkPlanTracker.Data;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Hosting;

/// <summary>The <c>migrate-data --from FILE.db --to CONNECTION</c> verb of docs/CLI.md: an office's SQLite database into PostgreSQL.</summary>
public static class MigrateDataCommand
{
    public const string Usage = "用法：migrate-data --from 数据库文件.db --to \"Host=…;Database=…;Username=…;Password=…\"";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var parsed = VerbArguments.Parse(args, new VerbSyntax("migrate-data", Usage, [], ["--from", "--to"]));
        var from = parsed.Value("--from") ?? throw new CommandLineException("migrate-data 需要 --from 源数据库文件。" + Usage);
        var to = parsed.Value("--to") ?? throw new CommandLineException("migrate-data 需要 --to 目标 PostgreSQL 连接串。" + Usage);
        if (!File.Exists(from))
        {
            throw new CommandLineException($"找不到源数据库文件：{Path.GetFullPath(from)}");
        }

        var targetStorage = new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = to, EvidenceDirectory = "-" };
        if (targetStorage.Validate(new(targetStorage)).FirstOrDefault() is { } invalid)
        {
            throw new CommandLineException(invalid.ErrorMessage!.Replace("Storage:ConnectionString", "--to", StringComparison.Ordinal));
        }

        // Read-only: the office's own file is never changed by a migration to somewhere else.
        await using var source = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>()
            .UseAppSqlite($"Data Source={Path.GetFullPath(from)};Mode=ReadOnly").Options);
        var pending = (await source.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            throw new CommandLineException(
                $"源数据库不是本版本的结构（还差 {pending.Count} 个结构更新，最后一个是 {pending[^1]}）：请先用本版本以它的数据目录启动一次，再迁移");
        }

        await using var target = new PostgreSqlAppDbContext(new DbContextOptionsBuilder<AppDbContext>().UsePostgreSql(to).Options);
        try
        {
            await target.Database.MigrateAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw new CommandLineException($"无法连接或准备目标数据库：{e.Message}");
        }

        var copy = new SqliteToPostgreSqlCopy(source, target);
        if (await copy.FirstNonEmptyTargetTableAsync(cancellationToken) is { } filled)
        {
            throw new CommandLineException($"目标数据库已有数据（表 {filled}）：请指定一个新建的空数据库，迁移不会覆盖已有数据");
        }

        var tables = await copy.CopyAsync(line => output.WriteLine(line), cancellationToken);
        var mismatched = tables.Where(t => !t.Matches).ToList();
        if (mismatched.Count > 0)
        {
            await output.WriteLineAsync($"核对不符，已撤销，目标数据库仍为空：{string.Join("、", mismatched.Select(t => t.Table))}");
            return 1;
        }

        await output.WriteLineAsync(
            $"已迁移 {tables.Count} 张表、{tables.Sum(t => t.SourceRows)} 行，行数一致，抽查 {tables.Sum(t => t.SampledRows)} 行逐列一致。"
            + "请把佐证材料目录（数据目录下的 evidence）复制到 Storage:EvidenceDirectory 所指的共享目录。");
        return 0;
    }
}
