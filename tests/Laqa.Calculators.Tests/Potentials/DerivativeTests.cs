using Laqa.Calculators.Potentials;
using Laqa.Crystal;
using Xunit;

namespace Laqa.Calculators.Tests.Potentials;

/// <summary>Forces against −dE/dr and stress against (1/V) dE/dε, both by central finite differences of the energy.</summary>
public class DerivativeTests
{
    private const double ForceTolerance = 1e-6;    // eV/Å
    private const double StressTolerance = 1e-7;   // eV/Å³

    private static IPotential Potential(string name) => name switch
    {
        "lj-plain" => new LennardJones(PotentialCases.ArgonNeon, LennardJonesForm.Plain),
        "lj-shifted" => new LennardJones(PotentialCases.ArgonNeon, LennardJonesForm.Shifted),
        "lj-shifted-force" => new LennardJones(PotentialCases.ArgonNeon, LennardJonesForm.ShiftedForce),
        "si-tersoff" or "si-sw" or "lj-airss" => (IPotential)PotentialPresets.Create(name),
        "Si.tersoff" => Tersoff.FromFile(PotentialCases.LammpsFile("Si.tersoff")),
        "GaN.tersoff" => Tersoff.FromFile(PotentialCases.LammpsFile("GaN.tersoff")),
        "GaN.sw" => StillingerWeber.FromFile(PotentialCases.LammpsFile("GaN.sw")),
        _ => throw new ArgumentException(name),
    };

    private static Structure[] Structures(string potential) => potential switch
    {
        "lj-airss" => [TestStructures.Random(31, 6, ["X"], 9, 1.9, maxAngleDeviation: 35), TestStructures.Random(32, 2, ["X"], 8, 1.9, maxAngleDeviation: 30)],
        "GaN.tersoff" or "GaN.sw" => PotentialCases.BinaryStructures("Ga", "N", 4.5, 13, 1.7),
        _ when potential.StartsWith("lj-", StringComparison.Ordinal) => PotentialCases.ArgonNeonStructures(),
        _ => PotentialCases.SiliconStructures(),
    };

    public static IEnumerable<object[]> Cases()
    {
        foreach (var name in new[] { "lj-plain", "lj-shifted", "lj-shifted-force", "lj-airss", "si-tersoff", "Si.tersoff", "GaN.tersoff", "si-sw", "GaN.sw" })
            for (var k = 0; k < Structures(name).Length; k++)
                yield return [name, k];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForcesAndStressAreEnergyDerivatives(string potential, int structureIndex)
    {
        var calculator = Potential(potential);
        var structure = Structures(potential)[structureIndex];
        var result = calculator.Calculate(structure);
        Assert.True(result.Succeeded, result.Failure);
        // A one-atom cell has zero forces by inversion symmetry; its stress is what is tested.
        Assert.True(result.MaxForce > 0.01 || structure.Count == 1, $"structure too close to equilibrium to test forces (max force {result.MaxForce})");
        Assert.True(result.MaxAbsStress > 1e-4, $"structure too close to equilibrium to test stress (max stress {result.MaxAbsStress})");

        var forces = FiniteDifference.Forces(calculator, structure);
        for (var i = 0; i < forces.Length; i++)
            Assert.True(Math.Abs(forces[i] - result.Forces[i]) < ForceTolerance,
                $"atom {i / 3} axis {i % 3}: force {result.Forces[i]:R}, finite difference {forces[i]:R}");
        var stress = FiniteDifference.Stress(calculator, structure);
        for (var i = 0; i < 9; i++)
            Assert.True(Math.Abs(stress[i] - result.Stress[i]) < StressTolerance,
                $"stress component {i}: {result.Stress[i]:R}, finite difference {stress[i]:R}");
    }
}
