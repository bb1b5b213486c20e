using System.Globalization;
using System.Text.Json;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Reminders;

/// <summary>The <c>reminders --as-of YYYY-MM-DD --dry-run [--json]</c> verb of docs/CLI.md: what the reminder job would send that day.</summary>
public static class RemindersCommand
{
    private static readonly VerbSyntax Syntax = new(
        "reminders", "用法：reminders --as-of YYYY-MM-DD --dry-run [--json]", ["--dry-run", "--json"], ["--as-of"]);

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        var (asOf, dryRun, json) = ParseArguments(args);
        if (!dryRun)
        {
            throw new CommandLineException("reminders 目前只能预览：请加 --dry-run。实际发送由网站的定时任务（每天按 Reminders:DailyAt 时间）完成。");
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IDatabasePreparation>().PrepareAsync();
        var plan = await scope.ServiceProvider.GetRequiredService<ReminderPlanner>().PreviewAsync(asOf);
        var lines = plan.Now.SelectMany(p => p.Items.Select(i => (Delivery: p, Item: i, SendOn: asOf)))
            .Concat(plan.Later.Select(l => (l.Delivery, l.Item, SendOn: plan.NextDigest)))
            .ToList();
        var rows = lines
            .Select(l => new ReminderLine(
                l.Delivery.RecipientName,
                l.Item.Kind.Code(),
                l.Item.TaskPath,
                l.Item.PlanYear,
                l.Item.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                l.Delivery.Channel.ToString().ToLowerInvariant(),
                l.SendOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .ToList();

        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(rows, CommandLineJson.Options));
            return 0;
        }

        await output.WriteLineAsync($"{WorkCalendar.Format(asOf)}：{plan.Now.Count} 条消息，共 {plan.Now.Sum(p => p.Items.Count)} 项提醒（未发送，--dry-run）");
        foreach (var p in plan.Now)
        {
            await output.WriteLineAsync($"  → {p.RecipientName}（{ChannelName(p.Channel)}{(p.Address.Length > 0 ? " " + p.Address : "")}）");
            foreach (var item in p.Items)
            {
                var caughtUp = item.FiredOn is { } fired && fired < asOf ? $"（补发：{WorkCalendar.Format(fired)} 应发而未发）" : "";
                await output.WriteLineAsync($"      〔{item.Kind.ChineseName()}〕{item.PlanYear} {item.TaskPath} {item.TaskTitle}：{item.Text}{caughtUp}");
            }
        }

        if (plan.Later.Count > 0)
        {
            await output.WriteLineAsync($"当天的汇总已经发出，以下 {plan.Later.Count} 项在那之后才到期，随 {WorkCalendar.Format(plan.NextDigest)} 的汇总发送：");
            foreach (var (p, item) in plan.Later)
            {
                await output.WriteLineAsync($"  → {p.RecipientName}（{ChannelName(p.Channel)}）〔{item.Kind.ChineseName()}〕{item.PlanYear} {item.TaskPath} {item.TaskTitle}：{item.Text}");
            }
        }

        return 0;
    }

    public static string ChannelName(ReminderChannel channel) => channel switch
    {
        ReminderChannel.Inbox => "站内消息",
        ReminderChannel.Email => "邮件",
        ReminderChannel.Webhook => "群机器人",
        _ => channel.ToString(),
    };

    private static (DateOnly AsOf, bool DryRun, bool Json) ParseArguments(IReadOnlyList<string> args)
    {
        var parsed = VerbArguments.Parse(args, Syntax);
        var value = parsed.Value("--as-of") ?? throw new CommandLineException("reminders 需要 --as-of YYYY-MM-DD，说明按哪一天计算提醒");
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf))
        {
            throw new CommandLineException($"--as-of 需要 YYYY-MM-DD 格式的日期，例如 --as-of 2026-11-23（收到“{value}”）");
        }

        return (asOf, parsed.Has("--dry-run"), parsed.Has("--json"));
    }

    /// <summary>One line of the JSON contract (docs/CLI.md); <c>sendOn</c> was added after the first six, which keep their names.</summary>
    private sealed record ReminderLine(string RecipientUnit, string Kind, string TaskPath, int PlanYear, string? Deadline, string Channel, string SendOn);
}
