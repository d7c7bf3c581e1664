using System.Globalization;
using System.Text.Json;
using Xunit;
using Laqa.Calculators.Potentials;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Crystal.IO;

namespace Laqa.Cli.Tests;

public class RelaxCommandTests
{
    private const double GPaPerEvPerCubicAngstrom = 160.21766208;

    [Theory]
    [InlineData("fire")]
    [InlineData("bfgs")]
    public void JsonStepsAreThoseOfTheRelaxerCalledDirectlyAndOutHoldsItsResult(string optimizer)
    {
        using var folder = new TempFolder();
        var path = folder.Write("POSCAR", SiliconStructures.PerturbedDiamond(5.43, 0.03, 0.1, seed: 4));
        var outPath = folder.File("relaxed.vasp");
        var run = LaqaProcess.Start(folder.Path, "relax", "--potential", "si-tersoff", path, "--fmax", "0.01", "--steps", "300", "--optimizer", optimizer, "--out", outPath, "--json");
        Assert.Equal(0, run.ExitCode);

        var options = new RelaxationOptions { Fmax = 0.01 };
        IRelaxer relaxer = optimizer == "bfgs"
            ? new BfgsRelaxer(PotentialPresets.Create("si-tersoff"), options)
            : new FireRelaxer(PotentialPresets.Create("si-tersoff"), options);
        var direct = relaxer.Advance(RelaxationState.Start(StructureFile.Read(path)), 300);
        Assert.Equal(RelaxationOutcome.Converged, direct.Outcome);
        var json = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("Converged", json.GetProperty("outcome").GetString());
        var steps = json.GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(direct.Steps.Count, steps.Length);
        for (var k = 0; k < steps.Length; k++)
        {
            Assert.Equal(direct.Steps[k].EnergyPerAtom, steps[k].GetProperty("energyPerAtom").GetDouble());
            Assert.Equal(direct.Steps[k].MaxForce, steps[k].GetProperty("maxForce").GetDouble());
            Assert.Equal(direct.Steps[k].MaxAbsStress * GPaPerEvPerCubicAngstrom, steps[k].GetProperty("maxAbsStressGPa").GetDouble(), 1e-12);
        }

        var written = StructureFile.Read(outPath);
        var expected = direct.Next.Structure;
        for (var i = 0; i < 3; i++) Assert.Equal(0.0, (written.Lattice[i] - expected.Lattice[i]).Norm, 1e-12);
        for (var i = 0; i < 8; i++) Assert.Equal(0.0, (written.Fractional[i] - expected.Fractional[i]).Norm, 1e-12);
        Assert.Equal("Fd-3m", json.GetProperty("final").GetProperty("spaceGroup").GetString());
        Assert.Equal("Fd-3m (227)", SpglibOf(outPath, symprec: 0.1));
    }

