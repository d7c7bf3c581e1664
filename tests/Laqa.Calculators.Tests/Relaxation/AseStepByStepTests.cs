using System.Globalization;
using Xunit;
using Laqa.Calculators.Relaxation;

namespace Laqa.Calculators.Tests.Relaxation;

/// <summary>
/// With the cell factor set to 1, our log-strain coordinates are those of ASE's ExpCellFilter, so
/// ASE's own FIRE and BFGS on ASE's own LennardJones must take the same steps: same energies, same
/// final cell and positions.
/// </summary>
public class AseStepByStepTests
{
    [Theory]
    [InlineData("fire", 0.0)]
    [InlineData("fire", 0.02)]
    [InlineData("bfgs", 0.0)]
    [InlineData("bfgs", 0.02)]
    public void TakesTheSameStepsAsAse(string algorithm, double pressure)
    {
        const int steps = 25;
        var lj = new SmoothLennardJones(epsilon: 1.0, sigma: 2.0, onset: 3.5, cutoff: 5.0);
        var start = TestStructures.Perturbed(TestStructures.Fcc(3.4), TestStructures.ShearAndStretch, 0.15, seed: 8);
        var options = new RelaxationOptions { Fmax = 1e-12, Smax = 1e-12, Pressure = pressure, CellFactor = 1.0 };
        var ours = Relaxers.Create(algorithm, lj, options).Advance(RelaxationState.Start(start), steps);
        Assert.Equal(steps, ours.Steps.Count);

        var script = AsePython.AtomsLiteral(start) + string.Create(CultureInfo.InvariantCulture, $"""
            from ase.calculators.lj import LennardJones
            from ase.constraints import ExpCellFilter
            from ase.optimize import {Relaxers.AseClass(algorithm)} as Optimizer
            atoms.calc = LennardJones(epsilon={lj.Epsilon}, sigma={lj.Sigma}, ro={lj.Onset}, rc={lj.Cutoff}, smooth=True)
            cell_filter = ExpCellFilter(atoms, scalar_pressure={pressure:R})
            optimizer = Optimizer(cell_filter, logfile=None)
            for _ in range({steps}):
                print(repr(atoms.get_potential_energy()))
                optimizer.step()
            print(' '.join(repr(x) for x in atoms.cell[:].ravel()))
            print(' '.join(repr(x) for x in atoms.get_scaled_positions(wrap=True).ravel()))

            """);
        var ase = AsePython.RunNumbers(script);
        for (var k = 0; k < steps; k++) Assert.Equal(ase[k], ours.Steps[k].Energy, 1e-9);
        var lattice = ours.Next.Structure.Lattice;
        for (var i = 0; i < 3; i++)
        for (var j = 0; j < 3; j++)
            Assert.Equal(ase[steps + 3 * i + j], lattice[i][j], 1e-9);
        for (var i = 0; i < ours.Next.Structure.Count; i++)
        for (var j = 0; j < 3; j++)
        {
            var difference = ase[steps + 9 + 3 * i + j] - ours.Next.Structure.Fractional[i][j];
            Assert.Equal(0.0, difference - Math.Round(difference), 1e-9);
        }
        Assert.True(ours.Steps[0].Energy - ours.Steps[^1].Energy > 0.1, "the steps should go somewhere");
    }
}
