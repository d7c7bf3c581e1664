using Laqa.Crystal;

namespace Laqa.Engine.Hosting;

/// <summary>
/// Checks, before anything is written, that a file can be written at a path: an existing file must
/// open for writing, and its nearest existing folder must take a new file (probed with a file
/// deleted on close; SQLite and the campaign lock create files beside the database), so a campaign
/// whose database cannot be written is refused before its folder exists.
/// </summary>
public static class WritableLocation
{
    /// <summary>Throws a <see cref="LaqaInputException"/> naming <paramref name="key"/> and the path when the file cannot be written.</summary>
    public static void Require(string path, string key)
    {
        var full = Path.GetFullPath(path);
        LaqaInputException Refused(string reason) => new($"{key}: cannot write {full}: {reason}");
        if (Directory.Exists(full)) throw Refused("it is a folder");
        try
        {
            if (File.Exists(full))
            {
                using var existing = new FileStream(full, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            }
            var folder = Path.GetDirectoryName(full)!;
            while (!Directory.Exists(folder))
            {
                if (File.Exists(folder)) throw Refused($"{folder} is a file");
                folder = Path.GetDirectoryName(folder)!;
            }
            try
            {
                using var probe = new FileStream(Path.Combine(folder, $".laqa-probe-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.Write,
                    FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The probe's own name would only confuse: say which folder refused.
                throw Refused($"no file can be created in {folder}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Refused(e.Message);
        }
    }
}
