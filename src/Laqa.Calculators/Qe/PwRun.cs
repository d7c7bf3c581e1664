using Laqa.Calculators.External;

namespace Laqa.Calculators.Qe;

/// <summary>
/// One pw.x run in a work folder: writes pw.in, runs the settings' command line with one OpenMP
/// thread per process, its output in pw.out and pw.err, and reads the output. Failure is the reason
/// the run gives nothing usable (not started, killed, unreadable output); Output is null then.
/// </summary>
public sealed record PwRun(int ExitCode, PwOutput? Output, string? Failure, TimeSpan Elapsed)
{
    public const string InputFile = "pw.in";
    public const string OutputFile = "pw.out";
    public const string ErrorFile = "pw.err";

    private static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string> { ["OMP_NUM_THREADS"] = "1" };

    /// <summary>Runs pw.x; throws OperationCanceledException (after killing it) when cancelled.</summary>
    public static PwRun Execute(QeSettings settings, string folder, string input, int atoms, CancellationToken cancellationToken)
    {
        File.WriteAllText(Path.Combine(folder, InputFile), input);
        var run = ExternalProcess.Run(settings.CommandLine(InputFile), folder, OutputFile, ErrorFile, Environment, cancellationToken);
        var command = string.Join(' ', settings.CommandLine(InputFile));
        if (run.ExitCode == 127) return new PwRun(run.ExitCode, null, $"{command}: {LastLine(ErrorFile)}", run.Elapsed);
        if (run.ExitCode > 128) return new PwRun(run.ExitCode, null, $"{command} was killed by signal {run.ExitCode - 128}", run.Elapsed);
        try
        {
            return new PwRun(run.ExitCode, PwOutputParser.Read(Path.Combine(folder, OutputFile), atoms), null, run.Elapsed);
        }
        catch (PwOutputException e)
        {
            return new PwRun(run.ExitCode, null, $"{command} exited with code {run.ExitCode} and output laqa cannot read: {e.Message}", run.Elapsed);
        }

        string LastLine(string file) =>
            File.ReadLines(Path.Combine(folder, file)).Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? "no message";
    }
}
