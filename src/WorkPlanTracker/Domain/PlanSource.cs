namespace WorkPlanTracker.Domain;

/// <summary>
/// The text a plan was imported from and the importer's reading of it, kept so a re-import can be compared and the
/// source shown. Apart from <see cref="WorkPlan"/> because both are as long as the whole document: every task,
/// assignment and ledger query that names its plan would otherwise read the document once per row.
/// </summary>
public class PlanSource
{
    public int PlanId { get; set; }
    public string Text { get; set; } = "";

    /// <summary>
    /// The importer's reading of the document as imported, before the office's review, with the items the office
    /// removed or turned into headings (JSON). A re-import compares the new reading with this one, so that only what
    /// the document changed is proposed and the office's corrections stay. Null for plans imported before it existed.
    /// </summary>
    public string? ImportSnapshot { get; set; }
}
