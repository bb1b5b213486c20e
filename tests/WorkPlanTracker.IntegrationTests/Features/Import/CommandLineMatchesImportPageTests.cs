using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WorkPlanTracker.Features.Import;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Features.Import;

/// <summary>The CLI's <c>import --dry-run --json</c> and the import page's review must show the same plan.</summary>
[Collection(SharedAppCollection.Name)]
public class CommandLineMatchesImportPageTests(AppFactory app)
{
    [Theory]
    [InlineData("000_69902300cdde23ce.txt")]
    [InlineData("001_93ad0590acba159a.txt")]
    [InlineData("002_e51a37d3a59f4f4a.txt")]
    [InlineData("003_7f1b9296cb68fe7b.txt")]
    public async Task The_cli_and_the_review_step_read_a_sample_plan_identically(string sample)
    {
        var path = CommandLineRunner.SeedPath(sample);
        var cli = await CommandLineRunner.RunAsync("import", path, "--dry-run", "--json", "--data-dir", Path.Combine(app.DataDirectory, "cli"));
        Assert.True(cli.ExitCode == 0, cli.StandardError);

        await using var scope = app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<PlanImportService>();
        await using var stream = File.OpenRead(path);
        var review = await importer.ReviewAsync(importer.Read(sample, stream), sample);

        var fromPage = JsonSerializer.Serialize(review.Plan, CommandLineJson.Options);
        Assert.Equal(Normalize(fromPage), Normalize(cli.StandardOutput));
        Assert.NotEmpty(review.Plan.Tasks);
    }

    private static string Normalize(string json) => JsonDocument.Parse(json).RootElement.GetRawText();
}
