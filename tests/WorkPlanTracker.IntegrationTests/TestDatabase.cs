using Npgsql;

namespace WorkPlanTracker.IntegrationTests;

/// <summary>
/// Which database the app factories use: SQLite files by default, PostgreSQL when <c>WPT_TEST_POSTGRES</c> holds a
/// connection string to a server (without a database; the role may create databases). Each data folder then gets a
/// database of its own, made on first use and dropped with the folder.
/// </summary>
public static class TestDatabase
{
    public const string ServerVariable = "WPT_TEST_POSTGRES";

    public static string? PostgreSqlServer => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : null;

    public static bool IsPostgreSql => PostgreSqlServer is not null;

    /// <summary>The database of one data folder: the same folder, the same database (a restart sees its data).</summary>
    public static string DatabaseNameFor(string dataDirectory) =>
        "wpt_it_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..24];

    public static string ConnectionStringFor(string databaseName) =>
        new NpgsqlConnectionStringBuilder(PostgreSqlServer) { Database = databaseName }.ConnectionString;

    /// <summary>Creates the folder's database if it is not there yet; returns its connection string.</summary>
    public static string EnsurePostgreSqlDatabase(string dataDirectory)
    {
        var name = DatabaseNameFor(dataDirectory);
        using var server = OpenServer();
        using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", server))
        {
            exists.Parameters.AddWithValue("name", name);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
                create.ExecuteNonQuery();
            }
        }

        return ConnectionStringFor(name);
    }

    /// <summary>What a CLI run needs to work on the database an <see cref="AppFactory"/> of the same folder uses (nothing on SQLite).</summary>
    public static string[] CommandLineStorageArguments(string dataDirectory) => IsPostgreSql
        ?
        [
            "--Storage:Provider=PostgreSql",
            "--Storage:ConnectionString=" + ConnectionStringFor(DatabaseNameFor(dataDirectory)),
            "--Storage:EvidenceDirectory=" + Path.Combine(dataDirectory, "evidence"),
        ]
        : [];

    public static void DropPostgreSqlDatabase(string dataDirectory)
    {
        var name = DatabaseNameFor(dataDirectory);
        NpgsqlConnection.ClearAllPools();
        using var server = OpenServer();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", server);
        // FORCE cannot end a backend of another role, such as an autovacuum worker that just started on the test's
        // fresh tables (42501); it is gone within moments, so try again for a little while.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                drop.ExecuteNonQuery();
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                Thread.Sleep(200);
            }
        }
    }

    private static NpgsqlConnection OpenServer()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgreSqlServer) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }
}

/// <summary>A test of something only SQLite has (its file, its CLI default): skipped when the suite runs on PostgreSQL.</summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute(string reason)
    {
        if (TestDatabase.IsPostgreSql)
        {
            Skip = "SQLite only: " + reason;
        }
    }
}

/// <summary>A test that needs PostgreSQL (several instances on one database): skipped unless <c>WPT_TEST_POSTGRES</c> is set.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (!TestDatabase.IsPostgreSql)
        {
            Skip = $"needs PostgreSQL: set {TestDatabase.ServerVariable} to a server connection string (see README)";
        }
    }
}
