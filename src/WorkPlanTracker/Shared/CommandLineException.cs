namespace WorkPlanTracker.Shared;

/// <summary>Bad command-line input: the message tells the operator what to fix; the process exits with code 2.</summary>
public sealed class CommandLineException(string message) : Exception(message);
