namespace WorkPlanTracker.Domain;

/// <summary>
/// A workflow or data rule was broken by what a person asked for. The message is Chinese and says what to do,
/// so the UI can show it as it is (e.g. "已办结的任务不能再报送进展").
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException()
        : base("操作不符合业务规则")
    {
    }

    public DomainRuleException(string message)
        : base(message)
    {
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
