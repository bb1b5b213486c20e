using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace WorkPlanTracker.Data;

/// <summary>One table's outcome: rows in the source, rows now in the target, sample rows compared value by value.</summary>
public sealed record CopiedTable(string Table, long SourceRows, long TargetRows, int SampledRows, string? Difference)
{
    public bool Matches => SourceRows == TargetRows && Difference is null;
}

/// <summary>
/// Moves an office's SQLite database into an empty PostgreSQL database made by the app's own PostgreSQL migrations:
/// every table of the model, principals before dependants, ids kept, each identity sequence set past the largest id.
/// One transaction: the counts and a sample of rows (first, last and three in between, every column) are compared
/// before it commits, so a failed or mismatched copy leaves the target as empty as it was.
/// </summary>
public sealed class SqliteToPostgreSqlCopy(AppDbContext source, PostgreSqlAppDbContext target)
{
    private const int RowsPerInsert = 500;
    private const int SamplesPerTable = 5;

    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;

    public async Task<IReadOnlyList<CopiedTable>> CopyAsync(Action<string> progress, CancellationToken cancellationToken = default)
    {
        var sourceTables = source.Model.GetRelationalModel().Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var tables = InDependencyOrder(target.Model.GetRelationalModel().Tables.Where(t => sourceTables.ContainsKey(t.Name)).ToList());

        await source.Database.OpenConnectionAsync(cancellationToken);
        await target.Database.OpenConnectionAsync(cancellationToken);
        var sourceConnection = source.Database.GetDbConnection();
        var targetConnection = target.Database.GetDbConnection();
        await using var transaction = await targetConnection.BeginTransactionAsync(cancellationToken);

        var results = new List<CopiedTable>();
        foreach (var table in tables)
        {
            var columns = Columns(table, sourceTables[table.Name]);
            var copied = await CopyTableAsync(table.Name, columns, sourceConnection, targetConnection, transaction, cancellationToken);
            await ResetSequenceAsync(table, targetConnection, transaction, cancellationToken);
            var targetRows = await CountAsync(table.Name, targetConnection, transaction, cancellationToken);
            var (sampled, difference) = await CompareSampleAsync(table.Name, columns, copied, sourceConnection, targetConnection, transaction, cancellationToken);
            var result = new CopiedTable(table.Name, copied, targetRows, sampled, difference);
            results.Add(result);
            progress($"{table.Name}：{copied} 行" + (result.Matches ? "" : $"（核对不符：目标 {targetRows} 行{(difference is null ? "" : "，" + difference)}）"));
        }

        if (results.All(r => r.Matches))
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        return results;
    }

    /// <summary>The first table (by name) that already holds rows in the target, or null when the target is empty.</summary>
    public async Task<string?> FirstNonEmptyTargetTableAsync(CancellationToken cancellationToken = default)
    {
        await target.Database.OpenConnectionAsync(cancellationToken);
        foreach (var table in target.Model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            await using var command = target.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT EXISTS (SELECT 1 FROM {Quote(table.Name)})";
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return table.Name;
            }
        }

