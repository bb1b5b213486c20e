using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;

namespace WorkPlanTracker.Shared;

/// <summary>
/// The one translation of an <see cref="Outcome"/> into HTTP: Ok is 200 (with the value) or 204, and each refusal its
/// own status with an RFC 7807 problem (<c>application/problem+json</c>) whose title and detail are the Chinese the
/// user reads. A client can so tell "does not exist" (404) from "not yours" (403) and "changed meanwhile" (409).
/// </summary>
public static class OutcomeHttpResults
{
    public const string ProblemContentType = "application/problem+json";

    // Chinese stays readable in the body instead of \uXXXX escapes; characters that matter in HTML are still escaped.
    private static readonly JsonSerializerOptions ProblemJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static int StatusCodeOf(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Ok => StatusCodes.Status200OK,
        OutcomeKind.Invalid => StatusCodes.Status400BadRequest,
        OutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
        OutcomeKind.NotFound => StatusCodes.Status404NotFound,
        OutcomeKind.Conflict => StatusCodes.Status409Conflict,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The problem's title: what kind of refusal, in a word the user understands; the detail says why.</summary>
    public static string TitleOf(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Ok => "成功",
        OutcomeKind.Invalid => "请求有误",
        OutcomeKind.Forbidden => "无权操作",
        OutcomeKind.NotFound => "找不到",
        OutcomeKind.Conflict => "与当前状态冲突",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>204 when it succeeded, else the refusal as a problem.</summary>
    public static IResult ToHttpResult(this Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Succeeded ? TypedResults.NoContent() : Problem(outcome);
    }

    /// <summary>200 with the value as JSON when it succeeded, else the refusal as a problem.</summary>
    public static IResult ToHttpResult<T>(this Outcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : Problem(outcome);
    }

    /// <summary><paramref name="ok"/>'s answer for the value (a file download, say) when it succeeded, else the refusal as a problem.</summary>
    public static IResult ToHttpResult<T>(this Outcome<T> outcome, Func<T, IResult> ok)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(ok);
        return outcome.Succeeded ? ok(outcome.Value) : Problem(outcome);
    }

    public static ProblemDetails ProblemOf(Outcome refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        if (refusal.Succeeded)
        {
            throw new ArgumentException("An Ok outcome is not a problem.", nameof(refusal));
        }

        var status = StatusCodeOf(refusal.Kind);
        return new ProblemDetails
        {
            Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
            Title = TitleOf(refusal.Kind),
            Detail = refusal.Message,
            Status = status,
        };
    }

    private static IResult Problem(Outcome refusal)
    {
        var problem = ProblemOf(refusal);
        return TypedResults.Json(problem, ProblemJson, ProblemContentType, problem.Status);
    }
}
