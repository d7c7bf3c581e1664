using Laqa.Crystal;

namespace Laqa.Engine.Hosting;

/// <summary>
/// One process runs a campaign folder at a time: while it runs it holds an exclusive lock on the
/// file next to the journal (database + ".lock"), which the operating system releases when the
/// process ends, however it ends. Readers test the lock to tell a running campaign from a stopped one.
/// </summary>
public sealed class CampaignLock : IDisposable
{
    private readonly FileStream _file;

    private CampaignLock(FileStream file) => _file = file;

    public static string PathOf(string database) => database + ".lock";

    /// <summary>Takes the lock, or refuses with a <see cref="LaqaInputException"/> when another process holds it.</summary>
    public static CampaignLock Acquire(string database)
    {
        var path = PathOf(Path.GetFullPath(database));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new CampaignLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            throw new LaqaInputException($"{Path.GetDirectoryName(path)}: the campaign is being run by another process");
        }
    }

    /// <summary>True while a process runs the campaign of this journal.</summary>
    public static bool IsHeld(string database)
    {
        var path = PathOf(database);
        if (!File.Exists(path)) return false;
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public void Dispose() => _file.Dispose();
}
