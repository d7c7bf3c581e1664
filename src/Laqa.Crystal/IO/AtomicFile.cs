namespace Laqa.Crystal.IO;

/// <summary>Writes a whole file or nothing: the content goes to a temporary file beside the target, which is then moved over it.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text) => Write(path, temporary => File.WriteAllText(temporary, text));

    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, temporary => File.WriteAllBytes(temporary, bytes));

    private static void Write(string path, Action<string> write)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            write(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
