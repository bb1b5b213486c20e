using WorkPlanTracker.Hosting;

var cli = CommandLineArguments.TryParse(args, Console.Error);
if (cli is null)
{
    return 2;
}

if (cli.Verb is not null)
{
    return await CommandLineHost.RunVerbAsync(cli);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = [.. cli.HostArguments],
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddWorkPlanTrackerCore();
builder.AddWorkPlanTrackerWeb();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseWorkPlanTracker();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so the integration tests can host the app.</summary>
public partial class Program;
