using System.Globalization;
using WorkPlanTracker.Load;

// dotnet run -c Release --project load/WorkPlanTracker.Load -- prepare USERS FILE [app settings, e.g. --Storage:Provider PostgreSql]
// dotnet run -c Release --project load/WorkPlanTracker.Load -- run --base-url http://127.0.0.1:5080 --users-file FILE [--users 500] ...
if (args is ["prepare", var count, var file, .. var appArguments])
{
    return await PrepareCommand.RunAsync(int.Parse(count, CultureInfo.InvariantCulture), file, appArguments);
}

if (args is ["run", .. var runArguments])
{
    return RunOptions.Parse(runArguments, Console.Error) is { } options ? await RunCommand.RunAsync(options, Console.Out) : 2;
}

Console.Error.WriteLine("用法：prepare 用户数 用户文件 [应用设置…] | run --base-url http://127.0.0.1:端口 --users-file 用户文件 [--users N] [--circuits K] [--duration 秒] [--ramp 秒] [--circuit-ramp 秒] [--think 秒] [--server-pid PID[,PID]]");
return 2;
