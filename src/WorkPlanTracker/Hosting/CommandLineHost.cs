using Microsoft.Extensions.Logging;
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
        using var host = builder.Build();

        try
        {
            return cli.Verb switch
            {
                "import" => await ImportCommand.RunAsync(host.Services, cli.VerbArguments, Console.Out),
                "import-eval" => await ImportEvalCommand.RunAsync(host.Services, cli.VerbArguments, Console.Out),
                "reminders" => await Features.Reminders.RemindersCommand.RunAsync(host.Services, cli.VerbArguments, Console.Out),
                "export-ledger" => await Features.Ledger.ExportLedgerCommand.RunAsync(host.Services, cli.VerbArguments, Console.Out),
                _ => Fail($"命令 {cli.Verb} 尚未提供，请关注后续版本。", 1),
            };
        }
        catch (CommandLineException e)
        {
            return Fail(e.Message, 2);
        }
        catch (ImportInputException e)
        {
            return Fail(e.Message, 2);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Fail($"操作失败：{e.Message}", 1);
        }
    }

    private static int Fail(string message, int exitCode)
    {
        Console.Error.WriteLine(message);
        return exitCode;
    }
}
