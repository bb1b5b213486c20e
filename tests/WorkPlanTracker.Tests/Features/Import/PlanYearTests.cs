using WorkPlanTracker.Features.Import;
using WorkPlanTracker.Features.Import.Documents;

namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>A plan whose text names no year belongs to the year it is in China when it is imported.</summary>
public class PlanYearTests(SeededDatabase db) : IClassFixture<SeededDatabase>
{
    private const string Undated = """
        年份未写明市政务公开工作要点
        一、工作任务
        1.加强政策解读。(市政府办公室牵头,6月底前)
        """;

    [Fact]
    public async Task Late_on_31_December_on_a_UTC_server_an_undated_plan_is_already_next_years()
    {
        // 17:00 UTC on 31 December 2024 is 01:00 on 1 January 2025 in China; the server itself runs in UTC.
        db.Clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        db.Clock.SetUtcNow(new DateTimeOffset(2024, 12, 31, 17, 0, 0, TimeSpan.Zero));
        var importer = db.Get<PlanImportService>();
        var parsed = importer.Parse(new PlanDocument { Text = Undated }, "undated.txt");
        parsed.Year = null;

        var saved = await importer.SaveAsync(parsed, "undated.txt", Undated);
        var previous = await importer.FindPreviousVersionAsync(parsed);

        Assert.Equal(2025, saved.Year);
        Assert.Equal(saved.Id, previous?.Id);
    }
}
