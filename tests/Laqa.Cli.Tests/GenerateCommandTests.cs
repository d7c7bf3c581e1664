using System.Text.Json;
using Laqa.Crystal;
using Laqa.Crystal.Generation;
using Laqa.Crystal.IO;
using Laqa.Crystal.Spglib;
using Laqa.Search.Campaign;
using Xunit;

namespace Laqa.Cli.Tests;

public class GenerateCommandTests
{
    [Theory]
    [InlineData("cif", ".cif")]
    [InlineData("poscar", ".vasp")]
    [InlineData("extxyz", ".extxyz")]
    public void WritesOneFilePerStructureMatchingTheGeneratorAndSpglib(string format, string extension)
    {
        using var folder = new TempFolder();
        var output = folder.File("out");
        var run = LaqaProcess.Start(folder.Path, "generate", "--composition", "Na4Cl4", "--spg", "all", "--count", "6",
            "--seed", "3", "--out", output, "--format", format, "--threads", "2", "--json");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(7, lines.Count);
        Assert.Equal(6, lines[^1].GetProperty("structures").GetInt32());

        // The same candidates straight from the library, with a campaign's defaults: files hold exactly these structures.
        var generator = new StructureGenerator(GenerationSpec.Default.RequestFor(Composition.Parse("Na4Cl4")), 3);
        foreach (var line in lines[..^1])
        {
            var id = line.GetProperty("id").GetInt32();
            var expected = generator.Generate(id);
            var file = Path.Combine(output, $"{id:D4}{extension}");
            Assert.Equal(file, line.GetProperty("file").GetString());
            var read = StructureFile.Read(file);
            Assert.Equal(expected.SpaceGroup, line.GetProperty("spaceGroup").GetInt32());
            Assert.Equal(expected.Structure.Species.ToArray(), read.Species.ToArray());
            Assert.Equal(expected.Structure.Lattice.Volume, read.Lattice.Volume, 4);
            Assert.Equal(SymmetryAnalyzer.Analyze(read).SpaceGroupNumber, line.GetProperty("spglibSpaceGroup").GetInt32());
        }
    }

    [Fact]
    public void RocksaltConventionalCellGeneratesWithDefaultOptionsInFmMinus3m()
    {
        using var folder = new TempFolder();
        var output = folder.File("out");
        var run = LaqaProcess.Start(folder.Path, "generate", "--composition", "Na4Cl4", "--spg", "225", "--count", "2", "--out", output);
        Assert.True(run.ExitCode == 0, run.Error);
        foreach (var file in Directory.GetFiles(output))
        {
            var read = StructureFile.Read(file);
            Assert.Equal(8, read.Count);
            Assert.Equal("Fm-3m", SymmetryAnalyzer.Analyze(read).InternationalSymbol);
        }
        Assert.Equal(2, Directory.GetFiles(output).Length);
    }

