using System.Globalization;
using System.Text.RegularExpressions;
using Laqa.Calculators.Qe;
using Laqa.Calculators.Tests.Relaxation;
using Xunit;

namespace Laqa.Calculators.Tests.Qe;

public class PwOutputParserTests(PwOutputs runs) : IClassFixture<PwOutputs>
{
    private static PwOutput Parse(PwOutputs.Produced run) => PwOutputParser.Read(run.OutputFile, 2);

    /// <summary>The numbers after "=" of every "!    total energy" line, read by a regular expression.</summary>
    private static double[] PrintedEnergies(PwOutputs.Produced run) =>
        [.. run.Lines.Where(l => l.StartsWith("!    total energy", StringComparison.Ordinal))
            .Select(l => double.Parse(Regex.Match(l, @"=\s*(\S+)").Groups[1].Value, CultureInfo.InvariantCulture))];

    /// <summary>The kbar columns of every stress block, as pw.x printed them.</summary>
    private static double[][] PrintedKbar(PwOutputs.Produced run)
    {
        var lines = run.Lines;
        return [.. lines.Select((l, i) => (l, i)).Where(x => x.l.Contains("total   stress", StringComparison.Ordinal))
            .Select(x => Enumerable.Range(1, 3).SelectMany(r => lines[x.i + r].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(3)
                .Select(s => double.Parse(s, CultureInfo.InvariantCulture))).ToArray())];
    }

    [Fact]
    public void AVcRelaxThatUsesUpItsStepsGivesEachStepAndTheStructureAfterIt()
    {
        var output = Parse(runs.StepsUsedUp);

        Assert.Equal(3, runs.StepsUsedUp.ExitCode);
        Assert.True(output.MaxStepsReached);
        Assert.False(output.BfgsConverged);
        Assert.Equal(3, output.Steps.Count);
        Assert.Equal(3, output.Structures.Count);
        Assert.Equal(PrintedEnergies(runs.StepsUsedUp), output.Steps.Select(s => s.EnergyRy));
        Assert.All(output.Structures, s => Assert.Equal<string>(["Si", "Si"], s.Species));
        Assert.NotEqual(output.Structures[0].Lattice.Volume, output.Structures[2].Lattice.Volume);
    }

    [Fact]
    public void TheStressInOurUnitsAndSignIsMinusTheKbarPwxPrints()
    {
        var output = Parse(runs.StepsUsedUp);
        var kbar = PrintedKbar(runs.StepsUsedUp);

        Assert.Equal(output.Steps.Count, kbar.Length);
        for (var i = 0; i < kbar.Length; i++)
        {
            var stress = output.Steps[i].ToResult().Stress;
            for (var k = 0; k < 9; k++)
                Assert.Equal(kbar[i][k], -stress[k] * QeUnits.KbarPerEvPerCubicAngstrom, 0.0051);
        }
        Assert.Contains(kbar.SelectMany(k => k), x => Math.Abs(x) > 1);
    }

    [Fact]
    public void AConvergedVcRelaxEndsWithTheEnergyOfTheFinalScf()
    {
        var output = Parse(runs.Converged);
        var energies = PrintedEnergies(runs.Converged);

        Assert.Equal(0, runs.Converged.ExitCode);
        Assert.True(output.BfgsConverged);
        Assert.True(output.JobDone);
        Assert.Equal(energies.Length - 1, output.Steps.Count);
        Assert.Equal(energies[^1], output.FinalEnergyRy);
        Assert.Equal(output.Steps.Count, output.Structures.Count);
    }

    [Fact]
    public void AnScfThatDoesNotConvergeLeavesNoStep()
    {
        var output = Parse(runs.ScfNotConverged);

        Assert.Equal(2, runs.ScfNotConverged.ExitCode);
        Assert.True(output.ScfNotConverged);
        Assert.Empty(output.Steps);
        Assert.Null(output.Error);
    }

    [Fact]
    public void AnInputErrorGivesTheFirstLineOfPwxsErrorBlock()
    {
        var output = Parse(runs.MissingPseudo);

        Assert.Equal(1, runs.MissingPseudo.ExitCode);
        Assert.NotNull(output.Error);
        Assert.StartsWith("Error in routine", output.Error);
        Assert.Contains("Missing.UPF", File.ReadAllText(runs.MissingPseudo.OutputFile));
        Assert.True(File.Exists(Path.Combine(runs.MissingPseudo.Folder, "CRASH")));
    }

