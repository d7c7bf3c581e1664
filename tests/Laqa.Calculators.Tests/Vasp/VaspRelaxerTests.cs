using Laqa.Calculators.External;
using Laqa.Calculators.Relaxation;
using Laqa.Calculators.Vasp;
using Laqa.Crystal;
using Laqa.Crystal.IO;
using Laqa.TestSupport;
using Xunit;

namespace Laqa.Calculators.Tests.Vasp;

/// <summary>
/// VaspRelaxer end to end with a fake vasp_std (VASP itself cannot run here): a shell script that puts
/// a real VASP run's vasprun.xml and CONTCAR (Data/vasp, SOURCES.md) into the work folder, whole or cut off.
/// </summary>
public class VaspRelaxerTests
{
    private static readonly Structure Fe2O2Start = PoscarFormat.Read(VaspData.PathOf(VaspData.Fe2O2, "POSCAR")).Structure;

    /// <summary>A relaxer whose "VASP" is the script body, run in the batch folder.</summary>
    private static VaspRelaxer Relaxer(TempFolder folder, string script, RelaxationOptions? options = null, VaspEnergy energy = VaspEnergy.FreeEnergy)
    {
        var program = folder.File("fake_vasp_std");
        File.WriteAllText(program, $"#!/bin/sh\n{script}\n");
        var settings = new VaspSettings
        {
            Command = ["sh", program],
            PotcarDir = FakePotcars.Create(folder, "Fe", "O"),
            Potcars = new Dictionary<string, string> { ["Fe"] = "Fe", ["O"] = "O" },
            Energy = energy,
        };
        return new VaspRelaxer(settings, options ?? new RelaxationOptions { Fmax = 1e-4, Smax = 1e-6 }, new WorkFolders(folder.File("calc"), KeepFiles.All));
    }

    private static string CopyRun(string run) => $"cp '{VaspData.PathOf(run, "vasprun.xml")}' '{VaspData.PathOf(run, "CONTCAR")}' .";

    [Fact]
    public void ABatchTakesEveryIonicStepOfVasprunAndContinuesFromContcar()
    {
        using var folder = new TempFolder();
        var relaxer = Relaxer(folder, CopyRun(VaspData.Fe2O2));

        var batch = relaxer.Advance(RelaxationState.Start(Fe2O2Start), 30, new BatchLabel("3", 2));
        var ase = VaspData.ReadWithAse(VaspData.PathOf(VaspData.Fe2O2, "vasprun.xml"), 4);

        Assert.Equal(RelaxationOutcome.Running, batch.Outcome);
        Assert.Equal(ase.Select(s => s.FreeEnergy), batch.Steps.Select(s => s.Energy));
        Assert.All(batch.Steps, s => Assert.Equal(s.Energy / 4, s.EnergyPerAtom));
        Assert.Equal(28, batch.Next.StepsTaken);
        Assert.Equal(VaspRelaxer.OptimizerKind, batch.Next.Optimizer.Kind);
        var contcar = PoscarFormat.Read(VaspData.PathOf(VaspData.Fe2O2, "CONTCAR")).Structure;
        Assert.Equal(contcar.Lattice.Volume, batch.Next.Structure.Lattice.Volume);
        Assert.Equal(contcar.Fractional.ToArray(), batch.Next.Structure.Fractional.ToArray());
        Assert.Contains("NSW = 30\n", File.ReadAllText(folder.File("calc/3/2-1/INCAR")));
    }

    [Fact]
    public void TheSigmaZeroChoiceTakesAsesEnergy()
    {
        using var folder = new TempFolder();

        var batch = Relaxer(folder, CopyRun(VaspData.Fe2O2), energy: VaspEnergy.SigmaZero).Advance(RelaxationState.Start(Fe2O2Start), 28, new BatchLabel("0", 1));
        var ase = VaspData.ReadWithAse(VaspData.PathOf(VaspData.Fe2O2, "vasprun.xml"), 4);

        Assert.Equal(28, batch.Steps.Count);
        for (var i = 0; i < 28; i++) Assert.Equal(ase[i].Energy, batch.Steps[i].Energy, 1e-10);
    }

    [Fact]
    public void ALastStepWithinFmaxAndSmaxIsConvergedAtTheStructureItWasEvaluatedAt()
    {
        using var folder = new TempFolder();
        var last = VasprunParser.Read(VaspData.PathOf(VaspData.Fe2O2, "vasprun.xml")).Steps[^1];
        var result = last.ToResult(VaspEnergy.FreeEnergy);
        var options = new RelaxationOptions { Fmax = result.MaxForce * 1.01, Smax = result.Stress.Max(Math.Abs) * 1.01 };

        var batch = Relaxer(folder, CopyRun(VaspData.Fe2O2), options).Advance(RelaxationState.Start(Fe2O2Start), 30, new BatchLabel("0", 1));

        Assert.Equal(RelaxationOutcome.Converged, batch.Outcome);
        Assert.Equal(last.Structure.Fractional.ToArray(), batch.Next.Structure.Fractional.ToArray());
    }

