using System.Text.Json;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Import;

/// <summary>The <c>import-eval DIR [--json]</c> verb of docs/CLI.md: the importer's accuracy on a corpus with answer keys.</summary>
public static class ImportEvalCommand
{
    private static readonly VerbSyntax Syntax = new("import-eval", "用法：import-eval DIR [--json]（DIR 下有 plans/ 与 keys/）", ["--json"], [], PositionalName: "目录");

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        var parsed = VerbArguments.Parse(args, Syntax);
        var directory = parsed.Positional!;
        var json = parsed.Has("--json");
        if (!Directory.Exists(directory))
        {
            throw new CommandLineException($"找不到目录：{directory}");
        }

        var accuracy = services.GetRequiredService<ImportEvaluation>().Evaluate(directory);
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                documents = accuracy.Documents.Select(d => new
                {
                    d.Name,
                    d.KeyTasks,
                    d.TasksFound,
                    d.ExtraTasks,
                    unitsFound = d.Units.Found,
                    unitsWrong = d.Units.Wrong,
                    unitsMissed = d.Units.Missed,
                    d.DeadlinesRight,
                    d.TaskRecall,
                    d.UnitsF1,
                    d.DeadlineAccuracy,
                    d.Refusal,
                }),
                totals = new
                {
                    accuracy.KeyTasks,
                    accuracy.TasksFound,
                    accuracy.ExtraTasks,
                    accuracy.DeadlinesRight,
                    accuracy.TaskRecall,
                    accuracy.UnitsF1,
                    accuracy.DeadlineAccuracy,
                },
            }, CommandLineJson.Options));
        }
        else
        {
            await output.WriteAsync(accuracy.ToMarkdown());
        }

        return 0;
    }
}
