using Laqa.Crystal;

namespace Laqa.Calculators.Tests.Potentials;

/// <summary>Central finite differences of the energy: the independent reference for forces and stress.</summary>
public static class FiniteDifference
{
    /// <summary>−dE/dr for every atom and axis (eV/Å), flattened like <see cref="CalculationResult.Forces"/>.</summary>
    public static double[] Forces(ICalculator calculator, Structure structure, double step = 1e-5)
    {
        var forces = new double[3 * structure.Count];
        var cartesian = structure.Cartesian();
        for (var i = 0; i < structure.Count; i++)
        for (var a = 0; a < 3; a++)
        {
            double Energy(double shift)
            {
                var moved = (Vec3[])cartesian.Clone();
                moved[i] += new Vec3(a == 0 ? shift : 0, a == 1 ? shift : 0, a == 2 ? shift : 0);
                return EnergyOf(calculator, Structure.FromCartesian(structure.Lattice, structure.Species, moved));
            }
            forces[3 * i + a] = -(Energy(step) - Energy(-step)) / (2 * step);
        }
        return forces;
    }

    /// <summary>σ_ab = (1/V) dE/dε_ab under the symmetric strain ε with atoms fixed in fractional coordinates (eV/Å³).</summary>
    public static double[] Stress(ICalculator calculator, Structure structure, double step = 1e-5)
    {
        var stress = new double[9];
        for (var a = 0; a < 3; a++)
        for (var b = a; b < 3; b++)
        {
            double Energy(double strain)
            {
                var f = new double[3, 3];
                for (var k = 0; k < 3; k++) f[k, k] = 1;
                f[a, b] += a == b ? strain : strain / 2;
                if (a != b) f[b, a] += strain / 2;
                return EnergyOf(calculator, structure.WithLattice(structure.Lattice.Deformed(f)));
            }
            stress[3 * a + b] = stress[3 * b + a] = (Energy(step) - Energy(-step)) / (2 * step) / structure.Lattice.Volume;
        }
        return stress;
    }

    private static double EnergyOf(ICalculator calculator, Structure structure)
    {
        var result = calculator.Calculate(structure);
        if (!result.Succeeded) throw new InvalidOperationException(result.Failure);
        return result.Energy;
    }
}
