using Laqa.Calculators.Vasp;
using Laqa.TestSupport;
using Xunit;

namespace Laqa.Calculators.Tests.Vasp;

/// <summary>vasprun.xml of real VASP relaxations (Data/vasp, SOURCES.md) read by us and by ASE's reader: the same steps, numbers, units and signs.</summary>
public class VasprunParserTests
{
    private static void AssertSameStep(VaspData.AseStep ase, VaspStep ours, int index)
    {
        var free = ours.ToResult(VaspEnergy.FreeEnergy);
        var sigmaZero = ours.ToResult(VaspEnergy.SigmaZero);
        Assert.True(ase.FreeEnergy == free.Energy, $"step {index}: free energy {free.Energy}, ASE {ase.FreeEnergy}");
        Assert.Equal(ase.Energy, sigmaZero.Energy, 1e-10);
        var cell = Enumerable.Range(0, 3).SelectMany(i => new[] { ours.Structure.Lattice[i].X, ours.Structure.Lattice[i].Y, ours.Structure.Lattice[i].Z });
        Assert.Equal(ase.Cell, cell);
        // Ours wrap into [0, 1) and ASE recomputes them from Cartesian positions: equal modulo 1 up to rounding.
        var fractional = ours.Structure.Fractional.SelectMany(p => new[] { p.X, p.Y, p.Z }).ToArray();
        for (var k = 0; k < fractional.Length; k++)
        {
            var difference = fractional[k] - ase.Fractional[k];
            Assert.True(Math.Abs(difference - Math.Round(difference)) < 1e-12, $"step {index}: fractional coordinate {k} is {fractional[k]}, ASE {ase.Fractional[k]}");
        }
        Assert.Equal(ase.Forces, free.Forces);
        for (var k = 0; k < 9; k++)
            Assert.True(Math.Abs(ase.Stress[k] - free.Stress[k]) <= 1e-14 + 1e-12 * Math.Abs(ase.Stress[k]),
                $"step {index}: stress component {k} is {free.Stress[k]} eV/Å³, ASE {ase.Stress[k]}");
    }

    [Theory]
    [InlineData(VaspData.Fe2O2, 4, 28)]
    [InlineData(VaspData.Sb16Xe8Cl8F88, 120, 3)]
    public void EveryIonicStepOfARealRelaxationIsAsAsesReaderReadsIt(string run, int atoms, int steps)
    {
        var path = VaspData.PathOf(run, VasprunParser.FileName);

        var output = VasprunParser.Read(path);
        var ase = VaspData.ReadWithAse(path, atoms);

        Assert.Null(output.Error);
        Assert.Equal(steps, ase.Count);
        Assert.Equal(ase.Count, output.Steps.Count);
        for (var i = 0; i < ase.Count; i++) AssertSameStep(ase[i], output.Steps[i], i);
    }

    [Fact]
    public void TheSigmaZeroEnergyDiffersFromTheFreeEnergyWhereVaspsSmearingEntropyIsNotZero()
    {
        // Steps 4, 9 and 10 of the Fe2O2 run carry an entropy term: there the two choices really differ, as in ASE.
        var output = VasprunParser.Read(VaspData.PathOf(VaspData.Fe2O2, VasprunParser.FileName));

        var differing = output.Steps.Select((s, i) => (s, i)).Where(x => x.s.SigmaZeroEnergy != x.s.FreeEnergy).Select(x => x.i).ToList();

        Assert.Equal([3, 8, 9], differing);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void AFileCutOffByAKilledVaspGivesTheStepsBeforeTheCutAndSaysWhere(int eighths)
    {
        using var folder = new TempFolder();
        var whole = File.ReadAllBytes(VaspData.PathOf(VaspData.Fe2O2, VasprunParser.FileName));
        // Cuts at k/8 of the way to the last step's start, and (k = 8) inside that step's eigenvalues and DOS, after its energy.
        var lastStep = System.Text.Encoding.Latin1.GetString(whole).LastIndexOf("<calculation>", StringComparison.Ordinal);
        var cut = eighths < 8 ? lastStep * eighths / 8 : (lastStep + whole.Length) / 2;
        var path = folder.File(VasprunParser.FileName);
        File.WriteAllBytes(path, whole[..cut]);

        var output = VasprunParser.Read(path);
        var ase = VaspData.ReadWithAse(path, 4);

        Assert.NotNull(output.Error);
        Assert.StartsWith($"{path} is cut off or broken at line ", output.Error);
        Assert.Contains($"after {output.Steps.Count} complete ionic steps", output.Error);
        Assert.InRange(output.Steps.Count, eighths < 8 ? 0 : 28, eighths < 8 ? 27 : 28);
        Assert.Equal(ase.Count, output.Steps.Count);
        for (var i = 0; i < ase.Count; i++) AssertSameStep(ase[i], output.Steps[i], i);
    }

    [Fact]
    public void ARealRunThatDiedBeforeItsFirstIonicStepGivesNoStepAndAnError()
    {
        var path = VaspData.PathOf(VaspData.KilledBeforeFirstStep, VasprunParser.FileName);

        var output = VasprunParser.Read(path);

        Assert.Empty(output.Steps);
        Assert.StartsWith($"{path} is cut off or broken at line ", output.Error);
        Assert.Contains("after 0 complete ionic steps", output.Error);
    }

    [Fact]
    public void ANumberVaspCouldNotPrintEndsTheReadingAtItsStep()
    {
        using var folder = new TempFolder();
        var text = File.ReadAllText(VaspData.PathOf(VaspData.Fe2O2, VasprunParser.FileName));
        // The forces of the third step: VASP prints ***** for a number too wide for its format.
        var third = IndexOfNth(text, "<varray name=\"forces\" >", 3);
        var number = System.Text.RegularExpressions.Regex.Match(text[third..], @"<v>\s*(\S+)").Groups[1];
        var path = folder.File(VasprunParser.FileName);
        File.WriteAllText(path, text[..(third + number.Index)] + new string('*', number.Length) + text[(third + number.Index + number.Length)..]);

        var output = VasprunParser.Read(path);

        Assert.Equal(2, output.Steps.Count);
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(path)} line \d+: ionic step 3: forces: ""\*+"" is not a number$", output.Error);
    }

    private static int IndexOfNth(string text, string value, int n)
    {
        var at = -1;
        for (var k = 0; k < n; k++) at = text.IndexOf(value, at + 1, StringComparison.Ordinal);
        return at;
    }
}
