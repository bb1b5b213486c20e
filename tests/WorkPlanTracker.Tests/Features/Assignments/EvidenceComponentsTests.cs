using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Assignments;

namespace WorkPlanTracker.Tests.Features.Assignments;

public class EvidenceComponentsTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n");

    [Fact]
    public async Task The_picker_states_the_limits_keeps_good_files_and_names_the_refused_ones()
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
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
    }

    [Fact]
    public async Task The_picker_refuses_more_files_than_one_report_may_carry_without_reading_them()
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
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
