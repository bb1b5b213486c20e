using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Reminders;

/// <summary>The office's reminder rules: read by everyone who plans, changed only by the planning office.</summary>
public sealed class ReminderSettingsService(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The stored settings, or the defaults when the office never saved any.</summary>
    public static async Task<ReminderSettings> LoadAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        await db.ReminderSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == ReminderSettings.SingletonId, cancellationToken)
        ?? new ReminderSettings();

    public async Task<ReminderSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LoadAsync(db, cancellationToken);
    }

    public async Task<Outcome> SaveAsync(Actor actor, ReminderSettings changed, CancellationToken cancellationToken = default)
    {
        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted;
        }

        if (changed.ValidationError() is { } error)
        {
            return Outcome.Invalid(error);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.ReminderSettings.SingleOrDefaultAsync(s => s.Id == ReminderSettings.SingletonId, cancellationToken);
        if (row is null)
        {
            row = new ReminderSettings();
            db.ReminderSettings.Add(row);
        }

        row.LadderDays = string.Join(",", ReminderSettings.ParseLadder(changed.LadderDays)!);
        row.RemindOnDueDay = changed.RemindOnDueDay;
        row.OverdueRepeatDays = changed.OverdueRepeatDays;
        row.EscalateAfterDays = changed.EscalateAfterDays;
        row.ReportRemindDaysBefore = changed.ReportRemindDaysBefore;
        row.ReportChaseAfterDays = changed.ReportChaseAfterDays;
        row.UnacknowledgedAfterDays = changed.UnacknowledgedAfterDays;
        row.SkipHolidays = changed.SkipHolidays;
        row.CountWorkingDays = changed.CountWorkingDays;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok("催办规则已保存，自下一次提醒起生效。");
    }
}
