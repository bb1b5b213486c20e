using Microsoft.Extensions.Logging;

namespace WorkPlanTracker.IntegrationTests;

/// <summary>Keeps what the app logs, so tests can see what an operator would see on the console.</summary>
public sealed class ListLoggerProvider(List<string> messages, List<LoggedFailure>? failures = null) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ListLogger(messages, failures, categoryName);

    public void Dispose()
    {
    }

    private sealed class ListLogger(List<string> messages, List<LoggedFailure>? failures, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (messages)
            {
                messages.Add(formatter(state, exception));
            }

            if (failures is not null && (logLevel >= LogLevel.Error || exception is not null))
            {
                lock (failures)
                {
                    failures.Add(new LoggedFailure(logLevel, category, formatter(state, exception), exception));
                }
            }
        }
    }
}

/// <summary>An error, or any entry carrying an exception, as the operator's console would show it.</summary>
public sealed record LoggedFailure(LogLevel Level, string Category, string Message, Exception? Exception);
