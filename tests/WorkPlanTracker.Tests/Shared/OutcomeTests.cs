using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Shared;

public class OutcomeTests
{
    [Fact]
    public void Each_factory_gives_its_kind_and_only_Ok_succeeds()
    {
        Assert.Equal(
            [(OutcomeKind.Ok, true), (OutcomeKind.NotFound, false), (OutcomeKind.Forbidden, false), (OutcomeKind.Conflict, false), (OutcomeKind.Invalid, false)],
            new[] { Outcome.Ok("好"), Outcome.NotFound("无"), Outcome.Forbidden("禁"), Outcome.Conflict("冲"), Outcome.Invalid("错") }.Select(o => (o.Kind, o.Succeeded)));
    }

    [Fact]
    public void A_refusal_carries_over_to_a_value_request_with_its_kind_and_words_and_has_no_value()
    {
        var refusal = Outcome.Forbidden("您无权下载这份台账。").As<int>();

        Assert.Equal(OutcomeKind.Forbidden, refusal.Kind);
        Assert.Equal("您无权下载这份台账。", refusal.Message);
        Assert.Throws<InvalidOperationException>(() => refusal.Value);
        Assert.Throws<InvalidOperationException>(() => Outcome.Ok("好").As<int>());
        Assert.Equal(42, Outcome.Ok(42, "已添加").Value);
        Assert.Contains("Forbidden", refusal.ToString(), StringComparison.Ordinal);
        Assert.Contains("Value = 42", Outcome.Ok(42, "已添加").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_state_rule_is_a_conflict_and_a_bad_value_is_invalid_with_the_rules_words()
    {
        var closed = Outcome.BrokenRule(DomainRuleException.StateConflict("已办结的任务不能退回"));
        var empty = Outcome.BrokenRule(new DomainRuleException("退回时请填写退回理由，便于承办单位修改"));

        Assert.Equal((OutcomeKind.Conflict, "已办结的任务不能退回"), (closed.Kind, closed.Message));
        Assert.Equal((OutcomeKind.Invalid, "退回时请填写退回理由，便于承办单位修改"), (empty.Kind, empty.Message));
    }
}
