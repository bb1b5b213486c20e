namespace WorkPlanTracker.Domain;

/// <summary>
/// The text a plan was imported from, kept so a re-import can be compared and the source shown. Apart from
/// <see cref="WorkPlan"/> because it is as long as the whole document: every task, assignment and ledger query
/// that names its plan would otherwise read the document once per row.
/// </summary>
public class PlanSource
{
    public int PlanId { get; set; }
    public string Text { get; set; } = "";
}
