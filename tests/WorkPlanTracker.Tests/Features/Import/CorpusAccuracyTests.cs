using System.Globalization;
using WorkPlanTracker.Features.Import;
using WorkPlanTracker.Features.Import.Documents;
using Xunit.Abstractions;

namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>
/// The importer measured on real published plans it was not written for (Corpus/README.md): every plan in
/// Corpus/plans against its key in Corpus/keys, whatever files the folder holds.
/// </summary>
public sealed class CorpusAccuracyTests(ITestOutputHelper output)
{
    // The goal is 97 % / 90 % / 95 % over the whole corpus; the corpus reaches it (99.7 / 97.0 / 98.2 on 2026-12-03 over
    // plans 01-35, after attached tables, "---" bullets, attachment lists, 处室 labels, prose roles, <div>-paragraph pages,
    // heading sentences, repeated items, more deadline shapes and the subjects of sentences (各县（区）人民政府要…, in
    // plans that state roles nowhere else) were read; 97.2 once 由…牵头 lists of any length were; 100 / 98.2 / 98.5 with lists inside a sentence, 试点单位 and lists
    // announced as the work of a duty list's units; 98.8 units once a requirement's own subject glued to a
    // flattened table's unit cells was told from them; 99.5 deadlines with 月份前, 力争到X年, X年前, a sentence opening with
    // the year's work, baselines and conditions; 100 / 99.3 / 99.5
    // after notes mid-line, 配合X, 会同 in table cells and offices in brackets). The suite holds the corpus at what it reaches and fails on any
    // fall from there; never lower these below what the corpus reaches, nor below the goal.
    private const double MinimumTaskRecall = 0.995;
    private const double MinimumUnitsF1 = 0.99;
    private const double MinimumDeadlineAccuracy = 0.99;

    private static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Features", "Import", "Corpus");

    [Fact]
    public void Corpus_accuracy_stays_above_the_thresholds()
    {
        var accuracy = new ImportEvaluation(new PlanDocumentReader(), new PlanTextParser()).Evaluate(CorpusDirectory);
        output.WriteLine(accuracy.ToMarkdown());

        Assert.True(accuracy.Documents.Count >= 9, $"the corpus should hold at least the nine seed plans, found {accuracy.Documents.Count}");
        Assert.True(accuracy.TaskRecall >= MinimumTaskRecall, Describe("tasks found", accuracy.TaskRecall, MinimumTaskRecall));
        Assert.True(accuracy.UnitsF1 >= MinimumUnitsF1, Describe("units F1", accuracy.UnitsF1, MinimumUnitsF1));
        Assert.True(accuracy.DeadlineAccuracy >= MinimumDeadlineAccuracy, Describe("deadlines right", accuracy.DeadlineAccuracy, MinimumDeadlineAccuracy));
    }

    private static string Describe(string measure, double value, double minimum) =>
        string.Create(CultureInfo.InvariantCulture, $"{measure} {value:P1} is below {minimum:P0}");
}
