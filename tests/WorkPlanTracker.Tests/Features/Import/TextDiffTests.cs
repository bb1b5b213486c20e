using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Tests.Features.Import;

public sealed class TextDiffTests
{
    [Fact]
    public void A_changed_chinese_text_shows_only_the_changed_characters()
    {
        var segments = TextDiff.Segments("加强政策解读，6月底前完成。", "加强政策解读和回应，9月底前完成。");

        Assert.Equal(
            [
                new DiffSegment(DiffKind.Same, "加强政策解读"),
                new DiffSegment(DiffKind.Added, "和回应"),
                new DiffSegment(DiffKind.Same, "，"),
                new DiffSegment(DiffKind.Removed, "6"),
                new DiffSegment(DiffKind.Added, "9"),
                new DiffSegment(DiffKind.Same, "月底前完成。"),
            ],
            segments);
    }

    [Fact]
    public void Equal_texts_are_one_unchanged_segment() =>
        Assert.Equal([new DiffSegment(DiffKind.Same, "做好依申请公开")], TextDiff.Segments("做好依申请公开", "做好依申请公开"));
}
