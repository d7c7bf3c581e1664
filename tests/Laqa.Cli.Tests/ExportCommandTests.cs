using System.Globalization;
using System.Text.Json;
using Laqa.Calculators.Potentials;
using Laqa.Crystal.IO;
using Xunit;

namespace Laqa.Cli.Tests;

public sealed class ExportCommandTests(CampaignFolder campaign) : IClassFixture<CampaignFolder>
{
    [Theory]
    [InlineData("cif", ".cif")]
    [InlineData("poscar", ".vasp")]
    [InlineData("extxyz", ".extxyz")]
    public void WritesTheBestStructuresNamedAndTitledWithRankIdSpaceGroupAndEnergy(string format, string extension)
    {
        using var folder = new TempFolder();
        var output = folder.File("best");
        var run = LaqaProcess.Start(campaign.Root, "export", campaign.Dir, "--top", "3", "--format", format, "--out", output);
        Assert.Equal(0, run.ExitCode);

        var expected = campaign.Results.Where(r => r.Status != "Failed").Take(3).ToList();
        var files = expected.Select((r, i) => Path.Combine(output,
            string.Create(CultureInfo.InvariantCulture, $"{i + 1:D2}-id{r.Id}-{Symbol(r.RelaxedSpaceGroup)}-E{r.EnergyPerAtom:F5}{extension}"))).ToList();
        Assert.Equal(files, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(files.Order(), Directory.GetFiles(output).Order());

        var tersoff = PotentialPresets.Create("si-tersoff");
        var ase = AseRead(files);
        foreach (var (row, i) in expected.Select((r, i) => (r, i)))
        {
            var structure = StructureFile.Read(files[i]);
            // The exported structure is the relaxed one: the potential gives it the energy the campaign recorded.
            Assert.Equal(row.EnergyPerAtom, tersoff.Calculate(structure).Energy / structure.Count, 1e-9);
            Assert.Contains($"rank {i + 1} id {row.Id} Si8 {row.RelaxedSpaceGroup} E {row.EnergyPerAtom.ToString("F8", CultureInfo.InvariantCulture)} eV/atom",
                string.Join('\n', File.ReadLines(files[i]).Take(2)));
            var byAse = ase[i];
            Assert.Equal(structure.Count, byAse.GetProperty("atoms").GetInt32());
            Assert.Equal(structure.Lattice.Volume, byAse.GetProperty("volume").GetDouble(), 1e-8);
            if (format == "extxyz")
            {
                Assert.Equal(row.EnergyPerAtom * structure.Count, byAse.GetProperty("energy").GetDouble(), 1e-9);
                Assert.Equal(row.Id, byAse.GetProperty("id").GetInt32());
                Assert.Equal(i + 1, byAse.GetProperty("rank").GetInt32());
            }
        }
    }

    [Theory]
    [InlineData("--top 0 --format cif", "--top must be at least 1")]
    [InlineData("--top 2 --format xyz", "--format must be one of cif, poscar, extxyz")]
    public void BadArgumentsAreOneLineExitCodeTwoAndNothingWritten(string arguments, string expected)
    {
        using var folder = new TempFolder();
        var output = folder.File("out");
        var run = LaqaProcess.Start(campaign.Root, ["export", campaign.Dir, .. arguments.Split(' '), "--out", output]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, Assert.Single(run.ErrorLines));
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("nowhere", "no such campaign folder")]
    [InlineData(".", "no campaign here")]
    public void AFolderWithoutACampaignIsExitCodeTwoAndNothingWritten(string dir, string expected)
    {
        using var folder = new TempFolder();
        var run = LaqaProcess.Start(folder.Path, "export", dir, "--top", "2", "--format", "cif", "--out", "out");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, Assert.Single(run.ErrorLines));
        Assert.False(Directory.Exists(folder.File("out")));
    }

    [Fact]
    public void AnEmptyOutOrOneThatIsAFileIsOneLineExitCodeTwoAndLeftAlone()
    {
        using var folder = new TempFolder();
        var empty = LaqaProcess.Start(folder.Path, "export", campaign.Dir, "--top", "2", "--format", "cif", "--out", "");
        Assert.Equal(2, empty.ExitCode);
        Assert.Equal("laqa: error: --out is empty; give a folder for the structure files", Assert.Single(empty.ErrorLines));

        File.WriteAllText(folder.File("taken"), "keep me");
        var file = LaqaProcess.Start(folder.Path, "export", campaign.Dir, "--top", "2", "--format", "cif", "--out", "taken");
        Assert.Equal(2, file.ExitCode);
        Assert.Equal("laqa: error: --out taken is a file; give a folder for the structure files", Assert.Single(file.ErrorLines));
        Assert.Equal(["taken"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
        Assert.Equal("keep me", File.ReadAllText(folder.File("taken")));
    }

    private static string Symbol(string spaceGroup) => spaceGroup[..spaceGroup.IndexOf('(')].Replace('/', '_');

    /// <summary>Each file read by ASE: atom count, volume, and for extended XYZ the energy and the rank and id keys.</summary>
    private static List<JsonElement> AseRead(IEnumerable<string> files)
    {
        var stdout = SystemPython.Run("import sys, json, ase.io\n" +
                                      "out = []\n" +
                                      "for f in sys.argv[1:]:\n" +
                                      "    a = ase.io.read(f)\n" +
                                      "    d = {'atoms': len(a), 'volume': a.get_volume()}\n" +
                                      "    if f.endswith('.extxyz'): d.update(energy=float(a.get_potential_energy()), id=int(a.info['id']), rank=int(a.info['rank']))\n" +
                                      "    out.append(d)\n" +
                                      "print(json.dumps(out))", files);
        return [.. JsonDocument.Parse(stdout).RootElement.EnumerateArray()];
    }
}