    [Theory]
    [InlineData("steps-used-up")]
    [InlineData("converged")]
    public void AseReadsTheSameEnergiesForcesStressAndStructures(string name)
    {
        var run = name == "converged" ? runs.Converged : runs.StepsUsedUp;
        var output = Parse(run);
        var numbers = AsePython.RunNumbers($"""
            import ase.io
            for a in ase.io.read({Quote(run.OutputFile)}, index=':', format='espresso-out'):
                print(a.get_potential_energy(), *a.get_forces().ravel(), *a.get_stress(voigt=False).ravel(), *a.cell.array.ravel(), *a.get_scaled_positions(wrap=False).ravel())
            """);
        const int perImage = 1 + 6 + 9 + 9 + 6;
        var images = numbers.Chunk(perImage).ToArray();
        // ASE lists the final SCF of a converged run as one more image.
        Assert.Equal(output.Steps.Count + (output.BfgsConverged ? 1 : 0), images.Length);
        for (var i = 0; i < output.Steps.Count; i++)
        {
            var ours = output.Steps[i].ToResult();
            var ase = images[i];
            // ASE's reader uses CODATA 2006 as pw.x does, its Bohr derived from other constants: agreement to 1e-9 relative.
            Assert.Equal(ase[0], ours.Energy, Math.Abs(ase[0]) * 1e-9);
            for (var k = 0; k < 6; k++) Assert.Equal(ase[1 + k], ours.Forces[k], 1e-9);
            for (var k = 0; k < 9; k++) Assert.Equal(ase[7 + k], ours.Stress[k], 1e-9);
            if (i == 0) continue;
            var structure = output.Structures[i - 1];
            for (var k = 0; k < 9; k++) Assert.Equal(ase[16 + k], structure.Lattice[k / 3][k % 3], 1e-8);
            // Ours wrap into [0, 1).
            for (var k = 0; k < 6; k++) Assert.Equal(0, Math.IEEERemainder(ase[25 + k] - structure.Fractional[k / 3][k % 3], 1), 1e-9);
        }
        if (output.BfgsConverged) Assert.Equal(images[^1][0], output.FinalEnergyRy!.Value * QeUnits.EvPerRydberg, Math.Abs(images[^1][0]) * 1e-9);
    }

    [Theory]
    [InlineData("Forces acting on atoms", 3, "forces block")]
    [InlineData("total   stress", 2, "stress block")]
    [InlineData("CELL_PARAMETERS", 2, "CELL_PARAMETERS block")]
    [InlineData("ATOMIC_POSITIONS", 1, "ATOMIC_POSITIONS block")]
    public void AnOutputCutInsideABlockNamesTheBlockAndTheLastLine(string header, int linesKept, string block)
    {
        var lines = runs.StepsUsedUp.Lines;
        var second = lines.Select((l, i) => (l, i)).Where(x => x.l.Contains(header, StringComparison.Ordinal)).ElementAt(1).i;
        var cut = lines.Take(second + linesKept).ToArray();

        var e = Assert.Throws<PwOutputException>(() => PwOutputParser.Parse(cut, 2, "pw.out"));

        Assert.Equal($"pw.out line {cut.Length}: the output ends inside the {block}", e.Message);
    }

    [Fact]
    public void AnOutputCutAfterAnEnergyLineSaysTheStepHasNoForces()
    {
        var lines = runs.StepsUsedUp.Lines;
        var energy = Array.FindLastIndex(lines, l => l.StartsWith("!    total energy", StringComparison.Ordinal));

        var e = Assert.Throws<PwOutputException>(() => PwOutputParser.Parse(lines.Take(energy + 3).ToArray(), 2, "pw.out"));

        Assert.Equal($"pw.out line {energy + 1}: the energy of this step has no forces after it", e.Message);
    }

    [Fact]
    public void ANumberPwxCouldNotPrintIsAnErrorNamingItsLine()
    {
        var lines = runs.StepsUsedUp.Lines;
        var force = Array.FindIndex(lines, l => l.Contains("force =", StringComparison.Ordinal));
        lines[force] = lines[force][..lines[force].IndexOf('=')] + "=    0.1  **************   0.3";

        var e = Assert.Throws<PwOutputException>(() => PwOutputParser.Parse(lines, 2, "pw.out"));

        Assert.StartsWith($"pw.out line {force + 1}: expected 3 numbers, got \"atom", e.Message);
    }

    [Fact]
    public void ForcesAndStressConvertWithTheConstantsOfPwx()
    {
        var step = new PwStep(-1.5, [1, 0, -2, 0, 0, 0], [1, 0, 0, 0, 2, 0, 0, 0, -3]);

        var result = step.ToResult();

        // Modules/constants.f90 of QE 6.7: RYTOEV = HARTREE_SI / ELECTRONVOLT_SI / 2, BOHR_RADIUS_ANGS = 0.52917720859.
        Assert.Equal(-1.5 * 13.60569193, result.Energy, 1e-7);
        Assert.Equal(13.60569193 / 0.52917720859, result.Forces[0], 1e-7);
        Assert.Equal(-2 * 25.71103168, result.Forces[2], 1e-6);
        Assert.Equal(-13.60569193 / Math.Pow(0.52917720859, 3), result.Stress[0], 1e-6);
        Assert.Equal(3 * 91.8157615, result.Stress[8], 1e-5);
        Assert.Equal(1602.176487, QeUnits.KbarPerEvPerCubicAngstrom, 1e-9);
    }

    private static string Quote(string path) => $"'{path.Replace("'", "\\'")}'";
}
