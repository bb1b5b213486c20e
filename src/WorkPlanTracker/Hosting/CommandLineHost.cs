using WorkPlanTracker.Features.Import;
using WorkPlanTracker.Features.Import.Documents;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Hosting;

/// <summary>Runs one command-line verb (docs/CLI.md) on the same services as the web app, without the web server.</summary>
public static class CommandLineHost
{
    public static async Task<int> RunVerbAsync(CommandLineArguments cli)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. cli.HostArguments],
            ContentRootPath = AppContext.BaseDirectory,
        });
        // stdout carries the verb's output (JSON); only errors go to stderr.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.AddWorkPlanTrackerCore();
        var host = builder.Build();
        string? failure = null;
        int exitCode;
        try
        {
            exitCode = cli.Verb switch
            {
                "import" => await ImportCommand.RunAsync(host.Services, cli.VerbArguments, Console.Out),
                "import-eval" => await ImportEvalCommand.RunAsync(host.Services, cli.VerbArguments, Console.Out),
                "reminders" => await Features.Reminders.RemindersCommand.RunAsync(host.Services, cli.VerbArguments, Console.Out),
                "export-ledger" => await Features.Ledger.ExportLedgerCommand.RunAsync(host.Services, cli.VerbArguments, Console.Out),
                "migrate-data" => await MigrateDataCommand.RunAsync(cli.VerbArguments, Console.Out),
                _ => Fail($"命令 {cli.Verb} 尚未提供，请关注后续版本。", 1, out failure),
            };
        }
        catch (CommandLineException e)
        {
            exitCode = Fail(e.Message, 2, out failure);
        }
        catch (ImportInputException e)
        {
            exitCode = Fail(e.Message, 2, out failure);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            exitCode = Fail($"操作失败：{e.Message}", 1, out failure);
        }
        finally
        {
            // The console logger writes from a thread of its own and is flushed when the host goes: the failure
            // message comes after the log lines (e.g. the first start's), as the last line of stderr.
            host.Dispose();
        }

        if (failure is not null)
        {
            Console.Error.WriteLine(failure);
        }

        return exitCode;
    }

    private static int Fail(string message, int exitCode, out string failure)
    {
        failure = message;
        return exitCode;
    }
}
