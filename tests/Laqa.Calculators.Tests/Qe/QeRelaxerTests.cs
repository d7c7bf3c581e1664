using Laqa.Calculators.External;
using Laqa.Calculators.Qe;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.TestSupport;
using Xunit;

namespace Laqa.Calculators.Tests.Qe;

public class QeRelaxerTests
{
    private static readonly RelaxationOptions Options = new() { Fmax = 0.05, Smax = 0.002 };

    private static QeRelaxer Relaxer(TempFolder folder, QeSettings? settings = null, KeepFiles keep = KeepFiles.All)
    {
        QuantumEspresso.Require();
        return new QeRelaxer(settings ?? SiliconQe.Settings, Options, new WorkFolders(folder.File("calc"), keep));
    }

    [Fact]
    public void ABatchRunsItsStepsInOneVcRelaxAndTheNextStartsWhereItEnded()
    {
        using var folder = new TempFolder();
        var relaxer = Relaxer(folder);

        var first = relaxer.Advance(RelaxationState.Start(SiliconQe.Distorted), 2, new BatchLabel("4", 1));
        var second = relaxer.Advance(first.Next, 2, new BatchLabel("4", 2));

        Assert.Equal(RelaxationOutcome.Running, first.Outcome);
        Assert.Equal(2, first.Steps.Count);
        Assert.Equal(2, first.Next.StepsTaken);
        Assert.Equal(4, second.Next.StepsTaken);
        Assert.Equal(first.Steps[0].Volume, SiliconQe.Distorted.Lattice.Volume, 1e-9);
        Assert.Equal(first.Next.Structure.Lattice.Volume, second.Steps[0].Volume, 1e-9);
        Assert.True(second.Steps[^1].Energy < first.Steps[0].Energy);
        Assert.All(first.Steps.Concat(second.Steps), s => Assert.Equal(s.Energy / 2, s.EnergyPerAtom));
        foreach (var batch in new[] { "1-1", "2-1" })
        foreach (var file in new[] { PwRun.InputFile, PwRun.OutputFile, PwRun.ErrorFile })
            Assert.True(File.Exists(folder.File($"calc/4/{batch}/{file}")), $"{batch}/{file} missing");
    }

    [Fact]
    public void ATemplateBatchEqualsTheSameSettingsGivenAsKeysAndCarriesTheTemplatesOwnKeys()
    {
        using var folder = new TempFolder();
        var keys = SiliconQe.Settings with { Extra = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["system"] = new Dictionary<string, string> { ["nosym"] = ".true." } } };
        // The same physics written as a user would: other case, Fortran exponents, comments, the species and k-points cards.
        var template = PwTemplateReader.Parse("""
            &CONTROL
              Verbosity = 'high'   ! more output, a key laqa has no setting for
            /
            &SYSTEM
              ecutwfc = 1.2d1, ecutrho = 48.0, NOSYM = .true.
            /
            &ELECTRONS
              electron_maxstep = 100, mixing_beta = 0.7
            /
            ATOMIC_SPECIES
              Si 28.085 Si.pz-vbc.UPF
            K_POINTS automatic
              2 2 2 0 0 0
            """, "template.in");
        var fromTemplate = SiliconQe.Settings with { Template = template, Pseudopotentials = new Dictionary<string, string>(), KPoints = null };

        var expected = Relaxer(folder, keys).Advance(RelaxationState.Start(SiliconQe.Distorted), 2, new BatchLabel("0", 1));
        var batch = Relaxer(folder, fromTemplate).Advance(RelaxationState.Start(SiliconQe.Distorted), 2, new BatchLabel("1", 1));

