using Xunit;
using System.Globalization;
using Laqa.Calculators.Tests.Potentials;
using Laqa.Crystal;

namespace Laqa.Calculators.Tests.Relaxation;

/// <summary>The relaxer tests' fixture is itself checked: against ASE's LennardJones(smooth=True) and finite differences.</summary>
public class SmoothLennardJonesTests
{
    private static readonly SmoothLennardJones Potential = new(epsilon: 1.0, sigma: 2.0, onset: 3.0, cutoff: 4.5);

    private static Structure Skewed() =>
        TestStructures.Perturbed(TestStructures.Fcc(3.3), TestStructures.ShearAndStretch, 0.3, seed: 7);

    [Fact]
    public void MatchesAseEnergyForcesAndStress()
    {
        var structure = Skewed();
        var ours = Potential.Calculate(structure);
        var script = AsePython.AtomsLiteral(structure) + string.Create(CultureInfo.InvariantCulture, $"""
            from ase.calculators.lj import LennardJones
            from ase.stress import voigt_6_to_full_3x3_stress
            atoms.calc = LennardJones(epsilon={Potential.Epsilon}, sigma={Potential.Sigma}, ro={Potential.Onset}, rc={Potential.Cutoff}, smooth=True)
            print(repr(atoms.get_potential_energy()))
            print(' '.join(repr(x) for x in atoms.get_forces().ravel()))
            print(' '.join(repr(x) for x in voigt_6_to_full_3x3_stress(atoms.get_stress()).ravel()))

            """);
        var ase = AsePython.RunNumbers(script);
        Assert.Equal(ase[0], ours.Energy, 1e-10);
        for (var k = 0; k < ours.Forces.Length; k++) Assert.Equal(ase[1 + k], ours.Forces[k], 1e-10);
        for (var k = 0; k < 9; k++) Assert.Equal(ase[1 + ours.Forces.Length + k], ours.Stress[k], 1e-10);
    }

    [Fact]
    public void ForcesAndStressAreEnergyDerivatives()
    {
        var structure = Skewed();
        var result = Potential.Calculate(structure);
        const double h = 1e-5;
        var forces = FiniteDifference.Forces(Potential, structure, h);
        for (var k = 0; k < forces.Length; k++) Assert.Equal(forces[k], result.Forces[k], 1e-6);
        // All nine components of a general deformation, not only the symmetric strains of FiniteDifference.Stress.
        for (var a = 0; a < 3; a++)
        for (var b = 0; b < 3; b++)
        {
            double Energy(double shift)
            {
                var deformation = new double[3, 3];
                for (var k = 0; k < 3; k++) deformation[k, k] = 1;
                deformation[a, b] += shift;
                return Potential.Calculate(structure.WithLattice(structure.Lattice.Deformed(deformation))).Energy;
            }
            var derivative = (Energy(h) - Energy(-h)) / (2 * h);
            Assert.Equal(derivative / structure.Lattice.Volume, result.Stress[3 * a + b], 1e-7);
        }
    }
}
