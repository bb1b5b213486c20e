namespace WorkPlanTracker.Data;

/// <summary>
/// Sets <c>TaskAssignment.ReturnCount</c> for returns made before it was stored: they are in the audit trail only.
/// Every 退回 set ReturnedAtUtc (to a new time, so each one is a change of its own), and nothing else sets it. Run by the
/// migration that added the column.
/// </summary>
public static class ReturnCountBackfill
{
    public const string Sql = """
        UPDATE "Assignments" SET "ReturnCount" = (
            SELECT COUNT(*) FROM "AuditEntries" AS e
            WHERE e."EntityType" = 'TaskAssignment' AND e."EntityId" = CAST("Assignments"."Id" AS TEXT)
                AND e."Action" = 1 AND e."After" LIKE '%"ReturnedAtUtc":"%');
        """;
}
