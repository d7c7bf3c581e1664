using Laqa.Calculators.Tests.Lammps;
using Xunit;

namespace Laqa.Calculators.Tests.Potentials;

/// <summary>Agreement with LAMMPS to the tolerances the potentials promise.</summary>
public static class PotentialAssert
{
    public const double EnergyPerAtomTolerance = 1e-6;   // eV/atom
    public const double ForceTolerance = 1e-5;           // eV/Å
    public const double StressTolerance = 1e-6;          // eV/Å³

    public static void Matches(LammpsResult expected, CalculationResult actual, int atoms)
    {
        Assert.True(actual.Succeeded, actual.Failure);
        Assert.True(Math.Abs(expected.Energy - actual.Energy) / atoms < EnergyPerAtomTolerance,
            $"energy {actual.Energy:R} eV, LAMMPS {expected.Energy:R} eV");
        for (var i = 0; i < expected.Forces.Length; i++)
            Assert.True(Math.Abs(expected.Forces[i] - actual.Forces[i]) < ForceTolerance,
                $"force component {i}: {actual.Forces[i]:R}, LAMMPS {expected.Forces[i]:R}");
        for (var i = 0; i < 9; i++)
            Assert.True(Math.Abs(expected.Stress[i] - actual.Stress[i]) < StressTolerance,
                $"stress component {i}: {actual.Stress[i]:R}, LAMMPS {expected.Stress[i]:R}");
    }
}
