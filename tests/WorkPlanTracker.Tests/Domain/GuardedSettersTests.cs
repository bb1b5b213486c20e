using System.Reflection;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Tests.Domain;

/// <summary>Values a rule guards can only change through the entity's methods: no code outside may set them.</summary>
public class GuardedSettersTests
{
    public static TheoryData<Type, string> Guarded => new()
    {
        { typeof(TaskAssignment), nameof(TaskAssignment.Status) },
        { typeof(TaskAssignment), nameof(TaskAssignment.Version) },
        { typeof(TaskAssignment), nameof(TaskAssignment.AssignedAtUtc) },
        { typeof(TaskAssignment), nameof(TaskAssignment.DueDate) },
        { typeof(TaskAssignment), nameof(TaskAssignment.OriginalDueDate) },
        { typeof(TaskAssignment), nameof(TaskAssignment.ClosedAtUtc) },
        { typeof(WorkPlan), nameof(WorkPlan.Status) },
        { typeof(WorkPlan), nameof(WorkPlan.Version) },
        { typeof(WorkTask), nameof(WorkTask.Deadline) },
        { typeof(WorkTask), nameof(WorkTask.DeadlineText) },
        { typeof(WorkTask), nameof(WorkTask.Ongoing) },
        { typeof(WorkTask), nameof(WorkTask.Version) },
        { typeof(WorkTask), nameof(WorkTask.YearEndOutcome) },
        { typeof(WorkTask), nameof(WorkTask.YearEndNote) },
        { typeof(ExtensionRequest), nameof(ExtensionRequest.Status) },
        { typeof(ExtensionRequest), nameof(ExtensionRequest.RequestedDate) },
        { typeof(ExtensionRequest), nameof(ExtensionRequest.ApprovedDate) },
        { typeof(ExtensionRequest), nameof(ExtensionRequest.DecidedAtUtc) },
        { typeof(ExtensionRequest), nameof(ExtensionRequest.DueDateBefore) },
        { typeof(ProgressReport), nameof(ProgressReport.ReturnReason) },
        { typeof(ProgressReport), nameof(ProgressReport.ReturnedAtUtc) },
        { typeof(EscalationNotice), nameof(EscalationNotice.RespondedAtUtc) },
        { typeof(ReminderDelivery), nameof(ReminderDelivery.Status) },
    };

    [Theory]
    [MemberData(nameof(Guarded))]
    public void A_guarded_value_has_no_public_setter(Type entity, string property)
    {
        var info = entity.GetProperty(property, BindingFlags.Public | BindingFlags.Instance);

        Assert.NotNull(info);
        Assert.NotNull(info.GetMethod);
        Assert.Null(info.GetSetMethod(nonPublic: false));
    }

    [Fact]
    public void The_version_interface_offers_no_setter()
    {
        Assert.Null(typeof(IVersioned).GetProperty(nameof(IVersioned.Version))!.SetMethod);
    }
}
