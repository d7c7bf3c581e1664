using Xunit;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal;

namespace Laqa.Calculators.Tests.Relaxation;

/// <summary>Bad starting geometries and bad calculators end Converged or Failed with a reason: never an exception, never a NaN.</summary>
public class RelaxerRobustnessTests
{
    private static readonly SmoothLennardJones Lj = new(epsilon: 1.0, sigma: 2.0, onset: 3.5, cutoff: 5.0);

    private static void AssertEndedCleanly(RelaxationBatch batch)
    {
        Assert.NotEqual(RelaxationOutcome.Running, batch.Outcome);
        if (batch.Outcome == RelaxationOutcome.Failed) Assert.False(string.IsNullOrWhiteSpace(batch.FailureReason));
        AssertFinite(batch);
    }

    private static void AssertFinite(RelaxationBatch batch)
    {
        foreach (var s in batch.Steps)
            Assert.All(new[] { s.Energy, s.EnergyPerAtom, s.MaxForce, s.MeanForceNorm, s.MaxAbsStress, s.MeanAbsStress, s.Volume, s.Pressure },
                x => Assert.True(double.IsFinite(x)));
        Assert.All(batch.Next.Optimizer.Values, x => Assert.True(double.IsFinite(x)));
        var lattice = batch.Next.Structure.Lattice;
        Assert.True(double.IsFinite(lattice.Volume) && lattice.Volume > 0);
    }

    [Theory]
    [InlineData("fire", 1e-3)]
    [InlineData("fire", 1e-6)]
    [InlineData("bfgs", 1e-3)]
    [InlineData("bfgs", 1e-6)]
    public void TwoAtomsAlmostOnTopOfEachOther(string algorithm, double separation)
    {
        var fcc = TestStructures.Fcc(3.2);
        var crowded = Structure.FromCartesian(fcc.Lattice, fcc.Species,
            fcc.Cartesian().Select((r, i) => i == 1 ? fcc.CartesianOf(0) + new Vec3(separation, 0, 0) : r));
        var batch = Relaxers.Create(algorithm, Lj).Advance(RelaxationState.Start(crowded), 3000);
        AssertEndedCleanly(batch);
        Assert.True(batch.Steps[0].Energy > 1e20, "the start should really be overlapping");
    }

    [Theory]
    [InlineData("fire")]
    [InlineData("bfgs")]
    public void AtomsExactlyOnTopOfEachOtherFailWithAReason(string algorithm)
    {
        var fcc = TestStructures.Fcc(3.2);
        var overlapping = fcc.WithFractional(fcc.Fractional.Select((f, i) => i == 1 ? fcc.Fractional[0] : f));
        var batch = Relaxers.Create(algorithm, Lj).Advance(RelaxationState.Start(overlapping), 100);
        Assert.Equal(RelaxationOutcome.Failed, batch.Outcome);
        Assert.Contains("energy is NaN", batch.FailureReason);
        Assert.Empty(batch.Steps);
    }

    [Theory]
    [InlineData("fire", 0.3)]
    [InlineData("fire", 0.6)]
    [InlineData("fire", 1.6)]
    [InlineData("fire", 10.0)]
    [InlineData("bfgs", 0.3)]
    [InlineData("bfgs", 0.6)]
    [InlineData("bfgs", 1.6)]
    [InlineData("bfgs", 10.0)]
    public void TinyAndHugeCells(string algorithm, double scale)
    {
        var start = TestStructures.Perturbed(TestStructures.Fcc(3.17 * scale), TestStructures.ShearAndStretch, 0.05 * scale, seed: 5);
        AssertEndedCleanly(Relaxers.Create(algorithm, Lj).Advance(RelaxationState.Start(start), 3000));
    }

