using Laqa.Calculators.Potentials;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Crystal.Generation;
using Xunit;

namespace Laqa.Calculators.Tests.Potentials;

/// <summary>The Buckingham catastrophe of rigid ions: found where the bare pair energy peaks, refused by the calculator, never followed by a relaxation.</summary>
public class CoulombCollapseTests
{
    public static TheoryData<string, string, string> CollapsingPairs => new()
    {
        { "al2o3-bush", "Al", "O" },
        { "al2o3-bush", "O", "O" },
        { "nacl-bmh", "Na", "Cl" },
        { "nacl-bmh", "Cl", "Cl" },
    };

    private static RigidIonPotential Potential(string preset) =>
        preset == "al2o3-bush" ? RigidIonPresets.Al2O3BushPotential : RigidIonPresets.NaClTosiFumiPotential;

    [Theory]
    [MemberData(nameof(CollapsingPairs))]
    public void BarrierIsTheMaximumOfTheBarePairEnergy(string preset, string first, string second)
    {
        var potential = Potential(preset);
        potential.TryGetPair(first, second, out var pair);
        var chargeProduct = potential.Charges[first] * potential.Charges[second];
        double BareEnergy(double r) => pair.Energy(r, out _) + EwaldSummation.CoulombConstant * chargeProduct / r;

        // The energy's highest point on a grid, refined by golden section: a second way to the barrier.
        var grid = Enumerable.Range(1, 3000).Select(k => 0.01 + 0.001 * k).MaxBy(BareEnergy);
        var (peak, _) = GoldenSection.Minimise(r => -BareEnergy(r), grid - 0.001, grid + 0.001, 1e-10);
        Assert.Equal(peak, potential.CollapseDistance(first, second), 1e-6);
        Assert.True(BareEnergy(0.5 * peak) < BareEnergy(peak) && BareEnergy(1.5 * peak) < BareEnergy(peak));
    }

    [Fact]
    public void LikeChargesWithoutDispersionNeverCollapse()
    {
        var repulsive = ShortRangePair.Buckingham(1000, 0.3, 0);
        Assert.Equal(0.0, CoulombCollapse.BarrierDistance(repulsive, chargeProduct: 4, maxDistance: 10));
    }

    [Fact]
    public void PairInsideItsBarrierFailsNamingItAndOneOutsideIsComputed()
    {
        var calculator = RigidIonPresets.Al2O3Bush();
        var barrier = RigidIonPresets.Al2O3BushPotential.CollapseDistance("Al", "O");
        Structure Cell(double alO)
        {
            var box = Lattice.Cubic(12);
            Vec3[] cartesian = [new(2, 2, 2), new(8, 8, 8), new(2 + alO, 2, 2), new(8, 5, 8), new(5, 8, 2)];
            return Structure.FromCartesian(box, ["Al", "Al", "O", "O", "O"], cartesian);
        }

        var inside = calculator.Calculate(Cell(0.9 * barrier));
        Assert.False(inside.Succeeded);
        Assert.Contains("(Al) and 2 (O)", inside.Failure);
        Assert.Contains("Buckingham", inside.Failure);

        var outside = calculator.Calculate(Cell(1.1 * barrier));
        Assert.True(outside.Succeeded, outside.Failure);
        Assert.True(double.IsFinite(outside.Energy));
    }

    [Fact]
    public void RandomAluminaStartsEndConvergedOrFailedNeverCollapsed()
    {
        var calculator = RigidIonPresets.Al2O3Bush();
        var corundum = calculator.Calculate(IonicStructures.Corundum()).Energy / 10;
        // The primitive cells (the generator's former default) this set of starts was chosen with.
        var generator = new StructureGenerator(GenerationRequest.Default(Composition.Parse("Al4O6"), SpaceGroupSelection.All) with { Primitive = true }, seed: 7);
        var relaxer = new FireRelaxer(calculator, new RelaxationOptions { Fmax = 0.05, Smax = 1e-3 });
        var outcomes = new List<RelaxationOutcome>();
        for (var i = 0; i < 12; i++)
        {
            var batch = relaxer.Advance(RelaxationState.Start(generator.Generate(i).Structure), 600);
            outcomes.Add(batch.Outcome);
            if (batch.Outcome == RelaxationOutcome.Failed) Assert.False(string.IsNullOrWhiteSpace(batch.FailureReason));
            // No rigid-ion Al4O6 lies eV per atom below corundum: lower means the ions fell into each other.
            Assert.All(batch.Steps, s => Assert.True(s.EnergyPerAtom > corundum - 1.0, $"structure {i}: {s.EnergyPerAtom} eV/atom"));
        }
        Assert.Contains(RelaxationOutcome.Converged, outcomes);
    }
}