    [Fact]
    public void AKilledVaspFailsTheBatchWithTheStepsItsVasprunHolds()
    {
        using var folder = new TempFolder();
        var whole = VaspData.PathOf(VaspData.Fe2O2, "vasprun.xml");
        var cut = new FileInfo(whole).Length / 5;
        var relaxer = Relaxer(folder, $"head -c {cut} '{whole}' > vasprun.xml\nkill -KILL $$");

        var batch = relaxer.Advance(new RelaxationState(Fe2O2Start, OptimizerState.Fresh, 10), 30, new BatchLabel("5", 3));
        using var reference = new TempFolder();
        File.Copy(folder.File("calc/5/3-1/vasprun.xml"), reference.File("vasprun.xml"));
        var ase = VaspData.ReadWithAse(reference.File("vasprun.xml"), 4);

        Assert.Equal(RelaxationOutcome.Failed, batch.Outcome);
        Assert.InRange(ase.Count, 1, 27);
        Assert.Equal(ase.Select(s => s.FreeEnergy), batch.Steps.Select(s => s.Energy));
        Assert.Equal(10 + ase.Count, batch.Next.StepsTaken);
        Assert.Equal(Fe2O2Start, batch.Next.Structure);
        Assert.StartsWith($"sh {folder.File("fake_vasp_std")} was killed by signal 9 after {ase.Count} complete ionic steps: {folder.File("calc/5/3-1/vasprun.xml")} is cut off or broken at line ", batch.FailureReason);
        Assert.EndsWith($"(in {folder.File("calc/5/3-1")})", batch.FailureReason);
    }

    [Fact]
    public void AVaspThatExitsWithAnErrorAndAWholeVasprunStillFails()
    {
        using var folder = new TempFolder();

        var batch = Relaxer(folder, $"{CopyRun(VaspData.Fe2O2)}\nexit 1").Advance(RelaxationState.Start(Fe2O2Start), 30, new BatchLabel("0", 1));

        Assert.Equal(RelaxationOutcome.Failed, batch.Outcome);
        Assert.Equal(28, batch.Steps.Count);
        Assert.StartsWith($"sh {folder.File("fake_vasp_std")} exited with code 1 after 28 complete ionic steps (in ", batch.FailureReason);
    }

    [Fact]
    public void MoreIonicStepsThanNswOrAnotherStructureFailTheBatch()
    {
        using var folder = new TempFolder();
        var relaxer = Relaxer(folder, CopyRun(VaspData.Fe2O2));
        var silicon = new Structure(Lattice.Cubic(5.43), ["Si", "Si"], [new Vec3(0, 0, 0), new Vec3(0.25, 0.25, 0.25)]);

        var tooMany = relaxer.Advance(RelaxationState.Start(Fe2O2Start), 20, new BatchLabel("0", 1));
        var other = new VaspRelaxer(new VaspSettings
        {
            Command = ["sh", folder.File("fake_vasp_std")],
            PotcarDir = FakePotcars.Create(folder, "Si"),
            Potcars = new Dictionary<string, string> { ["Si"] = "Si" },
        }, RelaxationOptions.Default, new WorkFolders(folder.File("calc"), KeepFiles.All)).Advance(RelaxationState.Start(silicon), 30, new BatchLabel("1", 1));

        Assert.Equal(RelaxationOutcome.Failed, tooMany.Outcome);
        Assert.StartsWith("vasprun.xml holds 28 ionic steps for NSW = 20", tooMany.FailureReason);
        Assert.Equal(RelaxationOutcome.Failed, other.Outcome);
        Assert.StartsWith("vasprun.xml holds a structure of other species or atom count at step 1", other.FailureReason);
    }

    [Fact]
    public void AMissingProgramFailsWithTheShellsMessage()
    {
        using var folder = new TempFolder();
        var settings = new VaspSettings
        {
            Command = ["laqa-no-vasp_std"],
            PotcarDir = FakePotcars.Create(folder, "Fe", "O"),
            Potcars = new Dictionary<string, string> { ["Fe"] = "Fe", ["O"] = "O" },
        };

        var batch = new VaspRelaxer(settings, RelaxationOptions.Default, new WorkFolders(folder.File("calc"), KeepFiles.All))
            .Advance(RelaxationState.Start(Fe2O2Start), 5, new BatchLabel("0", 1));

        Assert.Equal(RelaxationOutcome.Failed, batch.Outcome);
        Assert.Empty(batch.Steps);
        Assert.StartsWith("laqa-no-vasp_std: ", batch.FailureReason);
        Assert.Contains("not found", batch.FailureReason);
    }

    [Fact]
    public void APotcarRemovedAfterTheConfigWasReadFailsTheCandidateBeforeVaspRuns()
    {
        using var folder = new TempFolder();
        var relaxer = Relaxer(folder, "touch vasp-ran");
        File.Delete(folder.File("potpaw_PBE/O/POTCAR"));

        var batch = relaxer.Advance(RelaxationState.Start(Fe2O2Start), 5, new BatchLabel("0", 1));

        Assert.Equal(RelaxationOutcome.Failed, batch.Outcome);
        Assert.StartsWith($"cannot write the VASP inputs: Could not find file '{folder.File("potpaw_PBE/O/POTCAR")}'", batch.FailureReason);
        Assert.False(File.Exists(folder.File("calc/0/1-1/vasp-ran")));
    }
}