    [Theory]
    [InlineData("fire")]
    [InlineData("bfgs")]
    public void AnExplodingCellFailsAtTheVolumeBound(string algorithm)
    {
        var tension = new RelaxationOptions { Pressure = PressureUnits.FromGPa(-300) };
        var start = TestStructures.Fcc(3.17);
        var batch = Relaxers.Create(algorithm, Lj, tension).Advance(RelaxationState.Start(start), 3000);
        Assert.Equal(RelaxationOutcome.Failed, batch.Outcome);
        Assert.Contains("starting volume", batch.FailureReason);
        Assert.InRange(batch.Next.Structure.Lattice.Volume / start.Lattice.Volume, 1.0, 5.0);
        AssertFinite(batch);
    }

    [Theory]
    [InlineData("fire")]
    [InlineData("bfgs")]
    public void ACollapsingCellFailsAtTheVolumeBound(string algorithm)
    {
        var squeezed = new RelaxationOptions { Pressure = 0.1 };
        var start = TestStructures.Fcc(5.0);
        var batch = Relaxers.Create(algorithm, new ConstantCalculator(), squeezed).Advance(RelaxationState.Start(start), 3000);
        Assert.Equal(RelaxationOutcome.Failed, batch.Outcome);
        Assert.Contains("starting volume", batch.FailureReason);
        Assert.InRange(batch.Next.Structure.Lattice.Volume / start.Lattice.Volume, 0.2, 1.0);
    }

    [Theory]
    [InlineData("fire", 0)]
    [InlineData("fire", 1)]
    [InlineData("fire", 2)]
    [InlineData("bfgs", 3)]
    [InlineData("bfgs", 4)]
    [InlineData("bfgs", 5)]
    public void RandomStartsNeverThrowOrProduceNaN(string algorithm, int seed)
    {
        var random = new Random(seed);
        var edge = Math.Cbrt(8 * 10.0);
        var lattice = Lattice.FromParameters(edge * (0.7 + 0.6 * random.NextDouble()), edge, edge, 60 + 60 * random.NextDouble(), 90, 75 + 30 * random.NextDouble());
        var start = new Structure(lattice, Enumerable.Repeat("Ar", 8),
            Enumerable.Range(0, 8).Select(_ => new Vec3(random.NextDouble(), random.NextDouble(), random.NextDouble())));
        var batch = Relaxers.Create(algorithm, Lj).Advance(RelaxationState.Start(start), 500);
        AssertFinite(batch);
        if (batch.Outcome == RelaxationOutcome.Failed) Assert.False(string.IsNullOrWhiteSpace(batch.FailureReason));
    }

    public static TheoryData<string, ICalculator> BadCalculators => new()
    {
        { "failed: no convergence", new FailingCalculator() },
        { "threw InvalidOperationException: boom", new ThrowingCalculator() },
        { "returned 3 force and 9 stress components for 4 atoms", new ShortCalculator() },
    };

    [Theory]
    [MemberData(nameof(BadCalculators))]
    public void ACalculatorThatFailsEndsTheRelaxationWithItsReason(string reason, ICalculator calculator)
    {
        var batch = new FireRelaxer(calculator).Advance(RelaxationState.Start(TestStructures.Fcc(3.2)), 10);
        Assert.Equal(RelaxationOutcome.Failed, batch.Outcome);
        Assert.Contains(reason, batch.FailureReason);
        Assert.Empty(batch.Steps);
    }

    private sealed class ConstantCalculator : ICalculator
    {
        public string Name => "constant";
        public CalculationResult Calculate(Structure structure, CancellationToken cancellationToken = default) =>
            new(0.0, new double[3 * structure.Count], new double[9]);
    }

    private sealed class FailingCalculator : ICalculator
    {
        public string Name => "failing";
        public CalculationResult Calculate(Structure structure, CancellationToken cancellationToken = default) =>
            CalculationResult.Failed("no convergence");
    }

    private sealed class ThrowingCalculator : ICalculator
    {
        public string Name => "throwing";
        public CalculationResult Calculate(Structure structure, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("boom");
    }

    private sealed class ShortCalculator : ICalculator
    {
        public string Name => "short";
        public CalculationResult Calculate(Structure structure, CancellationToken cancellationToken = default) =>
            new(0.0, new double[3], new double[9]);
    }
}
