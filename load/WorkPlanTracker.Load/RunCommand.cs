using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace WorkPlanTracker.Load;

/// <summary>
/// Brings the prepared users in over the ramp (each signs in, opens 我的任务 and its assignment), opens a circuit on
/// the assignment page for the first <see cref="RunOptions.Circuits"/> of them over a second ramp and keeps it, then has every user go round
/// 我的任务 → assignment → report, with a random think time between steps, until the duration is over. Prints the
/// timings per step, the circuits still held at the end and the servers' memory and CPU.
/// </summary>
public static class RunCommand
{
    private static readonly TimeSpan CircuitTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(RunOptions options, TextWriter output)
    {
        var prepared = JsonSerializer.Deserialize<List<LoadUser>>(await File.ReadAllTextAsync(options.UsersFile)) ?? [];
        if (prepared.Count < options.Users)
        {
            await output.WriteLineAsync($"{options.UsersFile} 只有 {prepared.Count} 个用户，少于 --users {options.Users}：先以更大的数目运行 prepare。");
            return 2;
        }

        var steps = new LoadSteps();
        var circuits = new List<CircuitClient>();
        var users = prepared.Take(options.Users)
            .Select((u, i) => new VirtualUser(u, options.Targets[i % options.Targets.Count], steps))
            .ToList();
        var memoryBefore = ServerProcess.ResidentMegabytes(options.ServerPids);
        var cpuBefore = ServerProcess.CpuSeconds(options.ServerPids);
        var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var loadBefore = ServerProcess.LoadAverage();
        var clock = Stopwatch.StartNew();
        // Three phases, so the circuits' memory is measured apart from the sign-ins': everyone signs in and loads the
        // pages over the ramp; then the circuits open over a second ramp; then everyone goes round until the end.
        var circuitsFrom = options.Ramp + TimeSpan.FromSeconds(3);
        var roundsFrom = circuitsFrom + options.CircuitRamp + TimeSpan.FromSeconds(5);
        var end = roundsFrom + options.Duration;
        using var stop = new CancellationTokenSource(end + CircuitTimeout);
        var started = 0;
        var rounds = users.Select((user, i) => Task.Run(async () =>
        {
            await Task.Delay(options.Ramp * i / users.Count, stop.Token);
            if (!await user.SignInAsync(stop.Token) || !await user.OpenMyTasksAsync(stop.Token) || !await user.OpenAssignmentAsync(stop.Token))
            {
                return;
            }

            Interlocked.Increment(ref started);
            if (i < options.Circuits)
            {
                await UntilAsync(clock, circuitsFrom + options.CircuitRamp * i / options.Circuits, stop.Token);
                var circuit = await OpenCircuitAsync(user, options.Targets[i % options.Targets.Count], steps.CircuitStart, stop.Token);
                if (circuit is not null)
                {
                    lock (circuits)
                    {
                        circuits.Add(circuit);
                    }
                }
            }

            await UntilAsync(clock, roundsFrom, stop.Token);
            var round = 0;
            while (clock.Elapsed + options.Think < end)
            {
                round++;
                await ThinkAsync(options.Think, stop.Token);
                await user.OpenMyTasksAsync(stop.Token);
                await ThinkAsync(options.Think, stop.Token);
                await user.OpenAssignmentAsync(stop.Token);
                await ThinkAsync(options.Think, stop.Token);
                await user.SubmitReportAsync(round, stop.Token);
            }
        }, stop.Token)).ToList();

        await UntilAsync(clock, circuitsFrom, stop.Token);
        var memorySignedIn = ServerProcess.ResidentMegabytes(options.ServerPids);
        await UntilAsync(clock, roundsFrom, stop.Token);
        var memoryRamped = ServerProcess.ResidentMegabytes(options.ServerPids);
        var heldAfterRamp = CountHeld(circuits);
        try
        {
            await Task.WhenAll(rounds);
        }
        catch (OperationCanceledException)
        {
            // The hard stop: the figures so far stand.
        }

        var elapsed = clock.Elapsed;
        var memoryAfter = ServerProcess.ResidentMegabytes(options.ServerPids);
        var cpuUsed = ServerProcess.CpuSeconds(options.ServerPids) - cpuBefore;
        var clientCpuUsed = (Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore).TotalSeconds;
        var heldAtEnd = CountHeld(circuits);
        var failures = circuits.Where(c => c.Failure is not null).GroupBy(c => c.Failure!).Select(g => $"{g.Key} ×{g.Count()}").ToList();
        await Task.WhenAll(circuits.Select(c => c.DisposeAsync().AsTask()));
        users.ForEach(u => u.Dispose());

        var inv = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(inv, $"目标 {string.Join(", ", options.Targets)}；用户 {options.Users}（进入 {started}），电路 {options.Circuits}，登录爬坡 {options.Ramp.TotalSeconds:0} s，电路爬坡 {options.CircuitRamp.TotalSeconds:0} s，持续 {options.Duration.TotalSeconds:0} s，思考时间 {options.Think.TotalSeconds:0} s（随机 0.5–1.5 倍），实际 {elapsed.TotalSeconds:0} s"));
        await output.WriteLineAsync();
        await output.WriteLineAsync("| step | count | errors | p50 ms | p95 ms | max ms |");
        await output.WriteLineAsync("|---|---|---|---|---|---|");
        foreach (var step in steps.All)
        {
            await output.WriteLineAsync(step.Summarize().ToMarkdownRow());
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync(string.Create(inv,
            $"电路：打开后保持 {heldAfterRamp}，结束时保持 {heldAtEnd}（共开 {circuits.Count}）；收到渲染批次 {circuits.Sum(c => c.RenderBatches)}，应答 JS 调用 {circuits.Sum(c => c.JsCalls)}"));
        foreach (var failure in failures)
        {
            await output.WriteLineAsync("  电路失败：" + failure);
        }

        foreach (var step in steps.All.Where(s => s.ErrorCount > 0))
        {
            await output.WriteLineAsync($"  {step.Name} 错误：{string.Join("；", step.Errors.Select(e => $"{e.Key} ×{e.Value}"))}");
        }

        if (options.ServerPids.Count > 0)
        {
            var perCircuit = heldAfterRamp > 0 ? (memoryRamped - memorySignedIn) * 1024 / heldAfterRamp : 0;
            await output.WriteLineAsync(string.Create(inv,
                $"服务器内存（RSS）：开始 {memoryBefore:0} MB，全部登录后 {memorySignedIn:0} MB，电路全部打开后 {memoryRamped:0} MB，结束 {memoryAfter:0} MB；每个电路约 {perCircuit:0} KB"));
            await output.WriteLineAsync(string.Create(inv,
                $"服务器 CPU：{cpuUsed:0} s / {elapsed.TotalSeconds:0} s = {cpuUsed / elapsed.TotalSeconds:0.00} 核（本机 {Environment.ProcessorCount} 核）"));
        }

        await output.WriteLineAsync(string.Create(inv,
            $"负载程序自身 CPU：{clientCpuUsed:0} s = {clientCpuUsed / elapsed.TotalSeconds:0.00} 核（与服务器同在本机）"));
        await output.WriteLineAsync($"负载均值（/proc/loadavg）：开始 {loadBefore}，结束 {ServerProcess.LoadAverage()}");
        return 0;
    }

    private static async Task<CircuitClient?> OpenCircuitAsync(VirtualUser user, Uri target, StepTimings step, CancellationToken cancellationToken)
    {
        var circuit = new CircuitClient(target, user.Cookies);
        var watch = Stopwatch.StartNew();
        try
        {
            await circuit.StartAsync(target, new Uri(target, $"assignments/{user.User.AssignmentId}"), user.AssignmentPageHtml!, CircuitTimeout, cancellationToken);
            step.Record(watch.Elapsed);
            return circuit;
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            step.Fail(circuit.Failure ?? e.Message);
            await circuit.DisposeAsync();
            return null;
        }
    }

    private static int CountHeld(List<CircuitClient> circuits)
    {
        lock (circuits)
        {
            return circuits.Count(c => c.IsHeld);
        }
    }

    private static async Task UntilAsync(Stopwatch clock, TimeSpan at, CancellationToken cancellationToken)
    {
        if (at > clock.Elapsed)
        {
            await Task.Delay(at - clock.Elapsed, cancellationToken);
        }
    }

    private static Task ThinkAsync(TimeSpan think, CancellationToken cancellationToken) =>
        Task.Delay(think * (0.5 + Random.Shared.NextDouble()), cancellationToken);
}
