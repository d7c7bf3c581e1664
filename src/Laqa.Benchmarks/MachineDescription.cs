using System.Runtime.InteropServices;

namespace Laqa.Benchmarks;

/// <summary>The line every benchmark section starts with: processor, cores, runtime and date.</summary>
public static class MachineDescription
{
    public static string Heading() =>
        $"Measured {DateTime.UtcNow:yyyy-MM-dd} on {ProcessorName()}, {Environment.ProcessorCount} cores, " +
        $"{RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, Release build.";

    private static string ProcessorName()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo)) return RuntimeInformation.ProcessArchitecture.ToString();
        var line = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
    }
}
