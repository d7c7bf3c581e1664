using Laqa.Calculators.Potentials;
using Laqa.Calculators.Tests.Lammps;
using Laqa.Crystal;

namespace Laqa.Calculators.Tests.Potentials;

/// <summary>The potentials under test, with their LAMMPS equivalents, and the structures they are tested on.</summary>
public static class PotentialCases
{
    public static string LammpsFile(string name) => Path.Combine(LammpsReference.PotentialDirectory, name);

    public static readonly LennardJonesPair[] ArgonNeon =
    [
        new("Ar", "Ar", 0.0104, 3.40, 8.5),
        new("Ar", "Ne", 0.0062, 3.10, 7.0),
        new("Ne", "Ne", 0.0031, 2.75, 6.9),
    ];

    /// <summary>pair_coeff lines for <see cref="ArgonNeon"/>, Ar = type 1, Ne = type 2.</summary>
    public static string ArgonNeonLammps(string style) =>
        $"pair_style {style} 8.5\n" + string.Join("\n", ArgonNeon.Select(p =>
        {
            int a = p.SpeciesA == "Ar" ? 1 : 2, b = p.SpeciesB == "Ar" ? 1 : 2;
            return FormattableString.Invariant($"pair_coeff {Math.Min(a, b)} {Math.Max(a, b)} {p.Epsilon:R} {p.Sigma:R} {p.Cutoff:R}");
        }));

    public static Structure[] ArgonNeonStructures() =>
    [
        TestStructures.Random(1, 7, ["Ar", "Ne"], 30, 2.6),
        TestStructures.Random(2, 3, ["Ar", "Ne"], 25, 2.6, maxAngleDeviation: 35),   // cell far smaller than the cut-off
        TestStructures.Skewed(TestStructures.Random(3, 5, ["Ar", "Ne"], 28, 2.7)),
    ];

    /// <summary>Silicon: a rattled and strained diamond cell, its strongly skewed equivalent, a random dense cell, and 1- and 2-atom cells smaller than the cut-off.</summary>
    public static Structure[] SiliconStructures(string species = "Si")
    {
        var rattled = TestStructures.Rattled(TestStructures.Diamond(5.43, species), 11, 0.2, 0.06);
        return
        [
            rattled,
            TestStructures.Skewed(rattled),
            TestStructures.Random(12, 8, [species], 17, 2.15, maxAngleDeviation: 30),
            TestStructures.Random(13, 2, [species], 14, 2.2, maxAngleDeviation: 35),
            TestStructures.Random(14, 1, [species], 13, 2.3, maxAngleDeviation: 20),
        ];
    }

    /// <summary>Two-species cells: a rattled zinc-blende cell of the pair and random cells.</summary>
    public static Structure[] BinaryStructures(string first, string second, double a, double volumePerAtom, double minDistance)
    {
        var diamond = TestStructures.Diamond(a);
        var zincBlende = new Structure(diamond.Lattice, Enumerable.Range(0, 8).Select(i => i < 4 ? first : second), diamond.Fractional);
        return
        [
            TestStructures.Rattled(zincBlende, 21, 0.15, 0.05),
            TestStructures.Random(22, 8, [first, second], volumePerAtom, minDistance, maxAngleDeviation: 35),
            TestStructures.Random(23, 3, [first, second, second], volumePerAtom, minDistance, maxAngleDeviation: 30),
        ];
    }
}
