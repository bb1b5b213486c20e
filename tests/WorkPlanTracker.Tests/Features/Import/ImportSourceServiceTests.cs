using System.Text;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using WorkPlanTracker.Features.Import;
using WorkPlanTracker.Features.Import.Documents;
using WorkPlanTracker.Features.Uploads;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Features.Import;

public class ImportSourceServiceTests
{
    private readonly HeavyUploadGate gate = new(TimeProvider.System);

    private ImportSourceService NewService() => new(new PlanDocumentReader(), gate);

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_its_size_without_being_read()
    {
        var file = new UploadedFile("大文件.docx", [], ImportLimits.MaxFileBytes + 1);

        var read = await NewService().ReadUploadAsync("office", file, null, CancellationToken.None);

        Assert.Equal(OutcomeKind.Invalid, read.Kind);
        Assert.Contains("超过 10 MB 的上限", read.Message, StringComparison.Ordinal);
        Assert.False(file.Opened);
    }

    [Fact]
    public async Task A_text_file_is_read_with_the_year_the_user_gave()
    {
        var file = new UploadedFile("计划.txt", Encoding.UTF8.GetBytes("某县工作要点\n1.加强政策解读。（县政府办公室牵头）\n"));

        var read = await NewService().ReadUploadAsync("office", file, 2031, CancellationToken.None);

        Assert.True(read.Succeeded, read.Message);
        Assert.Equal(("计划.txt", 2031), (read.Value.Name, read.Value.Year));
        Assert.Contains("加强政策解读", read.Value.Document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_broken_off_by_the_connection_says_so_and_gives_the_slot_back()
    {
        var file = new UploadedFile("计划.txt", [], breaks: true);

        var read = await NewService().ReadUploadAsync("office", file, null, CancellationToken.None);

        Assert.Equal("文件“计划.txt”上传中断，请重新选择文件。", read.Message);
        using var next = gate.TryEnter("office");
        Assert.NotNull(next);
    }

    [Fact]
    public async Task A_second_read_of_the_same_user_is_refused_while_the_first_runs_and_another_user_is_not_held_up()
    {
        using var running = gate.TryEnter("office");
        var file = new UploadedFile("计划.txt", Encoding.UTF8.GetBytes("1.加强政策解读。\n"));

        var mine = await NewService().ReadUploadAsync("office", file, null, CancellationToken.None);
        var pasted = await NewService().ReadPastedAsync("office", () => throw new InvalidOperationException("not asked"), null, CancellationToken.None);
        var theirs = await NewService().ReadUploadAsync("unit", file, null, CancellationToken.None);

        Assert.Equal((OutcomeKind.Conflict, HeavyUploadGate.BusyMessage), (mine.Kind, mine.Message));
        Assert.Equal((OutcomeKind.Conflict, HeavyUploadGate.BusyMessage), (pasted.Kind, pasted.Message));
        Assert.True(theirs.Succeeded, theirs.Message);
    }

    [Fact]
    public async Task A_paste_the_browser_could_not_hand_over_asks_for_a_refresh_and_gives_the_slot_back()
    {
        var read = await NewService().ReadPastedAsync("office", () => throw new JSDisconnectedException("gone"), null, CancellationToken.None);

        Assert.Equal(OutcomeKind.Invalid, read.Kind);
        Assert.StartsWith("粘贴的内容没有完整传到服务器", read.Message, StringComparison.Ordinal);
        using var next = gate.TryEnter("office");
        Assert.NotNull(next);
    }

    private sealed class UploadedFile(string name, byte[] content, long? size = null, bool breaks = false) : IBrowserFile
    {
        public bool Opened { get; private set; }

        public string Name => name;

        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

        public long Size => size ?? content.Length;

        public string ContentType => "application/octet-stream";

        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default)
        {
            Opened = true;
            return breaks ? new BrokenStream() : new MemoryStream(content);
        }
    }

    private sealed class BrokenStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new IOException("connection reset");
    }
}
