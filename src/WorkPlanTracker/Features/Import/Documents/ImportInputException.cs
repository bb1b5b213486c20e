namespace WorkPlanTracker.Features.Import.Documents;

/// <summary>
/// The uploaded or pasted input cannot be imported. The message is shown to the user as is, so it
/// is a Chinese sentence naming the file, the problem and what to do about it.
/// </summary>
public sealed class ImportInputException : Exception
{
    public ImportInputException()
    {
    }

    public ImportInputException(string message)
        : base(message)
    {
    }

    public ImportInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ImportInputException(string message, string? fileName, Exception? innerException = null)
        : base(message, innerException)
    {
        FileName = fileName;
    }

    /// <summary>The name the user gave the file; null for pasted text.</summary>
    public string? FileName { get; }
}