        return null;
    }

    /// <summary>
    /// A column as both sides read and write it: the same model value, each side's own stored form. A JSON column (an
    /// owned collection stored as JSON) has no mapping of its own: its text goes across as it is, into jsonb.
    /// </summary>
    private sealed record CopiedColumn(string Name, RelationalTypeMapping? SourceMapping, RelationalTypeMapping? TargetMapping, bool IsKey)
    {
        public bool IsJson => SourceMapping is null || TargetMapping is null;
    }

    private static List<CopiedColumn> Columns(ITable target, ITable source)
    {
        var keyColumns = target.PrimaryKey?.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        return target.Columns
            .Where(c => source.FindColumn(c.Name) is not null)
            .Select(c => new CopiedColumn(c.Name, MappingOf(source.FindColumn(c.Name)!), MappingOf(c), keyColumns.Contains(c.Name)))
            .ToList();
    }

    private static RelationalTypeMapping? MappingOf(IColumn column) => column.PropertyMappings.Count > 0 ? column.PropertyMappings[0].TypeMapping : null;

    /// <summary>Principals before dependants (a table referring to itself counts once: its rows go in key order).</summary>
    private static List<ITable> InDependencyOrder(List<ITable> tables)
    {
        var ordered = new List<ITable>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var pending = tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(t => t.ForeignKeyConstraints.All(fk => fk.PrincipalTable.Name == t.Name || placed.Contains(fk.PrincipalTable.Name)
                || pending.All(p => p.Name != fk.PrincipalTable.Name))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("表之间的外键成环，无法确定迁移顺序：" + string.Join("、", pending.Select(t => t.Name)));
            }

            foreach (var table in ready)
            {
                ordered.Add(table);
                placed.Add(table.Name);
                pending.Remove(table);
            }
        }

        return ordered;
    }

    private static async Task<long> CopyTableAsync(
        string table, List<CopiedColumn> columns, DbConnection from, DbConnection to, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var read = from.CreateCommand();
        read.CommandText = SelectSql(table, columns);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        var batch = new List<object?[]>();
        long count = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            batch.Add(ReadRow(reader, columns));
            count++;
            if (batch.Count == RowsPerInsert)
            {
                await InsertAsync(table, columns, batch, to, transaction, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await InsertAsync(table, columns, batch, to, transaction, cancellationToken);
        }

        return count;
    }

    private static async Task InsertAsync(
        string table, List<CopiedColumn> columns, List<object?[]> rows, DbConnection to, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var insert = to.CreateCommand();
        insert.Transaction = transaction;
        var values = new List<string>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var names = new string[columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                names[c] = $"@p{r}_{c}";
                insert.Parameters.Add(columns[c].TargetMapping is { } mapping
                    ? mapping.CreateParameter(insert, names[c], rows[r][c], nullable: true)
                    : new NpgsqlParameter(names[c], NpgsqlDbType.Jsonb) { Value = rows[r][c] ?? DBNull.Value });
            }

            values.Add("(" + string.Join(", ", names) + ")");
        }

        insert.CommandText = $"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) VALUES {string.Join(", ", values)}";
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sets a generated key's sequence past the copied ids, so the next row the app adds gets a new one.</summary>
    private static async Task ResetSequenceAsync(ITable table, DbConnection to, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (table.PrimaryKey?.Columns is not [{ } key] || key.ProviderClrType is not { } type || (type != typeof(int) && type != typeof(long)))
        {
            return;
        }

        await using var command = to.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            SELECT setval(s, COALESCE((SELECT MAX({Quote(key.Name)}) FROM {Quote(table.Name)}), 1), (SELECT COUNT(*) > 0 FROM {Quote(table.Name)}))
            FROM pg_get_serial_sequence('{Quote(table.Name)}', '{key.Name}') AS s WHERE s IS NOT NULL
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> CountAsync(string table, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COUNT(*) FROM {Quote(table)}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Reads the rows at a few positions (in key order) from both sides and compares every column's value.</summary>
    private static async Task<(int Sampled, string? Difference)> CompareSampleAsync(
        string table, List<CopiedColumn> columns, long rows, DbConnection from, DbConnection to, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (rows == 0)
        {
            return (0, null);
        }

        var positions = Enumerable.Range(0, SamplesPerTable).Select(i => rows * i / (SamplesPerTable - 1)).Select(p => Math.Min(p, rows - 1)).Distinct().ToList();
        foreach (var position in positions)
        {
            var expected = await ReadAtAsync(table, columns, position, from, null, sourceSide: true, cancellationToken);
            var actual = await ReadAtAsync(table, columns, position, to, transaction, sourceSide: false, cancellationToken);
            for (var c = 0; c < columns.Count; c++)
            {
                if (!SameValue(columns[c], expected[c], actual[c]))
                {
                    return (positions.Count, $"第 {position + 1} 行的 {columns[c].Name} 不同：{expected[c]} → {actual[c]}");
                }
            }
        }

        return (positions.Count, null);
    }

    private static async Task<object?[]> ReadAtAsync(
        string table, List<CopiedColumn> columns, long position, DbConnection connection, DbTransaction? transaction, bool sourceSide, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SelectSql(table, columns) + $" LIMIT 1 OFFSET {position.ToString(CultureInfo.InvariantCulture)}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return sourceSide ? ReadRow(reader, columns) : ReadRow(reader, columns, c => c.IsJson ? null : c.TargetMapping);
    }

    private static string SelectSql(string table, List<CopiedColumn> columns)
    {
        var keys = columns.Where(c => c.IsKey).Select(c => Quote(c.Name)).ToList();
        return $"SELECT {string.Join(", ", columns.Select(c => Quote(c.Name)))} FROM {Quote(table)}"
            + (keys.Count > 0 ? " ORDER BY " + string.Join(", ", keys) : "");
    }

    /// <summary>A row as model values (enums, dates, ids as the app has them), read through one side's own mappings.</summary>
    private static object?[] ReadRow(DbDataReader reader, List<CopiedColumn> columns, Func<CopiedColumn, RelationalTypeMapping?>? side = null)
    {
        var row = new object?[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            if (reader.IsDBNull(c))
            {
                continue;
            }

            var mapping = side is null ? columns[c].SourceMapping : side(columns[c]);
            if (mapping is null)
            {
                row[c] = reader.GetString(c);
                continue;
            }

            var providerType = Nullable.GetUnderlyingType(mapping.Converter?.ProviderClrType ?? mapping.ClrType) ?? mapping.Converter?.ProviderClrType ?? mapping.ClrType;
            var stored = GetFieldValue.MakeGenericMethod(providerType).Invoke(reader, [c]);
            row[c] = mapping.Converter is { } converter ? converter.ConvertFromProvider(stored) : stored;
        }

        return row;
    }

    // PostgreSQL keeps microseconds, .NET and SQLite's text ten times finer: a time equal to the microsecond is the same.
    // JSON is compared as JSON (jsonb keeps its own key order and spacing); lists and the like by the model's comparer.
    private static bool SameValue(CopiedColumn column, object? expected, object? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (DateTime e, DateTime a) => e.Ticks / 10 == a.Ticks / 10,
        (DateTimeOffset e, DateTimeOffset a) => e.UtcTicks / 10 == a.UtcTicks / 10,
        (string e, string a) when column.IsJson => JsonNode.DeepEquals(JsonNode.Parse(e), JsonNode.Parse(a)),
        _ => column.TargetMapping?.Comparer.Equals(expected, actual) ?? Equals(expected, actual),
    };

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
