using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WorkPlanTracker.Data;
using WorkPlanTracker.Features.Import;
using WorkPlanTracker.Features.Import.Documents;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests;

/// <summary>
/// The real app over a real SQLite file in its own data folder (never shared between factories unless asked), or,
/// with <c>WPT_TEST_POSTGRES</c> set, over a PostgreSQL database of that folder's own (<see cref="TestDatabase"/>).
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly bool ownsDirectory;

    public AppFactory()
        : this(Path.Combine(Path.GetTempPath(), "wpt-it", Guid.NewGuid().ToString("N")), ownsDirectory: true)
    {
    }

    internal AppFactory(string dataDirectory, bool ownsDirectory = false)
    {
        DataDirectory = dataDirectory;
        this.ownsDirectory = ownsDirectory;
    }

    /// <summary>The first administrator's password in tests (configured, as an installer would).</summary>
    public const string AdminPassword = "Admin-2024-Test";

    public string DataDirectory { get; }

    /// <summary>Extra settings for one test, e.g. no admin password or demo mode off.</summary>
    public Dictionary<string, string?> Settings { get; } = NewDefaultSettings();

    private static Dictionary<string, string?> NewDefaultSettings() => new()
    {
        ["Accounts:AdminPassword"] = AdminPassword,
        ["Accounts:Demo"] = "true",
        // Tests call the reminder jobs themselves with their own clock; no Hangfire server per factory.
        ["Reminders:RunScheduler"] = "false",
    };

    /// <summary>
    /// Makes this app a second instance of <paramref name="first"/>'s installation, as a scale-out deployment runs them:
    /// the same PostgreSQL database and the same evidence folder.
    /// </summary>
    public void JoinInstallationOf(AppFactory first)
    {
        ArgumentNullException.ThrowIfNull(first);
        Settings["Storage:ConnectionString"] = TestDatabase.ConnectionStringFor(TestDatabase.DatabaseNameFor(first.DataDirectory));
        Settings["Storage:EvidenceDirectory"] = Path.Combine(first.DataDirectory, "evidence");
    }

    public List<string> LogMessages { get; } = [];

    /// <summary>Errors and entries with an exception, with their level and category.</summary>
    public List<LoggedFailure> LogFailures { get; } = [];

    /// <summary>How often the app ran each tagged query (<c>TagWith</c>).</summary>
    public TaggedCommandCounter TaggedCommands { get; } = new();

    // Test collections run side by side. Each factory finds its own host (the entry point's host listener is
    // filtered by an AsyncLocal since .NET 7), but a start migrates and seeds a database and compiles the app's
    // endpoints: one start at a time keeps two starts from halving each other's two cores and timing out.
    private static readonly Lock StartLock = new();

    /// <summary>
    /// Whether a factory of the default settings starts on a copy of a database prepared once per run. A first start
    /// migrates the database and imports the sample plans, about 2 CPU-seconds against 0.3 s for a start on a
    /// prepared one, and the suite starts some fifty apps. Off for a test about the first start itself.
    /// </summary>
    public bool StartsOnPreparedDatabase { get; init; } = true;

    private static readonly Dictionary<string, string?> DefaultSettings = NewDefaultSettings();

    private static readonly Lazy<string> PreparedDatabase = new(PrepareDatabase, LazyThreadSafetyMode.ExecutionAndPublication);

    private static string DatabaseFileIn(string dataDirectory) => Path.Combine(dataDirectory, "workplantracker.db");

    /// <summary>The database of a first start with the default settings (its keys and installation id stay behind).</summary>
    private static string PrepareDatabase()
    {
        var folder = Path.Combine(Path.GetTempPath(), "wpt-it", "prepared-" + Guid.NewGuid().ToString("N"));
        using (var first = new AppFactory(folder, ownsDirectory: false) { StartsOnPreparedDatabase = false })
        {
            _ = first.Services;
        }

        // Closes the pooled connections, so SQLite has folded its write-ahead log into the file before it is copied.
        SqliteConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteDirectory(folder);
        return DatabaseFileIn(folder);
    }

    /// <summary>
    /// Only an <see cref="AppFactory"/> itself (a subclass may set a clock or services the seeding would see), with
    /// the default settings, on SQLite, in a folder with no database yet (a second instance on a folder starts on
    /// what the first left).
    /// </summary>
    private void CopyPreparedDatabase()
    {
        var database = DatabaseFileIn(DataDirectory);
        if (!StartsOnPreparedDatabase || GetType() != typeof(AppFactory) || TestDatabase.IsPostgreSql || File.Exists(database)
            || Settings.Count != DefaultSettings.Count || Settings.Any(s => !DefaultSettings.TryGetValue(s.Key, out var value) || value != s.Value))
        {
            return;
        }

        var prepared = PreparedDatabase.Value;
        PrivateStorage.CreateFolder(DataDirectory);
        File.Copy(prepared, database);
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // Before the start lock: preparing starts an app of its own.
        CopyPreparedDatabase();
        lock (StartLock)
        {
            var host = OffTestThreads(() => base.CreateHost(builder));
            BootstrapBlazorHandOver.Track(host);
            return host;
        }
    }

    /// <summary>
    /// Runs a blocking start or stop without xunit's synchronization context: with collections in parallel, its
    /// two worker threads may both be blocked (one here, one waiting for <see cref="StartLock"/>), and an app
    /// continuation posted back to them would never run.
    /// </summary>
    private static T OffTestThreads<T>(Func<T> action)
    {
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return action();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        if (TestDatabase.IsPostgreSql)
        {
            builder.UseSetting("Storage:Provider", "PostgreSql");
            builder.UseSetting("Storage:ConnectionString", TestDatabase.EnsurePostgreSqlDatabase(DataDirectory));
            builder.UseSetting("Storage:EvidenceDirectory", Path.Combine(DataDirectory, "evidence"));
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new ListLoggerProvider(LogMessages, LogFailures)));
        builder.ConfigureServices(services => services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(TaggedCommands)));
    }

    /// <summary>A client signed in through the real login form (antiforgery token and all), keeping its cookie.</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, string password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await SubmitLoginAsync(client, userName, password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in of {userName} failed: {response.StatusCode}");
        }

        return client;
    }

    public static async Task<HttpResponseMessage> SubmitLoginAsync(HttpClient client, string userName, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        var fields = System.Text.RegularExpressions.Regex.Matches(form, "<input[^>]*type=\"hidden\"[^>]*>")
            .Select(m => (Name: Attribute(m.Value, "name"), Value: Attribute(m.Value, "value")))
            .Where(f => f.Name is not null)
            .ToDictionary(f => f.Name!, f => System.Net.WebUtility.HtmlDecode(f.Value ?? ""));
        fields["Input.UserName"] = userName;
        fields["Input.Password"] = password;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
    }

    private static string? Attribute(string tag, string name)
    {
        var match = System.Text.RegularExpressions.Regex.Match(tag, name + "=\"([^\"]*)\"");
        return match.Success ? match.Groups[1].Value : null;
    }

    // The factory is scoped (each scope audits as its own user); a test's context acts as the system.
    public AppDbContext NewDbContext() => Get<IDbContextFactory<AppDbContext>>().CreateDbContext();

    /// <summary>A service as a page would get it, from a scope of its own.</summary>
    public T Get<T>()
        where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    /// <summary>Imports a plan's text as the import page saves it (a draft) and returns its id.</summary>
    public async Task<int> ImportPlanAsync(string planText, string fileName)
    {
        var importer = Get<PlanImportService>();
        var parsed = importer.Parse(new PlanDocument { Text = planText }, fileName);
        return (await importer.SaveAsync(parsed, fileName, planText)).Id;
    }

    /// <summary>A task's version as a page showing it now would carry.</summary>
    public async Task<Guid> TaskVersionAsync(int taskId)
    {
        await using var db = NewDbContext();
        return await db.Tasks.Where(t => t.Id == taskId).Select(t => t.Version).SingleAsync();
    }

    public async Task<int> UnitIdAsync(string name)
    {
        await using var db = NewDbContext();
        return await db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Imports and publishes a plan as the office; returns the assignments of <paramref name="unitName"/>, in task order.</summary>
    public async Task<IReadOnlyList<int>> PublishedAssignmentsAsync(string planText, string fileName, string unitName)
    {
        var planId = await ImportPlanAsync(planText, fileName);
        var published = await Get<WorkPlanTracker.Features.Plans.PlanPublishingService>().PublishAsync(TestActors.Office, planId);
        if (!published.Succeeded)
        {
            throw new InvalidOperationException(published.Message);
        }

        var unitId = await UnitIdAsync(unitName);
        await using var db = NewDbContext();
        return await db.Assignments.Where(a => a.WorkTask!.PlanId == planId && a.OrgUnitId == unitId)
            .OrderBy(a => a.WorkTask!.SortOrder).Select(a => a.Id).ToListAsync();
    }

    protected override void Dispose(bool disposing)
    {
        OffTestThreads(() =>
        {
            base.Dispose(disposing);
            return true;
        });
        if (disposing && ownsDirectory)
        {
            DeleteDirectory(DataDirectory);
        }
    }

    /// <summary>Deletes a data folder and, on PostgreSQL, its database.</summary>
    public static void DeleteDirectory(string directory)
    {
        SqliteConnection.ClearAllPools();
        if (TestDatabase.IsPostgreSql)
        {
            TestDatabase.DropPostgreSqlDatabase(directory);
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; it must not hide the real result of a test.
        }
    }
}
