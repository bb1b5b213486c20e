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
    // The goal is 97 % / 90 % / 95 % over the whole corpus. The nine shared plans reach it (99.6 / 97.8 / 98.1);
    // the eighteen plans added after the parser was written (10–27) do not yet, so the suite holds the whole
    // corpus at what it reaches now (95.4 / 92.6 / 92.9 on 2026-12-02) and fails on any fall from there. Raise
    // these to the goal as the parser catches up; never lower them.
    private const double MinimumTaskRecall = 0.95;
    private const double MinimumUnitsF1 = 0.92;
    private const double MinimumDeadlineAccuracy = 0.92;

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
