using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using WorkPlanTracker.Features.Import.Documents;
using WorkPlanTracker.Features.Uploads;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Import;

/// <summary>
/// Receives the plan a user uploads or pastes on the import page and reads it to text: one heavy read per user at a
/// time (<see cref="HeavyUploadGate"/>), and a read that the page abandons or whose content stops arriving ends, so it
/// gives the user's upload slot back instead of holding it.
/// </summary>
public sealed class ImportSourceService(PlanDocumentReader reader, HeavyUploadGate gate)
{
    /// <summary>A file or a paste that has not arrived by then will not: the connection or the page is gone.</summary>
    public static readonly TimeSpan ArrivalLimit = TimeSpan.FromMinutes(2);

    public async Task<Outcome<ImportSource>> ReadUploadAsync(string userName, IBrowserFile file, int? year, CancellationToken pageGone)
    {
        if (file.Size > ImportLimits.MaxFileBytes)
        {
            return Outcome.Invalid($"文件“{file.Name}”有 {file.Size / 1024.0 / 1024.0:0.#} MB，超过 {ImportLimits.MaxFileBytes / 1024 / 1024} MB 的上限：请删去附件、图片后再上传。").As<ImportSource>();
        }

        using var slot = gate.TryEnter(userName);
        if (slot is null)
        {
            return Outcome.Conflict(HeavyUploadGate.BusyMessage).As<ImportSource>();
        }

        try
        {
            using var buffer = new MemoryStream();
            using var arrival = ArrivalWindow(pageGone);
            await using (var upload = file.OpenReadStream(ImportLimits.MaxFileBytes, arrival.Token))
            {
                await upload.CopyToAsync(buffer, arrival.Token);
            }

            buffer.Position = 0;
            // A PDF or a LibreOffice conversion takes seconds: off the circuit's thread so the page stays responsive.
            var document = await Task.Run(() => reader.Read(file.Name, buffer), CancellationToken.None);
            return Outcome.Ok(new ImportSource(file.Name, document, year));
        }
        catch (ImportInputException e)
        {
            return Outcome.Invalid(e.Message).As<ImportSource>();
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            return Outcome.Invalid($"文件“{file.Name}”上传中断，请重新选择文件。").As<ImportSource>();
        }
    }

    /// <summary>Reads the text that <paramref name="fetch"/> asks the browser for (plan-paste.js streams the text box).</summary>
    public async Task<Outcome<ImportSource>> ReadPastedAsync(string userName, Func<Task<IJSStreamReference>> fetch, int? year, CancellationToken pageGone)
    {
        using var slot = gate.TryEnter(userName);
        if (slot is null)
        {
            return Outcome.Conflict(HeavyUploadGate.BusyMessage).As<ImportSource>();
        }

        try
        {
            await using var text = await fetch();
            if (text.Length > ImportLimits.MaxFileBytes)
            {
                return Outcome.Invalid(ImportInputMessages.PastedTooLong(ImportLimits.MaxFileBytes).Message).As<ImportSource>();
            }

            using var arrival = ArrivalWindow(pageGone);
            await using var stream = await text.OpenReadStreamAsync(ImportLimits.MaxFileBytes, arrival.Token);
            using var streamReader = new StreamReader(stream, System.Text.Encoding.UTF8);
            var pasted = await streamReader.ReadToEndAsync(arrival.Token);
            return Outcome.Ok(new ImportSource("粘贴的内容", reader.ReadPastedText(pasted), year));
        }
        catch (ImportInputException e)
        {
            return Outcome.Invalid(e.Message).As<ImportSource>();
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or IOException or OperationCanceledException or InvalidOperationException)
        {
            return Outcome.Invalid("粘贴的内容没有完整传到服务器（网络中断或页面已失效）：请刷新页面后重新粘贴。").As<ImportSource>();
        }
    }

    private static CancellationTokenSource ArrivalWindow(CancellationToken pageGone)
    {
        var arrival = CancellationTokenSource.CreateLinkedTokenSource(pageGone);
        arrival.CancelAfter(ArrivalLimit);
        return arrival;
    }
}
