using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Options;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Evidence;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Features.Evidence;

public sealed class EvidenceStoreTests : IDisposable
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];
    private static readonly byte[] WindowsProgram = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00];

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "wpt-evidence", Guid.NewGuid().ToString("N"));
    private readonly EvidenceStore store;

    public EvidenceStoreTests()
    {
        store = new EvidenceStore(Options.Create(new StorageOptions { DataDirectory = dataDirectory }));
    }

    public void Dispose()
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static byte[] ZipWith(string partName)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry(partName).Open());
            writer.Write("<xml/>");
        }

        return buffer.ToArray();
    }

    public static TheoryData<string, byte[], string> AcceptedFiles() => new()
    {
        { "解读材料.pdf", Pdf, "application/pdf" },
        { "通知.docx", ZipWith("word/document.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "台账.xlsx", ZipWith("xl/workbook.xml"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "公文.ofd", ZipWith("OFD.xml"), "application/ofd" },
        { "旧通知.doc", CompoundFile, "application/msword" },
        { "旧台账.XLS", CompoundFile, "application/vnd.ms-excel" },
        { "现场照片.jpg", Jpeg, "image/jpeg" },
        { "现场照片.jpeg", Jpeg, "image/jpeg" },
        { "截图.png", Png, "image/png" },
    };

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public void Allowed_types_with_matching_content_are_accepted_and_served_with_the_servers_content_type(string name, byte[] content, string contentType)
    {
        Assert.Null(EvidenceRules.WhyRefused(new EvidenceUpload(name, content)));
        Assert.Equal(contentType, EvidenceRules.ContentTypeOf(name));
    }

    [Fact]
    public void A_program_renamed_to_pdf_is_refused_naming_the_file_and_the_rule()
    {
        var reason = EvidenceRules.WhyRefused(new EvidenceUpload("工作总结.pdf", WindowsProgram));

        Assert.Equal("「工作总结.pdf」的内容不是真正的 PDF 文件（可能改过扩展名或已损坏），请上传原始文件。", reason);
    }

    [Theory]
    [InlineData("通知.docx", "Word")]
    [InlineData("台账.xlsx", "Excel")]
    [InlineData("公文.ofd", "OFD")]
    public void A_zip_that_is_not_the_named_office_format_is_refused(string name, string label)
    {
        var reason = EvidenceRules.WhyRefused(new EvidenceUpload(name, ZipWith("payload.exe")));

        Assert.Contains($"不是真正的 {label} 文件", reason);
    }

    [Fact]
    public void Compound_office_files_and_images_must_carry_their_signature()
    {
        Assert.NotNull(EvidenceRules.WhyRefused(new EvidenceUpload("旧通知.doc", Pdf)));
        Assert.NotNull(EvidenceRules.WhyRefused(new EvidenceUpload("照片.jpg", Png)));
        Assert.NotNull(EvidenceRules.WhyRefused(new EvidenceUpload("截图.png", Jpeg)));
    }

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("page.html")]
    [InlineData("script.js")]
    [InlineData("没有扩展名")]
    public void Other_types_are_refused_listing_what_is_allowed(string name)
    {
        var reason = EvidenceRules.WhyRefused(new EvidenceUpload(name, Pdf));

        Assert.Equal($"「{name}」的文件类型不能上传。可上传 {EvidenceRules.AllowedTypesText}。", reason);
    }

    [Fact]
    public void Archives_are_refused_with_the_advice_to_unpack_them()
    {
        var reason = EvidenceRules.WhyRefused(new EvidenceUpload("材料.zip", ZipWith("a.pdf")));

        Assert.StartsWith("「材料.zip」是压缩包，不能上传。请解压后逐个上传", reason);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Equal("「空.pdf」是空文件，请检查后重新选择。", EvidenceRules.WhyRefused(new EvidenceUpload("空.pdf", [])));
    }

    [Fact]
    public void Twenty_megabytes_is_the_most_one_file_may_have()
    {
        var atLimit = new byte[EvidenceRules.MaxFileBytes];
        Pdf.CopyTo(atLimit, 0);
        var overLimit = new byte[EvidenceRules.MaxFileBytes + 1];
        Pdf.CopyTo(overLimit, 0);

        Assert.Null(EvidenceRules.WhyRefused(new EvidenceUpload("大.pdf", atLimit)));
        Assert.Equal("「大.pdf」有 20 MB，超过了单个文件 20 MB 的上限。", EvidenceRules.WhyRefused(new EvidenceUpload("大.pdf", overLimit)));
        Assert.Equal("「扫描件.pdf」有 25.5 MB，超过了单个文件 20 MB 的上限。", EvidenceRules.WhyTooLarge("扫描件.pdf", (long)(25.5 * 1024 * 1024)));
    }

    [Fact]
    public void Five_files_is_the_most_one_report_may_carry()
    {
        var five = Enumerable.Range(1, 5).Select(i => new EvidenceUpload($"{i}.pdf", Pdf)).ToList();
        var six = Enumerable.Range(1, 6).Select(i => new EvidenceUpload($"{i}.pdf", Pdf)).ToList();

        Assert.Null(EvidenceRules.WhyRefused(five));
        Assert.Equal("每次报送最多上传 5 个佐证材料文件，本次选择了 6 个。", EvidenceRules.WhyRefused(six));
    }

    [Fact]
    public void One_bad_file_refuses_the_whole_set()
    {
        var files = new[] { new EvidenceUpload("好.pdf", Pdf), new EvidenceUpload("坏.pdf", WindowsProgram) };

        Assert.Contains("「坏.pdf」", EvidenceRules.WhyRefused(files));
    }

    [Fact]
    public void File_names_may_have_up_to_two_hundred_characters()
    {
        var longest = new string('长', EvidenceFile.MaxFileNameLength - 4) + ".pdf";
        var tooLong = new string('长', EvidenceFile.MaxFileNameLength - 3) + ".pdf";

        Assert.Null(EvidenceRules.WhyRefused(new EvidenceUpload(longest, Pdf)));
        Assert.Contains("文件名过长，不能超过 200 个字", EvidenceRules.WhyRefused(new EvidenceUpload(tooLong, Pdf)));
    }

    [Theory]
    [InlineData("../../x.pdf", "x.pdf")]
    [InlineData(@"..\..\windows\x.pdf", "x.pdf")]
    [InlineData("/etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\张三\\Desktop\\总结.pdf", "总结.pdf")]
    [InlineData("总\u0000结\n.pdf", "总结.pdf")]
    public void Names_keep_no_folder_part_and_no_control_characters(string sent, string kept)
    {
        Assert.Equal(kept, EvidenceRules.DisplayName(sent));
    }

    [Fact]
    public void A_name_with_path_traversal_is_stored_under_a_random_name_inside_the_assignments_folder()
    {
        List<EvidenceFile> files;
        using (var batch = store.BeginBatch(42))
        {
            files = batch.Write([new EvidenceUpload("../../x.pdf", Pdf)], new DateTime(2035, 3, 1, 2, 0, 0, DateTimeKind.Utc));
            batch.Commit();
        }

        var file = Assert.Single(files);
        Assert.Equal("x.pdf", file.FileName);
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal(Pdf.Length, file.SizeBytes);
        Assert.Matches("^[0-9a-f]{32}\\.pdf$", file.StoredName);
        var path = store.PathOf(42, file.StoredName);
        Assert.Equal(Path.Combine(dataDirectory, "evidence", "42"), Path.GetDirectoryName(Path.GetFullPath(path)));
        Assert.Equal(Pdf, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(dataDirectory, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Files_of_a_batch_that_is_not_committed_are_removed()
    {
        using (var batch = store.BeginBatch(7))
        {
            batch.Write([new EvidenceUpload("a.pdf", Pdf), new EvidenceUpload("b.png", Png)], DateTime.UtcNow);
            Assert.Equal(2, Directory.GetFiles(Path.Combine(store.Root, "7")).Length);
        }

        Assert.Empty(Directory.GetFiles(Path.Combine(store.Root, "7")));
    }

    [Fact]
    public void A_configured_evidence_folder_shared_by_instances_receives_the_files_instead_of_the_data_folder()
    {
        var shared = Path.Combine(dataDirectory, "shared-mount");
        var sharedStore = new EvidenceStore(Options.Create(new StorageOptions { DataDirectory = Path.Combine(dataDirectory, "instance-a"), EvidenceDirectory = shared }));

        using (var batch = sharedStore.BeginBatch(9))
        {
            var file = Assert.Single(batch.Write([new EvidenceUpload("a.pdf", Pdf)], DateTime.UtcNow));
            batch.Commit();
            Assert.Equal(Path.Combine(shared, "9", file.StoredName), sharedStore.PathOf(9, file.StoredName));
        }

        Assert.Single(Directory.GetFiles(Path.Combine(shared, "9")));
        Assert.False(Directory.Exists(Path.Combine(dataDirectory, "instance-a", "evidence")));
    }

    [Theory]
    [InlineData("../x.pdf")]
    [InlineData("sub/x.pdf")]
    [InlineData("..")]
    [InlineData("")]
    public void Only_bare_stored_names_map_to_a_path(string storedName)
    {
        Assert.Throws<ArgumentException>(() => store.PathOf(1, storedName));
    }

    [Theory]
    [InlineData(512, "512 B")]
    [InlineData(10 * 1024, "10 KB")]
    [InlineData(1_258_291, "1.2 MB")]
    [InlineData(20 * 1024 * 1024, "20 MB")]
    public void Sizes_read_the_way_people_say_them(long bytes, string text)
    {
        Assert.Equal(text, EvidenceRules.FormatSize(bytes));
    }
}
