using System.Text.Json;
using Laqa.Crystal;
using Laqa.Crystal.Generation;
using Laqa.Crystal.IO;
using Laqa.Crystal.Spglib;
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

        // The same candidates straight from the library: files hold exactly these structures.
        var composition = Composition.Parse("Na4Cl4");
        var generator = new StructureGenerator(GenerationRequest.Default(composition, SpaceGroupSelection.All), 3);
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

    [Theory]
    [InlineData("Na4Xx4", "all", "unknown element 'Xx'")]
    [InlineData("Na0Cl4", "all", "count '0' of Na")]
    [InlineData("Na4Cl4", "231", "231")]
    [InlineData("Si3", "227", "no combination of Wyckoff positions")]
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
