using Laqa.Calculators.Potentials;
using Laqa.Calculators.Tests.Lammps;
using Laqa.Crystal;
using Xunit;

namespace Laqa.Calculators.Tests.Potentials;

public class LennardJonesLammpsTests
{
    private static readonly LennardJonesPair[] ArgonNeon =
    [
        new("Ar", "Ar", 0.0104, 3.40, 8.5),
        new("Ar", "Ne", 0.0062, 3.10, 7.0),
        new("Ne", "Ne", 0.0031, 2.75, 6.9),
    ];

    private static string PairCoefficients(string style) =>
        $"pair_style {style} 8.5\n" + string.Join("\n", ArgonNeon.Select(p =>
        {
            int a = p.SpeciesA == "Ar" ? 1 : 2, b = p.SpeciesB == "Ar" ? 1 : 2;
            return FormattableString.Invariant($"pair_coeff {Math.Min(a, b)} {Math.Max(a, b)} {p.Epsilon:R} {p.Sigma:R} {p.Cutoff:R}");
        }));

    public static IEnumerable<object[]> Forms() =>
    [
        [LennardJonesForm.Plain, PairCoefficients("lj/cut")],
        [LennardJonesForm.Shifted, PairCoefficients("lj/cut") + "\npair_modify shift yes"],
        [LennardJonesForm.ShiftedForce, PairCoefficients("lj/smooth/linear")],
    ];

    private static IReadOnlyList<Structure> Structures() =>
    [
        TestStructures.Random(1, 7, ["Ar", "Ne"], 30, 2.6),
        TestStructures.Random(2, 3, ["Ar", "Ne"], 25, 2.6, maxAngleDeviation: 35),   // cell far smaller than the cut-off
        TestStructures.Skewed(TestStructures.Random(3, 5, ["Ar", "Ne"], 28, 2.7)),
    ];

    [Theory]
    [MemberData(nameof(Forms))]
    public void EnergyForcesAndStressMatchLammps(LennardJonesForm form, string commands)
    {
        var structures = Structures();
        var lj = new LennardJones(ArgonNeon, form);
        var reference = LammpsReference.Run(structures, new LammpsSetup(["Ar", "Ne"], commands));
        for (var k = 0; k < structures.Count; k++)
            PotentialAssert.Matches(reference[k], lj.Calculate(structures[k]), structures[k].Count);
    }
}
