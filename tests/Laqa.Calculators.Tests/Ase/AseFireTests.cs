using System.Globalization;
using Laqa.Calculators.Ase;
using Laqa.Calculators.Relaxation;
using Laqa.Calculators.Tests.Relaxation;
using Laqa.Crystal;
using Xunit;

namespace Laqa.Calculators.Tests.Ase;

/// <summary>
/// Our FIRE driving EMT through the bridge against ASE's own FIRE on EMT in one Python process:
/// with the cell factor set to 1 our log-strain coordinates are those of ASE's ExpCellFilter, so
/// every step's energy, the final cell and positions must agree.
/// </summary>
public class AseFireTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    public void OurFireThroughTheBridgeTakesAsesFireSteps(double pressureGpa)
    {
        const int steps = 30;
        var pressure = PressureUnits.FromGPa(pressureGpa);
        var start = AseBridge.PerturbedCopper();
        var options = new RelaxationOptions { Fmax = 1e-12, Smax = 1e-12, Pressure = pressure, CellFactor = 1.0 };
        using var calculator = new AseCalculator(AseBridge.Emt);
        // Two batches: the second continues from the packed optimizer state, as a campaign does.
        var relaxer = new FireRelaxer(calculator, options);
        var first = relaxer.Advance(RelaxationState.Start(start), steps / 2);
        var second = relaxer.Advance(first.Next, steps - steps / 2);
        var energies = first.Steps.Concat(second.Steps).Select(s => s.Energy).ToList();
        Assert.Equal(steps, energies.Count);

        var ase = AsePython.RunNumbers(AsePython.AtomsLiteral(start) + string.Create(CultureInfo.InvariantCulture, $"""
            from ase.calculators.emt import EMT
            from ase.constraints import ExpCellFilter
            from ase.optimize import FIRE
            atoms.calc = EMT()
            optimizer = FIRE(ExpCellFilter(atoms, scalar_pressure={pressure:R}), logfile=None)
            for _ in range({steps}):
                print(repr(atoms.get_potential_energy()))
                optimizer.step()
            print(' '.join(repr(x) for x in atoms.cell[:].ravel()))
            print(' '.join(repr(x) for x in atoms.get_scaled_positions(wrap=True).ravel()))

            """));
        for (var k = 0; k < steps; k++) Assert.Equal(ase[k], energies[k], 1e-9);
        var end = second.Next.Structure;
        for (var i = 0; i < 3; i++)
        for (var j = 0; j < 3; j++)
            Assert.Equal(ase[steps + 3 * i + j], end.Lattice[i][j], 1e-9);
        for (var i = 0; i < end.Count; i++)
        for (var j = 0; j < 3; j++)
        {
            var difference = ase[steps + 9 + 3 * i + j] - end.Fractional[i][j];
            Assert.Equal(0.0, difference - Math.Round(difference), 1e-9);
        }
        Assert.True(energies[0] - energies[^1] > 0.05, $"the steps should go somewhere: {energies[0]} → {energies[^1]}");
    }
}
