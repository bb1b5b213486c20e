namespace WorkPlanTracker.Domain;

/// <summary>Which kind of rule a request broke: callers answer a bad value and a wrong moment differently (HTTP 400 and 409).</summary>
public enum DomainRuleKind
{
    /// <summary>What was asked is not acceptable as given (an empty reason, a date before today); asking again differently works.</summary>
    InvalidValue,

    /// <summary>What was asked does not fit the thing's current state (already closed, already decided, archived).</summary>
    StateConflict,
}

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

    public DomainRuleException(string message, DomainRuleKind kind)
        : base(message) => Kind = kind;

    public DomainRuleKind Kind { get; } = DomainRuleKind.InvalidValue;

    /// <summary>A rule about the thing's current state, not about the values asked for.</summary>
    public static DomainRuleException StateConflict(string message) => new(message, DomainRuleKind.StateConflict);
}
