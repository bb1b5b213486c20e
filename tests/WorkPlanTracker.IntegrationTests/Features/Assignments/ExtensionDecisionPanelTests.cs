using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Plans;

namespace WorkPlanTracker.IntegrationTests.Features.Assignments;

/// <summary>The office decides an extension where it can read what was asked: the requested date and the reason.</summary>
public class ExtensionDecisionPanelTests(WorkflowFixture fixture) : IClassFixture<WorkflowFixture>
{
    [Fact]
    public async Task The_decision_panel_shows_the_requested_date_the_current_deadline_and_the_reason()
    {
        await fixture.Get<PlanPublishingService>().PublishAsync(fixture.Office, fixture.PlanId);
        var assignment = await fixture.AssignmentAsync("一.3", fixture.UnitB);
        var asked = await fixture.Get<AssignmentService>().RequestExtensionAsync(
            fixture.UserOf(fixture.UnitB), assignment.Id, assignment.Version, new DateOnly(2035, 11, 30), "等待上级文件下发后统一部署");
        Assert.True(asked.Succeeded, asked.Message);

        var office = await fixture.App.SignedInClientAsync("office", DemoAccounts.Password);
        var html = await office.GetStringAsync($"/assignments/{assignment.Id}");

        var panel = html[html.IndexOf("督办审核", StringComparison.Ordinal)..];
        var request = panel[panel.IndexOf("id=\"pending-extension\"", StringComparison.Ordinal)..];
        Assert.Contains("申请延期至 <strong>2035年11月30日</strong>（现完成时限：2035年9月30日）", request, StringComparison.Ordinal);
        Assert.Contains("延期理由：等待上级文件下发后统一部署", request, StringComparison.Ordinal);
        Assert.True(request.IndexOf("延期理由", StringComparison.Ordinal) < request.IndexOf("id=\"approve-extension\"", StringComparison.Ordinal),
            "the request is read before the buttons that decide it");
    }
}
