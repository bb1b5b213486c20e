using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Shared;

/// <summary>The one translation of an outcome into HTTP: each kind its status, refusals as RFC 7807 problems in Chinese.</summary>
public class OutcomeHttpResultsTests
{
    private static async Task<(int Status, string? ContentType, string Body)> ExecuteAsync(IResult result)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        using var body = new MemoryStream();
        http.Response.Body = body;
        await result.ExecuteAsync(http);
        return (http.Response.StatusCode, http.Response.ContentType, System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }

    public static TheoryData<string, int, string> Refusals() => new()
    {
        { nameof(Outcome.Invalid), 400, "请求有误" },
        { nameof(Outcome.Forbidden), 403, "无权操作" },
        { nameof(Outcome.NotFound), 404, "找不到" },
        { nameof(Outcome.Conflict), 409, "与当前状态冲突" },
    };

    private static Outcome Refusal(string kind, string message) => kind switch
    {
        nameof(Outcome.Invalid) => Outcome.Invalid(message),
        nameof(Outcome.Forbidden) => Outcome.Forbidden(message),
        nameof(Outcome.NotFound) => Outcome.NotFound(message),
        _ => Outcome.Conflict(message),
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refusal_is_its_own_status_with_a_problem_in_readable_Chinese(string kind, int status, string title)
    {
        var refusal = Refusal(kind, "这项任务刚被其他人处理过，请刷新页面后再操作。");

        var (code, contentType, body) = await ExecuteAsync(refusal.ToHttpResult());

        Assert.Equal(status, code);
        Assert.Equal(OutcomeHttpResults.ProblemContentType, contentType?.Split(';')[0]);
        // Chinese as written, not \uXXXX escapes, so a person reading the response (or a log of it) can.
        Assert.Contains("刷新页面", body, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(refusal.Message, problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.EndsWith($"#status.{status}", problem.RootElement.GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refusal_of_a_value_request_answers_the_same_and_never_runs_the_success_branch(string kind, int status, string title)
    {
        var refusal = Refusal(kind, "找不到这个计划或单位。").As<string>();
        var ran = false;

        var (code, _, body) = await ExecuteAsync(refusal.ToHttpResult(v =>
        {
            ran = true;
            return TypedResults.Text(v);
        }));

        Assert.False(ran);
        Assert.Equal(status, code);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("找不到这个计划或单位。", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Ok_without_a_value_is_204_with_no_body()
    {
        var (code, _, body) = await ExecuteAsync(Outcome.Ok("已签收").ToHttpResult());

        Assert.Equal(StatusCodes.Status204NoContent, code);
        Assert.Empty(body);
    }

    [Fact]
    public async Task Ok_with_a_value_is_200_with_the_value_or_what_the_caller_makes_of_it()
    {
        var ok = Outcome.Ok(new List<int> { 2024, 2025 });

        var (code, contentType, body) = await ExecuteAsync(ok.ToHttpResult());
        var (fileCode, fileType, fileBody) = await ExecuteAsync(ok.ToHttpResult(years => TypedResults.Text(string.Join(",", years), "text/csv")));

        Assert.Equal(200, code);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        Assert.Equal("[2024,2025]", body);
        Assert.Equal(200, fileCode);
        Assert.StartsWith("text/csv", fileType, StringComparison.Ordinal);
        Assert.Equal("2024,2025", fileBody);
    }

    [Fact]
    public void Every_kind_has_a_status_and_a_title()
    {
        Assert.All(Enum.GetValues<OutcomeKind>(), kind =>
        {
            Assert.InRange(OutcomeHttpResults.StatusCodeOf(kind), 200, 499);
            Assert.False(string.IsNullOrWhiteSpace(OutcomeHttpResults.TitleOf(kind)));
        });
        Assert.Equal(Enum.GetValues<OutcomeKind>().Length, Enum.GetValues<OutcomeKind>().Select(OutcomeHttpResults.StatusCodeOf).Distinct().Count());
    }
}