    [Fact]
    public void TextShowsOneLinePerStepAndTheSpaceGroup()
    {
        using var folder = new TempFolder();
        var path = folder.Write("start.cif", SiliconStructures.PerturbedDiamond(5.43, 0.03, 0.1, seed: 5));
        var outPath = folder.File("relaxed.cif");
        var run = LaqaProcess.Start(folder.Path, "relax", "--potential", "si-tersoff", path, "--out", outPath);
        Assert.Equal(0, run.ExitCode);

        var direct = new FireRelaxer(PotentialPresets.Create("si-tersoff")).Advance(RelaxationState.Start(StructureFile.Read(path)), 1000);
        var stepLines = run.Output.Split('\n').Where(l => l.Length > 5 && int.TryParse(l[..5], out _)).ToArray();
        Assert.Equal(direct.Steps.Count, stepLines.Length);
        var lastEnergy = double.Parse(stepLines[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        Assert.Equal(direct.Steps[^1].EnergyPerAtom, lastEnergy, 1e-10);
        Assert.Contains($"converged after {direct.Steps.Count} steps", run.Output);
        Assert.Contains("space group      Fd-3m (227)", run.Output);
        Assert.True(File.Exists(outPath));
    }

    [Fact]
    public void UnderPressureTheRelaxedCellHoldsThatPressure()
    {
        using var folder = new TempFolder();
        var path = folder.Write("POSCAR", SiliconStructures.PerturbedDiamond(5.43, 0.02, 0.05, seed: 6));
        var outPath = folder.File("CONTCAR");
        var run = LaqaProcess.Start(folder.Path, "relax", "--potential", "si-tersoff", path, "--pressure", "5", "--smax", "0.01", "--out", outPath, "--json");
        Assert.Equal(0, run.ExitCode);

        var stress = PotentialPresets.Create("si-tersoff").Calculate(StructureFile.Read(outPath)).Stress;
        Assert.Equal(5.0, -(stress[0] + stress[4] + stress[8]) / 3 * GPaPerEvPerCubicAngstrom, 0.01);
    }

    [Fact]
    public void AFailedRelaxationExitsWithOneAndWritesNothing()
    {
        using var folder = new TempFolder();
        var path = folder.Write("POSCAR", SiliconStructures.PerturbedDiamond(5.43, 0.0, 0.0, seed: 7));
        var outPath = folder.File("relaxed.vasp");
        var run = LaqaProcess.Start(folder.Path, "relax", "--potential", "si-tersoff", path, "--pressure", "-500", "--out", outPath);
        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("laqa: relaxation failed: ", line);
        Assert.Contains("starting volume", line);
        Assert.False(File.Exists(outPath));
    }

    [Theory]
    [InlineData("si-tersoff")]
    [InlineData("si-sw")]
    public void CoincidingAtomsExitWithTwoAsInCalcAndWriteNothing(string potential)
    {
        using var folder = new TempFolder();
        var diamond = SiliconStructures.PerturbedDiamond(5.43, 0.0, 0.0, seed: 11);
        var path = folder.Write("POSCAR", new Structure(diamond.Lattice, diamond.Species, [diamond.Fractional[0], .. diamond.Fractional[..^1]]));
        var outPath = folder.File("relaxed.vasp");
        var calc = LaqaProcess.Start(folder.Path, "calc", "--potential", potential, path);
        var relax = LaqaProcess.Start(folder.Path, "relax", "--potential", potential, path, "--out", outPath);
        Assert.Equal((2, 2), (calc.ExitCode, relax.ExitCode));
        Assert.Equal("", relax.Output);
        Assert.Equal(Assert.Single(calc.ErrorLines), Assert.Single(relax.ErrorLines));
        Assert.False(File.Exists(outPath));
    }

    [Theory]
    [InlineData("relaxed.txt", "cannot tell the structure format")]
    [InlineData("no-such-folder/relaxed.vasp", "does not exist")]
    public void ABadOutputNameExitsWithTwoBeforeAnyWork(string outName, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.Write("POSCAR", SiliconStructures.PerturbedDiamond(5.43, 0.0, 0.0, seed: 8));
        var run = LaqaProcess.Start(folder.Path, "relax", "--potential", "si-tersoff", path, "--out", folder.File(outName));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains(expected, Assert.Single(run.ErrorLines));
        Assert.Equal(["POSCAR"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("--pressure", "1e300", "--pressure must be at most 1000 GPa in magnitude")]
    [InlineData("--fmax", "NaN", "--fmax must be greater than 0 and at most 100 eV/Å")]
    [InlineData("--smax", "1e300", "--smax must be greater than 0 and at most 1000 GPa")]
    [InlineData("--steps", "2000000000", "--steps must be between 1 and 1000000")]
    [InlineData("--out", "/proc/relaxed.vasp", "--out: cannot write /proc/relaxed.vasp: ")]
    public void AnOptionOutOfBoundsExitsWithTwoBeforeAnyWork(string option, string value, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.Write("POSCAR", SiliconStructures.PerturbedDiamond(5.43, 0.0, 0.0, seed: 12));
        var arguments = new List<string> { "relax", "--potential", "si-tersoff", path, "--out", folder.File("relaxed.vasp") };
        if (option == "--out") arguments.RemoveRange(4, 2);
        var run = LaqaProcess.Start(folder.Path, [.. arguments, option, value]);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.StartsWith($"laqa: error: {expected}", Assert.Single(run.ErrorLines));
        Assert.Equal(["POSCAR"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void AnUnknownOptimizerExitsWithTwo()
    {
        using var folder = new TempFolder();
        var path = folder.Write("POSCAR", SiliconStructures.PerturbedDiamond(5.43, 0.0, 0.0, seed: 10));
        var run = LaqaProcess.Start(folder.Path, "relax", "--potential", "si-tersoff", path, "--out", folder.File("out.vasp"), "--optimizer", "lbfgs");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("lbfgs", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void AMissingOutOptionExitsWithTwo()
    {
        using var folder = new TempFolder();
        var path = folder.Write("POSCAR", SiliconStructures.PerturbedDiamond(5.43, 0.0, 0.0, seed: 9));
        var run = LaqaProcess.Start(folder.Path, "relax", "--potential", "si-tersoff", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--out", Assert.Single(run.ErrorLines));
    }

    /// <summary>The space group of a structure file by python's spglib through ASE's reader: "symbol (number)".</summary>
    private static string SpglibOf(string path, double symprec) =>
        SystemPython.Run("import sys, ase.io, spglib; at = ase.io.read(sys.argv[1], format='vasp'); " +
            "print(spglib.get_spacegroup((at.cell[:], at.get_scaled_positions(), at.numbers), symprec=float(sys.argv[2])))",
            path, symprec.ToString(CultureInfo.InvariantCulture)).Trim();

    [Fact]
    public void ConvergedExtendedXyzCarriesTheEnergyForcesAndStressOfTheWrittenGeometry()
    {
        using var folder = new TempFolder();
        var path = folder.Write("POSCAR", SiliconStructures.PerturbedDiamond(5.43, 0.02, 0.08, seed: 6));
        var outPath = folder.File("relaxed.extxyz");
        var run = LaqaProcess.Start(folder.Path, "relax", "--potential", "si-tersoff", path, "--fmax", "0.01", "--steps", "400", "--out", outPath);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("converged", run.Output);

        var frame = ExtendedXyzFormat.Read(outPath).Single();
        var recomputed = PotentialPresets.Create("si-tersoff").Calculate(frame.Structure);
        Assert.Equal(recomputed.Energy, frame.Energy!.Value, 1e-6);
        Assert.Equal(24, frame.Forces!.Length);
        for (var k = 0; k < 24; k++) Assert.Equal(recomputed.Forces[k], frame.Forces[k], 1e-5);
        for (var k = 0; k < 9; k++) Assert.Equal(recomputed.Stress[k], frame.Stress![k], 1e-6);
    }
}
