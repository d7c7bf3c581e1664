using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;
using Laqa.Calculators.Potentials;
using Laqa.Crystal.IO;

namespace Laqa.Cli.Tests;

public class CalcCommandTests
{
    private const double GPaPerEvPerCubicAngstrom = 160.21766208;

    [Fact]
    public void JsonHoldsExactlyWhatTheCalculatorGives()
    {
        using var folder = new TempFolder();
        var path = folder.Write("POSCAR", SiliconStructures.PerturbedDiamond(5.43, 0.03, 0.1, seed: 1));
        var run = LaqaProcess.Start(folder.Path, "calc", "--potential", "si-tersoff", path, "--json");
        Assert.Equal(0, run.ExitCode);

        var structure = StructureFile.Read(path);
        var direct = PotentialPresets.Create("si-tersoff").Calculate(structure);
        var json = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(direct.Energy, json.GetProperty("energy").GetDouble());
        Assert.Equal(direct.Energy / 8, json.GetProperty("energyPerAtom").GetDouble());
        Assert.Equal(direct.MaxForce, json.GetProperty("maxForce").GetDouble());
        Assert.Equal(direct.Forces, json.GetProperty("forces").EnumerateArray().Select(e => e.GetDouble()));
        int[] voigt = [0, 4, 8, 5, 2, 1];
        var stress = json.GetProperty("stressGPa").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (var k = 0; k < 6; k++) Assert.Equal(direct.Stress[voigt[k]] * GPaPerEvPerCubicAngstrom, stress[k], 1e-12);
        Assert.True(direct.MaxForce > 0.1, "a perturbed cell should feel forces");
    }

    [Fact]
    public void TextShowsTheSameNumbersRounded()
    {
        using var folder = new TempFolder();
        var path = folder.Write("start.cif", SiliconStructures.PerturbedDiamond(5.43, 0.03, 0.1, seed: 2));
        var run = LaqaProcess.Start(folder.Path, "calc", "--potential", "si-tersoff", path);
        Assert.Equal(0, run.ExitCode);

        var direct = PotentialPresets.Create("si-tersoff").Calculate(StructureFile.Read(path));
        double Number(string pattern) => double.Parse(Regex.Match(run.Output, pattern).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(direct.Energy, Number(@"energy\s+(-?[\d.]+) eV\n"), 1e-8);
        Assert.Equal(direct.Energy / 8, Number(@"energy per atom\s+(-?[\d.]+)"), 1e-8);
        Assert.Equal(direct.MaxForce, Number(@"max force\s+(-?[\d.]+)"), 1e-8);
        Assert.Equal(direct.Stress[1] * GPaPerEvPerCubicAngstrom, Number(@"xy (-?[\d.]+)"), 1e-6);
        Assert.Equal(-(direct.Stress[0] + direct.Stress[4] + direct.Stress[8]) / 3 * GPaPerEvPerCubicAngstrom, Number(@"pressure\s+(-?[\d.]+) GPa"), 1e-6);
    }

    [Theory]
    [InlineData("no-such-potential", "POSCAR", "--potential no-such-potential: neither a preset")]
    [InlineData("si-tersoff", "missing.vasp", "missing.vasp")]
    [InlineData("si-tersoff", "Na.vasp", "no Tersoff parameters for species Na")]
    [InlineData("si-sw", "Na.vasp", "Na")]
    public void BadInputExitsWithTwoAndOneLine(string potential, string file, string expected)
    {
        using var folder = new TempFolder();
        folder.Write("POSCAR", SiliconStructures.PerturbedDiamond(5.43, 0.0, 0.0, seed: 3));
        folder.Write("Na.vasp", SiliconStructures.PerturbedDiamond(5.43, 0.0, 0.0, seed: 3, species: "Na"));
        var run = LaqaProcess.Start(folder.Path, "calc", "--potential", potential, file);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("laqa: error: ", line);
        Assert.Contains(expected, line);
    }

    [Fact]
    public void ACellTheCalculatorCannotEvaluateExitsWithTwoAndItsReason()
    {
        using var folder = new TempFolder();
        var charged = new Laqa.Crystal.Structure(Laqa.Crystal.Lattice.Cubic(5.64), ["Na", "Na", "Cl"],
            [Laqa.Crystal.Vec3.Zero, new(0.5, 0.5, 0), new(0.5, 0, 0)]);
        var path = folder.Write("charged.vasp", charged);
        var run = LaqaProcess.Start(folder.Path, "calc", "--potential", "nacl-bmh", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains("net charge", run.Error);
    }

    [Theory]
    [InlineData("si-tersoff")]
    [InlineData("si-sw")]
    public void ALatticeVectorTypedMuchTooShortExitsWithTwoInsteadOfRunningForHours(string potential)
    {
        using var folder = new TempFolder();
        // 1e-5 Å for 10 Å: each atom has some 10⁵ images of itself within a Tersoff cut-off.
        var thin = new Laqa.Crystal.Structure(new Laqa.Crystal.Lattice(new(1e-5, 0, 0), new(0, 5, 0), new(0, 0, 5)), ["Si", "Si"],
            [Laqa.Crystal.Vec3.Zero, new(0.5, 0.5, 0.5)]);
        var path = folder.Write("thin.vasp", thin);
        var run = LaqaProcess.Start(folder.Path, "calc", "--potential", potential, path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("atoms or their periodic images nearly coincide (plane spacings 1E-05, 5, 5 Å)", Assert.Single(run.ErrorLines));
    }
}
