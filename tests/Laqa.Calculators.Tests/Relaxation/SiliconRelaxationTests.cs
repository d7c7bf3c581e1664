using Xunit;
using Laqa.Calculators.Potentials;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal.Spglib;
using PotentialStructures = Laqa.Calculators.Tests.Potentials.TestStructures;

namespace Laqa.Calculators.Tests.Relaxation;

public class SiliconRelaxationTests
{
    [Theory]
    [InlineData("fire", 11)]
    [InlineData("bfgs", 12)]
    public void PerturbedStrainedDiamondRelaxesBackWithTersoff(string algorithm, int seed)
    {
        var tersoff = PotentialPresets.Create("si-tersoff");
        var start = TestStructures.Perturbed(PotentialStructures.Diamond(5.432), TestStructures.ShearAndStretch, 0.1, seed);
        var batch = Relaxers.Create(algorithm, tersoff, new RelaxationOptions { Fmax = 1e-3, Smax = 1e-5 }).Advance(RelaxationState.Start(start), 2000);

        Assert.Equal(RelaxationOutcome.Converged, batch.Outcome);
        // LAMMPS with the Si(C) entry of SiCGe.tersoff (the preset's T3 set): −4.629726 eV/atom at a = 5.432 Å.
        // (LAMMPS's Si.tersoff holds the other, Si(B) set of Tersoff 1988, whose diamond is at −4.6304.)
        Assert.Equal(-4.629726, batch.Steps[^1].EnergyPerAtom, 1e-5);

        // A second path to the minimum: golden section on the energy of ideal diamond against its lattice constant.
        double Energy(double a) => tersoff.Calculate(PotentialStructures.Diamond(a)).Energy / 8;
        double lo = 5.3, hi = 5.6, golden = (Math.Sqrt(5) - 1) / 2;
        for (var k = 0; k < 80; k++)
        {
            double x1 = hi - golden * (hi - lo), x2 = lo + golden * (hi - lo);
            if (Energy(x1) < Energy(x2)) hi = x2; else lo = x1;
        }
        var a0 = 0.5 * (lo + hi);
        Assert.Equal(Energy(a0), batch.Steps[^1].EnergyPerAtom, 1e-7);
        Assert.Equal(a0 * a0 * a0, batch.Next.Structure.Lattice.Volume, 1e-2);

        var symmetry = SymmetryAnalyzer.Analyze(batch.Next.Structure, symprec: 1e-3);
        Assert.Equal(227, symmetry.SpaceGroupNumber);
        Assert.Equal("Fd-3m", symmetry.InternationalSymbol);
        Assert.Equal(2, symmetry.PrimitiveCount);
    }
}
