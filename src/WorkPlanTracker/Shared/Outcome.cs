using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Shared;

/// <summary>What became of a request, so every caller (a page, an endpoint, the CLI) can tell the refusals apart.</summary>
public enum OutcomeKind
{
    /// <summary>Done as asked.</summary>
    Ok,

    /// <summary>The thing does not exist, or the user may not even know that it exists.</summary>
    NotFound,

    /// <summary>The thing exists and the user may see it, but not do this with it.</summary>
    Forbidden,

    /// <summary>The thing changed meanwhile (a stale version), is already in the asked state, is in a state that does not allow
    /// the step (closed, archived, already decided), or would be a duplicate.</summary>
    Conflict,

    /// <summary>The input breaks a rule: a form field, a value the workflow does not accept.</summary>
    Invalid,
}

/// <summary>
/// The one way a service says yes or no: the kind of answer and a message in the words the user reads. A refusal
/// changes nothing. Exceptions stay for real faults (I/O, bugs), never for a user's request being refused.
/// </summary>
public record Outcome
{
    protected Outcome(OutcomeKind kind, string message)
    {
        Kind = kind;
        Message = message;
    }

    public OutcomeKind Kind { get; }

    public string Message { get; }

    public bool Succeeded => Kind == OutcomeKind.Ok;

    public static Outcome Ok(string message = "") => new(OutcomeKind.Ok, message);

    public static Outcome<T> Ok<T>(T value, string message = "") => new(OutcomeKind.Ok, message, value);

    public static Outcome NotFound(string message) => new(OutcomeKind.NotFound, message);

    public static Outcome Forbidden(string message) => new(OutcomeKind.Forbidden, message);

    public static Outcome Conflict(string message) => new(OutcomeKind.Conflict, message);

    public static Outcome Invalid(string message) => new(OutcomeKind.Invalid, message);

    /// <summary>A broken domain rule: a wrong moment (already closed, already decided) is a Conflict, a bad value Invalid.</summary>
    public static Outcome BrokenRule(DomainRuleException rule) => rule.Kind == DomainRuleKind.StateConflict
        ? Conflict(rule.Message)
        : Invalid(rule.Message);

    /// <summary>This refusal as the answer of a request that would have given a <typeparamref name="T"/>.</summary>
    public Outcome<T> As<T>() => Succeeded
        ? throw new InvalidOperationException("Only a refusal carries over to another value type; an Ok outcome needs its value.")
        : new Outcome<T>(Kind, Message, default);
}

/// <summary>An <see cref="Outcome"/> that gives a value when it succeeded.</summary>
public sealed record Outcome<T> : Outcome
{
    private readonly T? value;

    internal Outcome(OutcomeKind kind, string message, T? value)
        : base(kind, message) => this.value = value;

    /// <summary>The value of a successful outcome; asking a refusal for it is a bug.</summary>
    public T Value => Succeeded ? value! : throw new InvalidOperationException($"A {Kind} outcome has no value: {Message}");

    /// <summary>The value, or the default for a refusal: for a page whose "not found" view is the absence of the thing.</summary>
    public T? ValueOrDefault => Succeeded ? value : default;

    // A refusal has no value to print: without this, ToString (in a failed assertion, a log) would throw from Value.
    protected override bool PrintMembers(System.Text.StringBuilder builder)
    {
        base.PrintMembers(builder);
        builder.Append(", Value = ").Append(ValueOrDefault);
        return true;
    }
}