    [Fact]
    public void CompositionFittingOnlyThePrimitiveCellIsOneLineNamingTheCellOption()
    {
        using var folder = new TempFolder();
        var output = folder.File("out");
        var run = LaqaProcess.Start(folder.Path, "generate", "--composition", "Na1Cl1", "--spg", "225", "--out", output);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("laqa: error: Na1Cl1 fits no combination of Wyckoff positions of Fm-3m (225) in the conventional cell; it fits in the primitive cell (--cell primitive)",
            Assert.Single(run.ErrorLines));
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("Na4Xx4", "all", "unknown element 'Xx'")]
    [InlineData("Na0Cl4", "all", "count '0' of Na")]
    [InlineData("Na4Cl4", "231", "231")]
    [InlineData("Si3", "227", "no combination of Wyckoff positions")]
    [InlineData("Si100000000", "all", "at most 500 atoms per cell")]
    public void BadInputIsOneLineExitCodeTwoAndNoOutput(string composition, string spg, string named)
    {
        using var folder = new TempFolder();
        var output = folder.File("out");
        var run = LaqaProcess.Start(folder.Path, "generate", "--composition", composition, "--spg", spg, "--cell", "conventional", "--out", output);
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains(named, run.Error);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void PairDistancesAndVolumePerAtomFromTheCommandLineHold()
    {
        using var folder = new TempFolder();
        var output = folder.File("out");
        var run = LaqaProcess.Start(folder.Path, "generate", "--composition", "Na4Cl4", "--count", "8", "--seed", "2", "--out", output,
            "--min-distance", "Na-Cl=2.6", "Na-Na=3.2", "--volume-per-atom", "24", "--max-attempts", "20000");
        Assert.True(run.ExitCode == 0, run.Error);
        foreach (var file in Directory.GetFiles(output))
        {
            var s = StructureFile.Read(file);
            Assert.Equal(24.0 * 8, s.Lattice.Volume, 1e-6);
            // Brute force over neighbouring images, independent of the generator's distance check.
            for (var i = 0; i < s.Count; i++)
            for (var j = 0; j < s.Count; j++)
            for (var n0 = -2; n0 <= 2; n0++)
            for (var n1 = -2; n1 <= 2; n1++)
            for (var n2 = -2; n2 <= 2; n2++)
            {
                if (i == j && n0 == 0 && n1 == 0 && n2 == 0) continue;
                var d = (s.Lattice.ToCartesian(s.Fractional[j] + new Vec3(n0, n1, n2)) - s.CartesianOf(i)).Norm;
                var pair = string.Join('-', new[] { s.Species[i], s.Species[j] }.Order());
                var limit = pair switch { "Cl-Na" => 2.6, "Na-Na" => 3.2, _ => GenerationSpec.Default.MinDistanceFactor * 2 * Elements.Get("Cl").CovalentRadius };
                Assert.True(d >= limit - 1e-6, $"{file}: {pair} at {d:F3} Å");
            }
        }
    }

    [Theory]
    [InlineData("--min-distance", "Na-Xx=2", "Xx")]
    [InlineData("--min-distance", "Na-Cl", "Si-O=1.5")]
    [InlineData("--min-distance", "NaCl=2", "Si-O=1.5")]
    [InlineData("--volume-per-atom", "-3", "MEAN > 0")]
    [InlineData("--volume-per-atom", "20:x", "MEAN:SIGMA")]
    [InlineData("--max-attempts", "0", "--max-attempts")]
    [InlineData("--max-attempts", "2000000000", "--max-attempts must be between 1 and 1000000")]
    [InlineData("--count", "2000000000", "--count must be between 1 and 10000")]
    [InlineData("--threads", "100000", "--threads must be between 1 and 1024")]
    [InlineData("--distance-factor", "NaN", "--distance-factor must be greater than 0 and at most 3")]
    [InlineData("--volume-factor", "1e300", "--volume-factor must be greater than 0 and at most 100")]
    [InlineData("--min-distance", "Na-Cl=Infinity", "Si-O=1.5")]
    [InlineData("--volume-per-atom", "1e300", "at most 10000")]
    [InlineData("--rattle", "-0.05", "--rattle must be at least 0 and at most 1")]
    [InlineData("--strain", "NaN", "--strain must be at least 0 and at most 0.2")]
    [InlineData("--format", "pdb", "laqa: error: Argument 'pdb' not recognized. Must be one of: 'poscar' 'cif' 'extxyz'")]
    [InlineData("--count", "1e12", "laqa: error: Cannot parse argument '1e12' for option '--count': expected an integer.")]
    [InlineData("--distance-factor", "big", "laqa: error: Cannot parse argument 'big' for option '--distance-factor': expected a number.")]
    public void BadGenerationOptionsAreOneLineAndNoOutput(string option, string value, string named)
    {
        using var folder = new TempFolder();
        var output = folder.File("out");
        var run = LaqaProcess.Start(folder.Path, "generate", "--composition", "Na4Cl4", "--out", output, option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains(named, run.Error);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("--volume-factor 1.2 --volume-per-atom 20", "laqa: error: --volume-factor and --volume-per-atom both given: give one")]
    [InlineData("--count 4 --threads 2 --volume-per-atom 14 --max-attempts 1",
        "laqa: error: could not place Na8Cl8 with the minimum distances in 1 attempts")]
    public void BadOptionCombinationsAreOneLineAndNoOutput(string options, string start)
    {
        using var folder = new TempFolder();
        var output = folder.File("out");
        var run = LaqaProcess.Start(folder.Path, ["generate", "--composition", "Na8Cl8", "--out", output, .. options.Split(' ')]);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(start, Assert.Single(run.ErrorLines));
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void MinimumDistanceErrorsNameThePairAsTyped()
    {
        using var folder = new TempFolder();
        var twice = LaqaProcess.Start(folder.Path, "generate", "--composition", "Na4Cl4", "--out", folder.File("out"), "--min-distance", "Na-Cl=2", "Cl-Na=3");
        Assert.Equal(2, twice.ExitCode);
        Assert.Contains("'Cl-Na' is given twice (also as 'Na-Cl')", Assert.Single(twice.ErrorLines));
        var unknown = LaqaProcess.Start(folder.Path, "generate", "--composition", "Na4Cl4", "--out", folder.File("out"), "--min-distance", "na-Cl=2", "--rattle", "5");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("'na-Cl'", Assert.Single(unknown.ErrorLines));
    }

    [Fact]
    public void AnEmptyOutputPathIsOneLineAndNothingWritten()
    {
        using var folder = new TempFolder();
        var run = LaqaProcess.Start(folder.Path, "generate", "--composition", "Si8", "--count", "2", "--out", "");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("laqa: error: --out is empty; give a folder for the structure files", Assert.Single(run.ErrorLines));
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void OutputPathThatIsAFileIsRefusedAndLeftAlone()
    {
        using var folder = new TempFolder();
        var output = folder.File("taken");
        File.WriteAllText(output, "keep me");
        var run = LaqaProcess.Start(folder.Path, "generate", "--composition", "Si8", "--out", output);
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains("is a file", run.Error);
        Assert.Equal("keep me", File.ReadAllText(output));
    }
}
