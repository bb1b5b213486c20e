using System.Text.Json;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Import;

/// <summary>The <c>import FILE [--dry-run] [--json] [--year N]</c> verb of docs/CLI.md.</summary>
public static class ImportCommand
{
    private static readonly VerbSyntax Syntax = new(
        "import", "用法：import FILE [--dry-run] [--json] [--year N]", ["--dry-run", "--json"], ["--year"], PositionalName: "文件");

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        var (file, dryRun, json, year) = ParseArguments(args);
        if (!File.Exists(file))
        {
            throw new CommandLineException($"找不到文件：{file}");
        }

        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<PlanImportService>();
        var name = Path.GetFileName(file);
        Documents.PlanDocument document;
        await using (var stream = File.OpenRead(file))
        {
            document = importer.Read(name, stream);
        }

        var parseOptions = new PlanParseOptions { Year = year };
        var parsed = importer.Parse(document, name, parseOptions);
        string? saved = null;
        IReadOnlyList<UnitProposal>? proposals = null;
        if (!dryRun)
        {
            // The same rule as the import page: a plan of the same year and title is updated (its assignments and
            // reports stay), never imported a second time beside it.
            await scope.ServiceProvider.GetRequiredService<IDatabasePreparation>().PrepareAsync();
            var review = await importer.ReviewAsync(document, name, parseOptions);
            parsed = review.Plan;
            // Nobody reviews here, so no merge by similarity is confirmed: each such name is saved as a new unit, and
            // said so, for the office to merge on the import page (or keep) if it is the same unit.
            proposals = review.UnitProposals();
            var (planId, update) = await importer.SaveReviewAsync(review, refuseErrors: false);
            saved = update is { } updated ? Updated(updated) : $"，已保存为计划 #{planId}";
        }

        if (json)
        {
            await output.WriteLineAsync(proposals is null
                ? JsonSerializer.Serialize(parsed, CommandLineJson.Options)
                : WithProposals(parsed, proposals));
        }
        else
        {
            await output.WriteLineAsync($"{parsed.Title}（{parsed.Year}年）：{parsed.Tasks.Count} 项任务，{parsed.Warnings.Count} 条提示"
                + (saved ?? "，未保存（--dry-run）"));
            foreach (var warning in parsed.Warnings)
            {
                await output.WriteLineAsync($"  {warning.Path} {warning.Message}");
            }

            foreach (var proposal in proposals ?? [])
            {
                await output.WriteLineAsync($"  单位“{proposal.Name}”与已有单位“{proposal.UnitName}”相近（{proposal.Reason}），未合并，已作为新单位保存");
            }
        }

        return 0;
    }

    /// <summary>The plan as <c>--dry-run --json</c> prints it, plus <c>unitProposals</c>: the similar names saved as new units.</summary>
    private static string WithProposals(ParsedPlan parsed, IReadOnlyList<UnitProposal> proposals)
    {
        var json = JsonSerializer.SerializeToNode(parsed, CommandLineJson.Options)!.AsObject();
        json["unitProposals"] = JsonSerializer.SerializeToNode(
            proposals.Select(p => new { p.Name, SimilarUnit = p.UnitName, p.Reason, p.TaskCount, Merged = p.Merges }),
            CommandLineJson.Options);
        return json.ToJsonString(CommandLineJson.Options);
    }

    private static string Updated(PlanUpdateCounts result) =>
        $"，已更新已有的计划 #{result.PlanId}（新增 {result.Added} 项，修改 {result.Changed} 项，删除 {result.Deleted} 项"
        + (result.KeptWithWork > 0 ? $"，{result.KeptWithWork} 项已分派的任务保留" : "") + "）";

    private static (string File, bool DryRun, bool Json, int? Year) ParseArguments(IReadOnlyList<string> args)
    {
        var parsed = VerbArguments.Parse(args, Syntax);
        return (parsed.Positional!, parsed.Has("--dry-run"), parsed.Has("--json"), parsed.Year());
    }
}
