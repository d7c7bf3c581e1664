using Laqa.Calculators.External;
using Laqa.Crystal;
using Laqa.Crystal.IO;

namespace Laqa.Calculators.Vasp;

/// <summary>
/// One VASP run in a work folder: writes INCAR, POSCAR, KPOINTS and POTCAR, runs the settings' command
/// line with one OpenMP thread per process, its output in vasp.out and vasp.err, and reads
/// vasprun.xml. Output is null when the inputs could not be written or VASP left no vasprun.xml; Failure then says why.
/// </summary>
public sealed record VaspRun(int ExitCode, VasprunOutput? Output, string Command, string? Failure, TimeSpan Elapsed)
{
    public const string OutputFile = "vasp.out";
    public const string ErrorFile = "vasp.err";
    public const string ContcarFile = "CONTCAR";

    private static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string> { ["OMP_NUM_THREADS"] = "1" };

    /// <summary>How the program ended, for a failure reason: the exit code or the signal that killed it.</summary>
    public string Ending => EndingOf(ExitCode);

    private static string EndingOf(int exitCode) => exitCode > 128 ? $"was killed by signal {exitCode - 128}" : $"exited with code {exitCode}";

    /// <summary>Runs VASP; throws OperationCanceledException (after killing it) when cancelled.</summary>
    public static VaspRun Execute(VaspSettings settings, string folder, Structure structure, IncarWriter.Relaxation? relaxation, CancellationToken cancellationToken)
    {
        var command = string.Join(' ', settings.CommandLine());
        try
        {
            File.WriteAllText(Path.Combine(folder, "INCAR"), IncarWriter.Write(settings.IncarTemplate, relaxation));
            File.WriteAllText(Path.Combine(folder, "POSCAR"), PoscarFormat.Format(structure));
            File.WriteAllText(Path.Combine(folder, "KPOINTS"), KpointsWriter.Write(structure.Lattice, settings.KSpacing));
            PotcarBuilder.Write(Path.Combine(folder, PotcarBuilder.FileName), structure, settings);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A POTCAR removed since the config was read fails this candidate, not the worker.
            return new VaspRun(-1, null, command, $"cannot write the VASP inputs: {e.Message}", TimeSpan.Zero);
        }
        var run = ExternalProcess.Run(settings.CommandLine(), folder, OutputFile, ErrorFile, Environment, cancellationToken);
        if (run.ExitCode == 127) return new VaspRun(run.ExitCode, null, command, $"{command}: {LastLine(ErrorFile)}", run.Elapsed);
        var vasprun = Path.Combine(folder, VasprunParser.FileName);
        if (!File.Exists(vasprun))
        {
            return new VaspRun(run.ExitCode, null, command, $"{command} {EndingOf(run.ExitCode)} without writing {VasprunParser.FileName} ({LastLine(OutputFile)})", run.Elapsed);
        }
        return new VaspRun(run.ExitCode, VasprunParser.Read(vasprun), command, null, run.Elapsed);

        string LastLine(string file)
        {
            var path = Path.Combine(folder, file);
            return (File.Exists(path) ? File.ReadLines(path).Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) : null) ?? "no message";
        }
    }
}