        Assert.Equal(RelaxationOutcome.Running, batch.Outcome);
        Assert.Equal(expected.Steps.Select(s => s.Energy), batch.Steps.Select(s => s.Energy));
        Assert.Equal(expected.Next.Structure.Lattice.Volume, batch.Next.Structure.Lattice.Volume);
        var input = File.ReadAllText(folder.File("calc/1/1-1/pw.in"));
        Assert.Contains("  verbosity = 'high'\n", input);
        Assert.Contains("  nosym = .true.\n", input);
        Assert.Contains("  nstep = 2\n", input);
        var output = File.ReadAllText(folder.File("calc/1/1-1/pw.out"));
        // pw.x confirms both: verbosity high prints the positions in crystal axes, nosym finds no symmetry.
        Assert.Contains("No symmetry found", output);
        Assert.Contains("Crystallographic axes", output);
        Assert.DoesNotContain("Crystallographic axes", File.ReadAllText(folder.File("calc/0/1-1/pw.out")));
    }

    [Fact]
    public void AConvergedRelaxationTakesTheFinalScfsEnergy()
    {
        using var folder = new TempFolder();
        var start = SiliconQe.Diamond(5.36, new Vec3(0.01, 0, 0));

        var batch = Relaxer(folder).Advance(RelaxationState.Start(start), 30, new BatchLabel("0", 1));

        Assert.Equal(RelaxationOutcome.Converged, batch.Outcome);
        var output = PwOutputParser.Read(folder.File("calc/0/1-1/pw.out"), 2);
        Assert.Equal(output.FinalEnergyRy!.Value * QeUnits.EvPerRydberg, batch.Steps[^1].Energy);
        Assert.Equal(output.Steps[^1].ToResult().Forces, batch.Steps[^1].Forces);
        Assert.True(batch.Steps[^1].MaxForce < 0.05);
    }

    [Fact]
    public void BfgsConvergingAtTheBatchsLastStepIsConvergedWithTheLastStepsEnergy()
    {
        using var folder = new TempFolder();
        var relaxer = Relaxer(folder);
        var start = RelaxationState.Start(SiliconQe.Diamond(5.36, new Vec3(0.01, 0, 0)));
        var full = relaxer.Advance(start, 30, new BatchLabel("0", 1));

        // pw.x counts its final SCF against nstep: with none left it skips it and exits 3.
        var exact = relaxer.Advance(start, full.Steps.Count, new BatchLabel("1", 1));

        Assert.Equal(RelaxationOutcome.Converged, exact.Outcome);
        var output = PwOutputParser.Read(folder.File("calc/1/1-1/pw.out"), 2);
        Assert.True(output.BfgsConverged);
        Assert.Null(output.FinalEnergyRy);
        Assert.Equal(full.Steps.Count, exact.Steps.Count);
        Assert.Equal(output.Steps[^1].EnergyRy * QeUnits.EvPerRydberg, exact.Steps[^1].Energy);
    }

    [Fact]
    public void AnScfThatFailsAtTheFirstStepIsRunAgainWithHalfTheMixingThenFails()
    {
        using var folder = new TempFolder();
        var settings = SiliconQe.Settings with { ElectronMaxstep = 1 };
        var runs = new List<(int ExitCode, TimeSpan Elapsed, string Folder)>();
        QuantumEspresso.Require();
        var relaxer = new QeRelaxer(settings, Options, new WorkFolders(folder.File("calc"), KeepFiles.All), (run, at) => runs.Add((run.ExitCode, run.Elapsed, at)));

        var batch = relaxer.Advance(RelaxationState.Start(SiliconQe.Distorted), 3, new BatchLabel("2", 1));

        Assert.Equal(RelaxationOutcome.Failed, batch.Outcome);
        Assert.Empty(batch.Steps);
        Assert.StartsWith("pw.x: SCF not converged in electron-maxstep = 1 iterations at the first step with mixing-beta = 0.35", batch.FailureReason);
        Assert.Contains("mixing_beta = 0.7", File.ReadAllText(folder.File("calc/2/1-1/pw.in")));
        Assert.Contains("mixing_beta = 0.35", File.ReadAllText(folder.File("calc/2/1-2/pw.in")));
        // Each pw.x run is reported with its exit code (2: SCF not converged), process time and folder.
        Assert.Equal([(2, folder.File("calc/2/1-1")), (2, folder.File("calc/2/1-2"))], runs.Select(r => (r.ExitCode, r.Folder)));
        Assert.All(runs, r => Assert.True(r.Elapsed > TimeSpan.Zero));
    }

    [Fact]
    public void AnInputErrorFailsWithPwxsMessageAndTheFolder()
    {
        using var folder = new TempFolder();
        var settings = SiliconQe.Settings with { Pseudopotentials = new Dictionary<string, string> { ["Si"] = "Missing.UPF" } };

        var batch = Relaxer(folder, settings, KeepFiles.Failed).Advance(RelaxationState.Start(SiliconQe.Distorted), 3, new BatchLabel("1", 1));

        Assert.Equal(RelaxationOutcome.Failed, batch.Outcome);
        Assert.StartsWith("pw.x: Error in routine", batch.FailureReason);
        Assert.EndsWith($"(in {folder.File("calc/1/1-1")})", batch.FailureReason);
        Assert.True(Directory.Exists(folder.File("calc/1/1-1")));
    }

    [Fact]
    public void AProgramNotOnThePathFailsNamingIt()
    {
        using var folder = new TempFolder();
        var settings = SiliconQe.Settings with { MpiCommand = [], Command = ["laqa-no-pw.x"] };

        var batch = Relaxer(folder, settings, KeepFiles.None).Advance(RelaxationState.Start(SiliconQe.Distorted), 1, new BatchLabel("1", 1));

        Assert.Equal(RelaxationOutcome.Failed, batch.Outcome);
        Assert.Contains("laqa-no-pw.x", batch.FailureReason);
        Assert.False(Directory.Exists(folder.File("calc/1/1-1")));
    }

    [Fact]
    public void CancellationKillsPwxAndMpirunAndThrows()
    {
        using var folder = new TempFolder();
        using var cancel = new CancellationTokenSource();
        var relaxer = Relaxer(folder);
        var batch = Task.Run(() => relaxer.Advance(RelaxationState.Start(SiliconQe.Distorted), 50, new BatchLabel("3", 1), cancel.Token));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (QuantumEspresso.PwProcessesUnder(folder.Path).Count == 0 && DateTime.UtcNow < deadline) Thread.Sleep(20);
        Assert.NotEmpty(QuantumEspresso.PwProcessesUnder(folder.Path));

        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => batch.GetAwaiter().GetResult());
        Assert.Empty(QuantumEspresso.PwProcessesUnder(folder.Path, TimeSpan.FromSeconds(5)));
    }
}
