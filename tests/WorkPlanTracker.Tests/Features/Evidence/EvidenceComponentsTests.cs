using Microsoft.AspNetCore.Components;
using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Evidence;
using WorkPlanTracker.Features.Uploads;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Features.Evidence;

public sealed class EvidenceComponentsTests : IDisposable
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n");

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "wpt-picker", Guid.NewGuid().ToString("N"));

    private string ScratchRoot => Path.Combine(dataDirectory, "uploads-tmp");

    public void Dispose()
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddSingleton(TimeProvider.System);
        ctx.Services.AddSingleton(Options.Create(new StorageOptions { DataDirectory = dataDirectory }));
        ctx.Services.AddScoped<UploadScratchSpace>();
        ctx.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return ctx;
    }

    [Fact]
    public async Task Several_files_chosen_at_once_are_each_checked_and_listed_and_wait_on_disk_not_in_memory()
    {
        await using var ctx = NewContext();
        var files = new List<EvidenceUpload>();
        var picker = ctx.Render<EvidenceFilePicker>(p => p.Add(x => x.Files, files));

        picker.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(Pdf, "一.pdf"),
            InputFileContent.CreateFromBinary(Pdf, "二.pdf"),
            InputFileContent.CreateFromBinary(Pdf, "三.pdf"));

        picker.WaitForAssertion(() => Assert.Equal(3, files.Count));
        Assert.Equal(["一.pdf", "二.pdf", "三.pdf"], picker.FindAll(".evidence-chosen li").Select(li => li.TextContent.Split('（')[0].Trim()));
        Assert.All(files, f =>
        {
            Assert.StartsWith(ScratchRoot, f.TemporaryPath, StringComparison.Ordinal);
            Assert.Equal(Pdf, File.ReadAllBytes(f.TemporaryPath!));
        });

        var removed = files[1].TemporaryPath!;
        picker.FindAll(".evidence-chosen button")[1].Click();
        Assert.False(File.Exists(removed));
        Assert.Equal(2, files.Count);

        var kept = files.Select(f => f.TemporaryPath!).ToList();
        picker.Instance.Dispose();
        Assert.All(kept, path => Assert.False(File.Exists(path)));
    }

    [Fact]
    public async Task The_circuits_scratch_folder_is_deleted_when_the_circuit_ends()
    {
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(Options.Create(new StorageOptions { DataDirectory = dataDirectory }))
            .AddScoped<UploadScratchSpace>()
            .BuildServiceProvider();
        string path;
        await using (var circuit = services.CreateAsyncScope())
        {
            await using (circuit.ServiceProvider.GetRequiredService<UploadScratchSpace>().CreateFile(out path))
            {
            }

            Assert.True(File.Exists(path));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }

        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
        await services.DisposeAsync();
    }

    [Fact]
    public async Task The_picker_states_the_limits_keeps_good_files_and_names_the_refused_ones()
    {
        await using var ctx = NewContext();
        var files = new List<EvidenceUpload>();
        var picker = ctx.Render<EvidenceFilePicker>(p => p.Add(x => x.Files, files));

        Assert.Contains("单个文件不超过 20 MB，每次最多 5 个", picker.Markup);
        picker.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(Pdf, "进展材料.pdf"),
            InputFileContent.CreateFromBinary([0x4D, 0x5A, 0x90, 0x00], "改名程序.pdf"));

        picker.WaitForAssertion(() => Assert.Contains("「改名程序.pdf」的内容不是真正的 PDF 文件", picker.Markup));
        var kept = Assert.Single(files);
        Assert.Equal("进展材料.pdf", kept.FileName);
        Assert.Contains("进展材料.pdf", picker.Find(".evidence-chosen").TextContent);
        Assert.Equal([kept.TemporaryPath!], Directory.GetFiles(ScratchRoot, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task The_picker_refuses_more_files_than_one_report_may_carry_without_reading_them()
    {
        await using var ctx = NewContext();
        var files = new List<EvidenceUpload>();
        var picker = ctx.Render<EvidenceFilePicker>(p => p.Add(x => x.Files, files));

        picker.FindComponent<InputFile>().UploadFiles(Enumerable.Range(1, 6).Select(i => InputFileContent.CreateFromBinary(Pdf, $"{i}.pdf")).ToArray());

        picker.WaitForAssertion(() => Assert.Contains("每次报送最多上传 5 个佐证材料文件", picker.Markup));
        Assert.Empty(files);
    }

    [Fact]
    public async Task The_list_links_each_file_to_the_checked_download_with_its_size()
    {
        await using var ctx = new BunitContext();
        IReadOnlyList<EvidenceFile> files =
        [
            new() { Id = 12, FileName = "解读<材料>.pdf", SizeBytes = 1_258_291 },
            new() { Id = 3, FileName = "照片.jpg", SizeBytes = 2048 },
        ];

        var list = ctx.Render<EvidenceFileList>(p => p.Add(x => x.Files, files));

        var links = list.FindAll("a");
        Assert.Equal(["evidence/3", "evidence/12"], links.Select(a => a.GetAttribute("href")));
        Assert.All(links, a => Assert.True(a.HasAttribute("download")));
        Assert.Equal("解读<材料>.pdf", links[1].TextContent);
        Assert.Contains("1.2 MB", list.Markup);
        Assert.Contains("2 KB", list.Markup);
    }
}
