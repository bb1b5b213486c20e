using WorkPlanTracker.Components;

namespace WorkPlanTracker.Tests.Components;

public class PrerenderedTests
{
    private sealed record Row(int Id, string Title, DateOnly? Due);

    [Fact]
    public void A_reading_comes_back_as_it_went_for_its_own_key_only()
    {
        IReadOnlyList<Row> rows = [new(1, "推进政务公开标准化规范化建设", new DateOnly(2026, 6, 30)), new(2, "做好政策解读", null)];

        var carried = Prerendered.Carry(Prerendered.KeyOf(2026, null), rows);

        Assert.NotNull(carried);
        Assert.Equal(rows, carried.For<IReadOnlyList<Row>>(Prerendered.KeyOf(2026, null)));
        Assert.Null(carried.For<IReadOnlyList<Row>>(Prerendered.KeyOf(2025, null)));
    }

    [Fact]
    public void Hundreds_of_rows_of_chinese_text_fit_and_a_reading_beyond_the_cap_is_not_carried()
    {
        // 500 rows is about 110 KB of escaped JSON: more than the circuit's first message may carry uncompressed.
        var many = Enumerable.Range(1, 500).Select(i => new Row(i, $"第{i}项：持续深化政务公开标准化规范化建设，推进基层政务公开", new DateOnly(2026, 6, 30))).ToList();
        var random = new Random(18);
        var noise = Enumerable.Range(1, 4_000).Select(_ => new Row(random.Next(), Convert.ToBase64String(BitConverter.GetBytes(random.NextDouble())), null)).ToList();

        var fits = Prerendered.Carry("", many);

        Assert.NotNull(fits);
        Assert.True(fits.Reading.Length <= Prerendered.MaxBytes);
        Assert.Equal(500, fits.For<List<Row>>("")!.Count);
        Assert.Null(Prerendered.Carry("", noise));
    }
}
