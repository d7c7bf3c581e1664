namespace Laqa.Calculators.Tests.External;

/// <summary>Processes by id, as /proc shows them: alive unless gone or a zombie.</summary>
internal static class ProcessTrees
{
    public static bool Alive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // "pid (comm) S ...": the state follows the last ')'.
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The process group and session of a process (fields 5 and 6 of /proc/PID/stat).</summary>
    public static (int Group, int Session) GroupAndSession(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (int.Parse(fields[2]), int.Parse(fields[3]));
    }

    /// <summary>Waits up to the timeout for every process to be gone; true when they all are.</summary>
    public static bool AllGone(IEnumerable<int> pids, TimeSpan timeout)
    {
        var ids = pids.ToList();
        var deadline = DateTime.UtcNow + timeout;
        while (ids.Any(Alive))
        {
            if (DateTime.UtcNow > deadline) return false;
            Thread.Sleep(20);
        }
        return true;
    }

    /// <summary>The process ids a command wrote to a file, one a line, once there are as many as expected.</summary>
    public static int[] WaitForPids(string file, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (File.Exists(file))
            {
                var pids = File.ReadAllLines(file).Where(l => l.Length > 0).Select(int.Parse).ToArray();
                if (pids.Length >= count) return pids;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{file} did not list {count} processes in time");
            Thread.Sleep(20);
        }
    }
}
