using Laqa.Calculators.Potentials;
using Laqa.Calculators.Tests.Lammps;
using Xunit;

namespace Laqa.Calculators.Tests.Potentials;

/// <summary>Tersoff and Stillinger–Weber against LAMMPS's pair_style tersoff and sw, with the same parameter files.</summary>
public class ManyBodyLammpsTests
{
    [Fact]
    public void TersoffPresetMatchesLammpsSiCGeSiC()
    {
        var structures = PotentialCases.SiliconStructures();
        var reference = LammpsReference.Run(structures,
            new LammpsSetup(["Si"], $"pair_style tersoff\npair_coeff * * {PotentialCases.LammpsFile("SiCGe.tersoff")} Si(C)"));
        var tersoff = PotentialPresets.Create("si-tersoff");
        for (var k = 0; k < structures.Length; k++)
            PotentialAssert.Matches(reference[k], tersoff.Calculate(structures[k]), structures[k].Count);
    }

    [Theory]
    [InlineData("Si.tersoff", "tersoff", "Si", "Si", 5.43, 17, 2.15)]          // Tersoff 1988 Si(B): m = 3, λ3 ≠ 0
    [InlineData("SiC.tersoff", "tersoff", "Si", "C", 4.36, 12, 1.6)]            // two elements, mixed cut-offs
    [InlineData("GaN.tersoff", "tersoff", "Ga", "N", 4.5, 13, 1.7)]             // m = 1 with λ3 ≠ 0
    [InlineData("Si.sw", "sw", "Si", "Si", 5.43, 17, 2.15)]
    [InlineData("GaN.sw", "sw", "Ga", "N", 4.5, 13, 1.7)]                       // two elements, cross entries with σ = 0
    public void FileReadLikeLammpsGivesLammpsResults(string file, string style, string first, string second, double a, double volumePerAtom, double minDistance)
    {
        var path = PotentialCases.LammpsFile(file);
        IPotential potential = style == "tersoff" ? Tersoff.FromFile(path) : StillingerWeber.FromFile(path);
        var structures = first == second
            ? PotentialCases.SiliconStructures(first)
            : PotentialCases.BinaryStructures(first, second, a, volumePerAtom, minDistance);
        string[] types = first == second ? [first] : [first, second];
        var reference = LammpsReference.Run(structures,
            new LammpsSetup(types, $"pair_style {style}\npair_coeff * * {path} {string.Join(" ", types)}"));
        for (var k = 0; k < structures.Length; k++)
            PotentialAssert.Matches(reference[k], potential.Calculate(structures[k]), structures[k].Count);
    }

    [Fact]
    public void StillingerWeberPresetMatchesLammpsSiSw()
    {
        var structures = PotentialCases.SiliconStructures();
        var reference = LammpsReference.Run(structures,
            new LammpsSetup(["Si"], $"pair_style sw\npair_coeff * * {PotentialCases.LammpsFile("Si.sw")} Si"));
        var sw = PotentialPresets.Create("si-sw");
        for (var k = 0; k < structures.Length; k++)
            PotentialAssert.Matches(reference[k], sw.Calculate(structures[k]), structures[k].Count);
    }
}
