using WorkPlanTracker.Features.Import;
using WorkPlanTracker.Features.Import.Documents;

namespace WorkPlanTracker.Tests.Features.Import;

public sealed class ImportEvaluationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("import-eval-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Counts_tasks_units_and_deadlines_against_the_key()
    {
        Write("plans/a.txt", "2024年工作要点\n一、加强公开。做好政策解读。（省工信厅、财政厅负责，2024年6月底前）\n二、优化服务。推进一网通办。（省数据局负责）\n");
        Write("keys/a.json", """
            {"tasks": [
              {"number": "一", "text_start": "加强公开。做好政策解读", "lead_units": ["省工信厅", "财政厅"], "supporting_units": [], "deadline": "2024-06-30", "ongoing": false},
              {"number": "二", "text_start": "优化服务", "lead_units": ["省数据局"], "supporting_units": ["省政务办"], "deadline": "2024-12-31", "ongoing": false},
              {"number": "三", "text_start": "强化保障", "lead_units": ["省委办"], "supporting_units": [], "deadline": null, "ongoing": false}
            ]}
            """);

        var accuracy = new ImportEvaluation(new PlanDocumentReader(), new PlanTextParser()).Evaluate(_directory);

        var document = Assert.Single(accuracy.Documents);
        Assert.Equal((3, 2, 0), (document.KeyTasks, document.TasksFound, document.ExtraTasks));
        // 财政厅 as the key writes it matches the parser's 省财政厅; 省政务办 and 省委办 are missed.
        Assert.Equal((3, 0, 2), (document.Units.Found, document.Units.Wrong, document.Units.Missed));
        Assert.Equal(1, document.DeadlinesRight);
        Assert.Contains("| a | 3 | 2", accuracy.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_without_plans_and_keys_is_refused_in_chinese()
    {
        var error = Assert.Throws<ImportInputException>(() => new ImportEvaluation(new PlanDocumentReader(), new PlanTextParser()).Evaluate(_directory));
        Assert.Contains("plans/", error.Message, StringComparison.Ordinal);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_directory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
