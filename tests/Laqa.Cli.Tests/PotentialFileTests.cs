using System.Text.Json;
using Xunit;
using Laqa.Calculators.Potentials;
using Laqa.Crystal.IO;

namespace Laqa.Cli.Tests;

/// <summary>`--potential` given a LAMMPS potential file instead of a preset name.</summary>
public class PotentialFileTests
{
    private const string Potentials = "/usr/share/lammps/potentials";

    [Fact]
    public void TersoffFileGivesWhatTersoffFromFileGives()
    {
        using var folder = new TempFolder();
        var path = folder.Write("POSCAR", SiliconStructures.PerturbedDiamond(5.43, 0.03, 0.1, seed: 4));
        var file = Path.Combine(Potentials, "Si.tersoff");
        var json = Json(LaqaProcess.Start(folder.Path, "calc", "--potential", file, path, "--json"));

        var direct = Tersoff.FromFile(file).Calculate(StructureFile.Read(path));
        Assert.Equal("Si.tersoff", json.GetProperty("potential").GetString());
        Assert.Equal(direct.Energy, json.GetProperty("energy").GetDouble());
        Assert.Equal(direct.Forces, json.GetProperty("forces").EnumerateArray().Select(e => e.GetDouble()));
    }

    [Fact]
    public void TersoffFileGivesTheSiBCohesiveEnergyOfDiamond()
    {
        using var folder = new TempFolder();
        var path = folder.Write("POSCAR", SiliconStructures.PerturbedDiamond(5.432, 0, 0, seed: 5));
        var json = Json(LaqaProcess.Start(folder.Path, "calc", "--potential", Path.Combine(Potentials, "Si.tersoff"), path, "--json"));
        // J. Tersoff, Phys. Rev. B 37, 6991 (1988), Si(B): E = −4.63 eV/atom at a = 5.432 Å.
        Assert.Equal(-4.6304, json.GetProperty("energyPerAtom").GetDouble(), 4);
    }

    [Fact]
    public void StillingerWeberFileGivesWhatStillingerWeberFromFileGives()
    {
        using var folder = new TempFolder();
        var path = folder.Write("POSCAR", SiliconStructures.PerturbedDiamond(5.43, 0.03, 0.1, seed: 6));
        var file = Path.Combine(Potentials, "Si.sw");
        var json = Json(LaqaProcess.Start(folder.Path, "calc", "--potential", file, path, "--json"));

        var direct = StillingerWeber.FromFile(file).Calculate(StructureFile.Read(path));
        Assert.Equal(direct.Energy, json.GetProperty("energy").GetDouble());
        Assert.Equal(direct.Forces, json.GetProperty("forces").EnumerateArray().Select(e => e.GetDouble()));
    }

    [Theory]
    [InlineData("bad.tersoff", "Si Si Si 3.0 1.0 1.3258 4.8381 2.0417 0.0 22.956\n0.33675 1.3258 95.373 3.0 0.2 3.2394 oops\n", "bad.tersoff, line 1: A 'oops' is not a number")]
    [InlineData("short.sw", "# Si\nSi Si Si 2.1683 2.0951 1.80 21.0\n", "short.sw, line 2: Stillinger-Weber entry has only 7 of its 14 words")]
    [InlineData("Si.params", "Si Si Si 3.0\n", "unknown kind of file '.params'; expected *.tersoff (Tersoff) or *.sw (Stillinger-Weber)")]
    public void BadFileExitsWithTwoAndOneLine(string name, string text, string expected)
    {
        using var folder = new TempFolder();
        var structure = folder.Write("POSCAR", SiliconStructures.PerturbedDiamond(5.43, 0, 0, seed: 7));
        File.WriteAllText(folder.File(name), text);
        var run = LaqaProcess.Start(folder.Path, "calc", "--potential", folder.File(name), structure);
        AssertOneErrorLine(run, expected);
    }

    [Fact]
    public void SpeciesTheFileLacksExitsWithTwoNamingTheSpecies()
    {
        using var folder = new TempFolder();
        var structure = folder.Write("Na.vasp", SiliconStructures.PerturbedDiamond(5.43, 0, 0, seed: 8, species: "Na"));
        var run = LaqaProcess.Start(folder.Path, "calc", "--potential", Path.Combine(Potentials, "Si.sw"), structure);
        AssertOneErrorLine(run, "no Stillinger-Weber parameters for species Na");
    }

    [Fact]
    public void RelaxTakesAFileAndWritesNothingWhenItIsMissing()
    {
        using var folder = new TempFolder();
        var structure = folder.Write("POSCAR", SiliconStructures.PerturbedDiamond(5.43, 0, 0, seed: 9));
        var run = LaqaProcess.Start(folder.Path, "relax", "--potential", folder.File("none.tersoff"), structure, "--out", folder.File("out.vasp"));
        AssertOneErrorLine(run, "none.tersoff");
        Assert.False(File.Exists(folder.File("out.vasp")));
    }

    private static JsonElement Json(LaqaProcess.Run run)
    {
        Assert.Equal(0, run.ExitCode);
        return JsonDocument.Parse(run.Output).RootElement;
    }

    private static void AssertOneErrorLine(LaqaProcess.Run run, string expected)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("laqa: error: ", line);
        Assert.Contains(expected, line);
    }
}
