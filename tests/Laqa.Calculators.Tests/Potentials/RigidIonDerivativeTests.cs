using Laqa.Calculators.Potentials;
using Xunit;

namespace Laqa.Calculators.Tests.Potentials;

/// <summary>Rigid-ion forces against −dE/dr and stress against (1/V) dE/dε, by central finite differences.</summary>
public class RigidIonDerivativeTests
{
    private const double ForceTolerance = 1e-6;    // eV/Å
    private const double StressTolerance = 1e-7;   // eV/Å³

    [Theory]
    [MemberData(nameof(RigidIonCases.All), MemberType = typeof(RigidIonCases))]
    public void ForcesAreMinusTheEnergyGradient(string preset, int structureIndex)
    {
        // Moving atoms leaves V, hence the automatically chosen Ewald parameters, unchanged.
        var calculator = new RigidIonCalculator(RigidIonCases.Potential(preset));
        var structure = RigidIonCases.Structures(preset)[structureIndex];
        var result = calculator.Calculate(structure);
        Assert.True(result.Succeeded, result.Failure);

        var forces = FiniteDifference.Forces(calculator, structure);
        for (var i = 0; i < forces.Length; i++)
            Assert.True(Math.Abs(forces[i] - result.Forces[i]) < ForceTolerance,
                $"atom {i / 3} axis {i % 3}: force {result.Forces[i]:R}, finite difference {forces[i]:R}");
    }

    [Theory]
    [MemberData(nameof(RigidIonCases.All), MemberType = typeof(RigidIonCases))]
    public void StressIsTheStrainDerivativeOfTheEnergy(string preset, int structureIndex)
    {
        // Strain changes V and with it the automatic α and cut-offs, which would move the energy by up to
        // the Ewald accuracy between the two sides of a difference; fixed, tight parameters keep E(ε) smooth.
        var potential = RigidIonCases.Potential(preset);
        var structure = RigidIonCases.Structures(preset)[structureIndex];
        var calculator = new RigidIonCalculator(potential, RigidIonCases.Reference(potential, structure));
        var result = calculator.Calculate(structure);
        Assert.True(result.Succeeded, result.Failure);
        Assert.True(result.MaxAbsStress > 1e-3, $"stress too small to test ({result.MaxAbsStress})");

        var stress = FiniteDifference.Stress(calculator, structure);
        for (var i = 0; i < 9; i++)
            Assert.True(Math.Abs(stress[i] - result.Stress[i]) < StressTolerance,
                $"stress component {i}: {result.Stress[i]:R}, finite difference {stress[i]:R}");
    }
}
