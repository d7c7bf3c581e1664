namespace Laqa.Calculators.External;

/// <summary>
/// The work folders of external batches: <c>root/&lt;candidate&gt;/&lt;batch&gt;-&lt;attempt&gt;/</c>, a fresh one
/// per attempt (the first number not yet used), removed after the batch as <see cref="KeepFiles"/> says.
/// </summary>
public sealed class WorkFolders(string root, KeepFiles keep)
{
    public string Root { get; } = Path.GetFullPath(root);

    public KeepFiles Keep { get; } = keep;

    /// <summary>Creates the folder of the next attempt of this batch and returns its full path.</summary>
    public string Create(string candidate, int batch)
    {
        var parent = Path.Combine(Root, candidate);
        Directory.CreateDirectory(parent);
        for (var attempt = 1; ; attempt++)
        {
            var folder = Path.Combine(parent, $"{batch}-{attempt}");
            if (Directory.Exists(folder)) continue;
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>Removes the folder unless the policy keeps it.</summary>
    public void Finish(string folder, bool failed)
    {
        if (Keep == KeepFiles.All || (Keep == KeepFiles.Failed && failed)) return;
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
    }
}
