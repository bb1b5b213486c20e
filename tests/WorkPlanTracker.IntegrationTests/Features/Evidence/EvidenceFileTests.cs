using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Evidence;
using WorkPlanTracker.Features.Plans;
using WorkPlanTracker.IntegrationTests.Features.Assignments;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Features.Evidence;

/// <summary>Evidence files from the report form to disk to a download, and every way they must not leak or linger.</summary>
public class EvidenceFileTests : IClassFixture<WorkflowFixture>, IAsyncLifetime
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n");
    private static readonly byte[] WindowsProgram = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

    private readonly WorkflowFixture fixture;
    private readonly AssignmentService service;

    public EvidenceFileTests(WorkflowFixture fixture)
    {
        this.fixture = fixture;
        service = fixture.Get<AssignmentService>();
    }

    public async Task InitializeAsync()
    {
        await fixture.Get<PlanPublishingService>().PublishAsync(fixture.Office, fixture.PlanId);
        await EnsureUserAsync("evidence-a", fixture.UnitA);
        await EnsureUserAsync("evidence-b", fixture.UnitB);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task EnsureUserAsync(string userName, int unitId)
    {
        await using var db = fixture.App.NewDbContext();
        if (await db.Users.AnyAsync(u => u.UserName == userName))
        {
            return;
        }

        var created = await fixture.Get<UserAdminService>().CreateAsync(new NewUser
        {
            UserName = userName, DisplayName = userName, Role = AppRoles.UnitUser, Password = DemoAccounts.Password, UnitIds = [unitId],
        });
        Assert.True(created.Succeeded, created.Message);
    }

    private string EvidenceFolder(int assignmentId) => Path.Combine(fixture.App.DataDirectory, "evidence", assignmentId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task<int> ReportCountAsync(int assignmentId)
    {
        await using var db = fixture.App.NewDbContext();
        return await db.ProgressReports.CountAsync(r => r.AssignmentId == assignmentId);
    }

    private async Task<EvidenceFile> ReportWithPdfAsync()
    {
        var unit = fixture.UserOf(fixture.UnitA);
        var assignment = await fixture.AssignmentAsync("一.1", fixture.UnitA);
        var input = new ReportInput { Progress = "已发布解读材料", Files = [new EvidenceUpload("2035年政策解读（定稿）.pdf", Pdf)] };

        var result = await service.SubmitReportAsync(unit, assignment.Id, assignment.Version, input);

        Assert.True(result.Succeeded, result.Message);
        var saved = (await service.GetAsync(unit, assignment.Id)).Value;
        return Assert.Single(saved.Reports.OrderByDescending(r => r.Id).First().Files);
    }

    [Fact]
    public async Task A_reported_pdf_is_kept_in_the_data_folder_outside_wwwroot()
    {
        var file = await ReportWithPdfAsync();
        var assignment = await fixture.AssignmentAsync("一.1", fixture.UnitA);

        Assert.Equal("2035年政策解读（定稿）.pdf", file.FileName);
        Assert.Equal(Pdf.Length, file.SizeBytes);
        Assert.Contains("上传佐证材料：2035年政策解读（定稿）.pdf", (await service.HistoryAsync(fixture.Leader, assignment.Id)).Select(h => h.What));
        var onDisk = Path.Combine(EvidenceFolder(assignment.Id), file.StoredName);
        Assert.Equal(Pdf, await File.ReadAllBytesAsync(onDisk));
        var environment = fixture.App.Services.GetRequiredService<IWebHostEnvironment>();
        var webRoot = Path.GetFullPath(environment.WebRootPath ?? Path.Combine(environment.ContentRootPath, "wwwroot"));
        Assert.False(Path.GetFullPath(onDisk).StartsWith(webRoot, StringComparison.OrdinalIgnoreCase));

        // Nothing but the checked endpoint serves it: not as a static file under any guessable path.
        var office = await fixture.App.SignedInClientAsync("office", DemoAccounts.Password);
        foreach (var guess in new[] { $"/{file.StoredName}", $"/evidence/{assignment.Id}/{file.StoredName}" })
        {
            Assert.NotEqual(HttpStatusCode.OK, (await office.GetAsync(guess)).StatusCode);
        }
    }

    [Fact]
    public async Task Evidence_files_and_their_folders_are_readable_by_the_apps_account_only()
    {
        var file = await ReportWithPdfAsync();
        var assignment = await fixture.AssignmentAsync("一.1", fixture.UnitA);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Assert.Equal(WorkPlanTracker.Shared.PrivateStorage.FileMode, File.GetUnixFileMode(Path.Combine(EvidenceFolder(assignment.Id), file.StoredName)));
        Assert.Equal(WorkPlanTracker.Shared.PrivateStorage.FolderMode, File.GetUnixFileMode(EvidenceFolder(assignment.Id)));
        Assert.Equal(WorkPlanTracker.Shared.PrivateStorage.FolderMode, File.GetUnixFileMode(Path.Combine(fixture.App.DataDirectory, "evidence")));
    }

    [Theory]
    [InlineData("evidence-a")]
    [InlineData("office")]
    [InlineData("leader")]
    public async Task The_reporting_unit_the_office_and_leaders_download_it(string userName)
    {
        var file = await ReportWithPdfAsync();
        var client = await fixture.App.SignedInClientAsync(userName, DemoAccounts.Password);

        var response = await client.GetAsync($"/evidence/{file.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("2035年政策解读（定稿）.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Another_units_user_gets_not_found_as_for_a_file_that_does_not_exist()
    {
        var file = await ReportWithPdfAsync();
        var client = await fixture.App.SignedInClientAsync("evidence-b", DemoAccounts.Password);

        var someoneElses = await client.GetAsync($"/evidence/{file.Id}");
        var missing = await client.GetAsync("/evidence/999999");

        Assert.Equal(HttpStatusCode.NotFound, someoneElses.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.DoesNotContain("%PDF", await someoneElses.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var file = await ReportWithPdfAsync();
        var client = fixture.App.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/evidence/{file.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_program_renamed_to_pdf_is_refused_and_nothing_is_saved()
    {
        var unit = fixture.UserOf(fixture.UnitB);
        var assignment = await fixture.AssignmentAsync("一.3", fixture.UnitB);
        var input = new ReportInput
        {
            Progress = "已完成",
            Files = [new EvidenceUpload("佐证.pdf", Pdf), new EvidenceUpload("工作总结.pdf", WindowsProgram)],
        };

        var result = await service.SubmitReportAsync(unit, assignment.Id, assignment.Version, input);

        Assert.False(result.Succeeded);
        Assert.Contains("「工作总结.pdf」的内容不是真正的 PDF 文件", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, await ReportCountAsync(assignment.Id));
        Assert.False(Directory.Exists(EvidenceFolder(assignment.Id)) && Directory.EnumerateFiles(EvidenceFolder(assignment.Id)).Any());
    }

    [Fact]
    public async Task Files_written_for_a_report_that_is_then_not_saved_are_removed()
    {
        var unit = fixture.UserOf(fixture.UnitB);
        var assignment = await fixture.AssignmentAsync("一.3", fixture.UnitB);
        var files = new List<EvidenceUpload> { new("佐证.pdf", Pdf) };

        var stale = await service.SubmitReportAsync(unit, assignment.Id, Guid.NewGuid(), new ReportInput { Progress = "进展", Files = files });
        var invalid = await service.SubmitReportAsync(unit, assignment.Id, assignment.Version, new ReportInput { Progress = " ", Files = files });

        Assert.Equal(Refusals.ChangedMeanwhile, stale);
        Assert.Equal("请填写进展情况", invalid.Message);
        Assert.Equal(0, await ReportCountAsync(assignment.Id));
        Assert.False(Directory.Exists(EvidenceFolder(assignment.Id)) && Directory.EnumerateFiles(EvidenceFolder(assignment.Id)).Any());
    }

    [Fact]
    public async Task Only_the_assignments_own_unit_may_attach_files()
    {
        var assignment = await fixture.AssignmentAsync("一.1", fixture.UnitA);
        var input = new ReportInput { Progress = "代报", Files = [new EvidenceUpload("代报.pdf", Pdf)] };

        Assert.Equal(Refusals.TaskNotFound, await service.SubmitReportAsync(fixture.UserOf(fixture.UnitB), assignment.Id, assignment.Version, input));
        Assert.Equal(Refusals.NotPermitted, await service.SubmitReportAsync(fixture.Office, assignment.Id, assignment.Version, input));
        await using var db = fixture.App.NewDbContext();
        Assert.False(await db.EvidenceFiles.AnyAsync(f => f.FileName == "代报.pdf"));
    }
}
