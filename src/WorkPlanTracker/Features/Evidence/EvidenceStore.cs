using Microsoft.Extensions.Options;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Evidence;

/// <summary>
/// Keeps evidence files at <c>{evidence folder}/{assignmentId}/{storedName}</c> (the folder is
/// <c>{Storage:DataDirectory}/evidence</c>, or <c>Storage:EvidenceDirectory</c>, a folder every instance mounts): outside
/// wwwroot, so a file is only ever served through the checked download endpoint, and under a random name, so what a
/// user called the file never reaches the file system.
/// </summary>
public sealed class EvidenceStore(IOptions<StorageOptions> storage)
{
    public string Root => storage.Value.FullEvidenceDirectory;

    public string PathOf(int assignmentId, string storedName)
    {
        if (storedName.Length == 0 || storedName != Path.GetFileName(storedName) || storedName.StartsWith('.'))
        {
            throw new ArgumentException($"not a stored evidence name: {storedName}", nameof(storedName));
        }

        return Path.Combine(Root, assignmentId.ToString(System.Globalization.CultureInfo.InvariantCulture), storedName);
    }

    /// <summary>Starts writing one report's files; whatever is written is removed again unless the batch is committed.</summary>
    public EvidenceBatch BeginBatch(int assignmentId) => new(this, assignmentId);
}

/// <summary>The files of one report being saved: all of them stay, or (disposed without <see cref="Commit"/>) none.</summary>
public sealed class EvidenceBatch(EvidenceStore store, int assignmentId) : IDisposable
{
    private readonly List<string> written = [];
    private bool committed;

    /// <summary>Writes files already accepted by <see cref="EvidenceRules"/>; a disk failure becomes a message for the unit.</summary>
    public List<EvidenceFile> Write(IEnumerable<EvidenceUpload> uploads, DateTime nowUtc)
    {
        var files = new List<EvidenceFile>();
        foreach (var upload in uploads)
        {
            var fileName = EvidenceRules.DisplayName(upload.FileName);
            var storedName = Guid.NewGuid().ToString("N") + Path.GetExtension(fileName).ToLowerInvariant();
            var path = store.PathOf(assignmentId, storedName);
            try
            {
                // Evidence may be confidential: folders 700 and files 600 on Unix.
                PrivateStorage.CreateFolder(store.Root);
                PrivateStorage.CreateFolder(Path.GetDirectoryName(path)!);
                using (var stream = PrivateStorage.CreateFile(path))
                using (var source = upload.OpenRead())
                {
                    written.Add(path);
                    source.CopyTo(stream);
                }
            }
            catch (IOException e)
            {
                throw new DomainRuleException($"「{fileName}」保存失败，请稍后重试。", e);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new DomainRuleException($"「{fileName}」保存失败，请联系管理员检查数据目录的权限。", e);
            }

            files.Add(new EvidenceFile
            {
                FileName = fileName,
                ContentType = EvidenceRules.ContentTypeOf(fileName),
                SizeBytes = upload.SizeBytes,
                StoredName = storedName,
                UploadedAtUtc = nowUtc,
            });
        }

        return files;
    }

    /// <summary>The report is saved: the files stay.</summary>
    public void Commit() => committed = true;

    public void Dispose()
    {
        if (committed)
        {
            return;
        }

        foreach (var path in written)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An orphan file is unreachable (no row points at it); failing here would hide why the report failed.
            }
        }
    }
}
