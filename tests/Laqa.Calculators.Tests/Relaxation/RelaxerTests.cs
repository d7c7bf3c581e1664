using System.Globalization;
using Xunit;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Crystal.Neighbours;

namespace Laqa.Calculators.Tests.Relaxation;

public class RelaxerTests
{
    // ε = 1 eV, σ = 2 Å, cut off between the first (2^(1/6) σ) and second (2^(2/3) σ) fcc shells:
    // a relaxed fcc crystal has 12 bonds at exactly the pair minimum, so E = 6 × (−ε) per atom.
    private static readonly SmoothLennardJones NearestNeighbourLj = new(epsilon: 1.0, sigma: 2.0, onset: 2.6, cutoff: 2.9);
    private static readonly double PairMinimum = Math.Pow(2, 1.0 / 6) * 2.0;

    private static Structure PerturbedFcc(int seed) =>
        TestStructures.Perturbed(TestStructures.Fcc(Math.Sqrt(2) * PairMinimum * 1.03), TestStructures.ShearAndStretch, 0.1, seed);

    private static RelaxationBatch RelaxToEnd(IRelaxer relaxer, Structure start, int maxSteps = 3000) =>
        relaxer.Advance(RelaxationState.Start(start), maxSteps);

    [Theory]
    [InlineData("fire")]
    [InlineData("bfgs")]
    public void FccRelaxesToTheAnalyticNearestNeighbourMinimum(string algorithm)
    {
        var options = new RelaxationOptions { Fmax = 1e-4, Smax = 1e-6 };
        var batch = RelaxToEnd(Relaxers.Create(algorithm, NearestNeighbourLj, options), PerturbedFcc(seed: 1));

        Assert.Equal(RelaxationOutcome.Converged, batch.Outcome);
        var last = batch.Steps[^1];
        Assert.Equal(-6.0, last.EnergyPerAtom, 1e-7);
        Assert.True(last.MaxForce <= 1e-4 && last.MaxAbsStress <= 1e-6);
        var bonds = NeighbourList.Build(batch.Next.Structure, 2.9).Distance;
        Assert.Equal(4 * 12, bonds.Length);
        Assert.All(bonds, d => Assert.Equal(PairMinimum, d, 1e-4));
        Assert.Equal(batch.Steps.Count, batch.Next.StepsTaken);
    }

    [Theory]
    [InlineData("fire")]
    [InlineData("bfgs")]
    public void UnderPressureTheFinalPressureIsTheTargetAndBondsMatchTheEnthalpyMinimum(string algorithm)
    {
        var pressure = PressureUnits.FromGPa(20.0);
        var options = new RelaxationOptions { Fmax = 1e-4, Smax = 1e-6, Pressure = pressure };
        var batch = RelaxToEnd(Relaxers.Create(algorithm, NearestNeighbourLj, options), PerturbedFcc(seed: 2));

        Assert.Equal(RelaxationOutcome.Converged, batch.Outcome);
        var last = batch.Steps[^1];
        Assert.Equal(pressure, last.Pressure, 1e-6);
        var final = NearestNeighbourLj.Calculate(batch.Next.Structure);
        for (var a = 0; a < 3; a++)
        for (var b = 0; b < 3; b++)
            Assert.Equal(a == b ? -pressure : 0.0, final.Stress[3 * a + b], 1e-6);

        // Per atom: H(d) = 6 u(d) + p d³/√2 for fcc with nearest-neighbour distance d; dH/dd = 0 by bisection.
        static double PairDerivative(double d) => -24.0 / d * (2 * Math.Pow(2.0 / d, 12) - Math.Pow(2.0 / d, 6));
        double lo = 1.8, hi = PairMinimum;
        for (var k = 0; k < 100; k++)
        {
            var mid = 0.5 * (lo + hi);
            if (6 * PairDerivative(mid) + 3 * pressure * mid * mid / Math.Sqrt(2) > 0) hi = mid; else lo = mid;
        }
        Assert.True(lo < PairMinimum - 0.01, "the pressure should shorten the bonds noticeably");
        Assert.All(NeighbourList.Build(batch.Next.Structure, 2.9).Distance, d => Assert.Equal(lo, d, 1e-4));
    }

    public static TheoryData<string, int[]> Splits => new()
    {
        { "fire", new[] { 10, 10 } }, { "fire", new[] { 1, 3, 7, 9 } }, { "fire", Enumerable.Repeat(1, 20).ToArray() },
        { "bfgs", new[] { 10, 10 } }, { "bfgs", new[] { 1, 3, 7, 9 } },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public void BatchesContinueBitForBitLikeOneRun(string algorithm, int[] split)
    {
        var relaxer = Relaxers.Create(algorithm, NearestNeighbourLj, new RelaxationOptions { Pressure = 0.01, Fmax = 1e-6, Smax = 1e-8 });
        var start = RelaxationState.Start(PerturbedFcc(seed: 3));
        var whole = relaxer.Advance(start, split.Sum());
        Assert.Equal(RelaxationOutcome.Running, whole.Outcome);

        var state = start;
        var steps = new List<RelaxationStep>();
        foreach (var n in split)
        {
            var batch = relaxer.Advance(state, n);
            Assert.Equal(RelaxationOutcome.Running, batch.Outcome);
            steps.AddRange(batch.Steps);
            // As if persisted and read back elsewhere: a fresh structure and a fresh copy of the numbers.
            var s = batch.Next.Structure;
            var copied = new Structure(new Lattice(s.Lattice.A, s.Lattice.B, s.Lattice.C), [.. s.Species], [.. s.Fractional]);
            state = new RelaxationState(copied, new OptimizerState(batch.Next.Optimizer.Kind, [.. batch.Next.Optimizer.Values]), batch.Next.StepsTaken);
        }

        Assert.Equal(whole.Steps, steps);
        Assert.Equal(whole.Next.StepsTaken, state.StepsTaken);
        Assert.Equal(whole.Next.Optimizer.Kind, state.Optimizer.Kind);
        Assert.Equal(whole.Next.Optimizer.Values, state.Optimizer.Values);
        for (var i = 0; i < 3; i++) Assert.Equal(whole.Next.Structure.Lattice[i], state.Structure.Lattice[i]);
        Assert.Equal(whole.Next.Structure.Fractional.ToArray(), state.Structure.Fractional.ToArray());
    }

    [Theory]
    [InlineData("fire")]
    [InlineData("bfgs")]
    public void EveryStepCarriesTheCalculatorsForcesAndStress(string algorithm)
    {
        var start = PerturbedFcc(seed: 5);
        var batch = Relaxers.Create(algorithm, NearestNeighbourLj).Advance(RelaxationState.Start(start), 5);
        var direct = NearestNeighbourLj.Calculate(start);
        Assert.Equal(direct.Forces, batch.Steps[0].Forces);
        Assert.Equal(direct.Stress, batch.Steps[0].Stress);
        foreach (var step in batch.Steps)
        {
            Assert.Equal(3 * start.Count, step.Forces.Count);
            var norms = step.Forces.Chunk(3).Select(f => Math.Sqrt(f[0] * f[0] + f[1] * f[1] + f[2] * f[2])).ToArray();
            Assert.Equal(step.MaxForce, norms.Max());
            Assert.Equal(step.MeanForceNorm, norms.Average(), 1e-12);
            Assert.Equal(step.Pressure, -(step.Stress[0] + step.Stress[4] + step.Stress[8]) / 3, 1e-15);
        }
    }

    [Fact]
    public void CancellingBetweenStepsReturnsARunningBatchThatContinuesOnTheSamePath()
    {
        using var cancellation = new CancellationTokenSource();
        var counting = new CountingCalculator(NearestNeighbourLj, cancelAfter: 4, cancellation);
        var start = RelaxationState.Start(PerturbedFcc(seed: 4));
        var cut = new FireRelaxer(counting).Advance(start, 12, cancellation.Token);
        Assert.Equal(RelaxationOutcome.Running, cut.Outcome);
        Assert.Equal(4, cut.Steps.Count);

        var relaxer = new FireRelaxer(NearestNeighbourLj);
        var rest = relaxer.Advance(cut.Next, 8);
        var whole = relaxer.Advance(start, 12);
        Assert.Equal(whole.Steps, cut.Steps.Concat(rest.Steps));
        Assert.Equal(whole.Next.Optimizer.Values, rest.Next.Optimizer.Values);
    }

    [Theory]
    [InlineData("fire")]
    [InlineData("bfgs")]
    public void EndsWhereAseWithItsOwnLennardJonesEnds(string algorithm)
    {
        var lj = new SmoothLennardJones(epsilon: 1.0, sigma: 2.0, onset: 3.5, cutoff: 5.0);
        var start = TestStructures.Perturbed(TestStructures.Fcc(3.3), TestStructures.ShearAndStretch, 0.15, seed: 6);
        var ours = Relaxers.Create(algorithm, lj, new RelaxationOptions { Fmax = 1e-5, Smax = 1e-7 }).Advance(RelaxationState.Start(start), 3000);
        Assert.Equal(RelaxationOutcome.Converged, ours.Outcome);

        var script = AsePython.AtomsLiteral(start) + string.Create(CultureInfo.InvariantCulture, $"""
            from ase.calculators.lj import LennardJones
            from ase.constraints import ExpCellFilter
            from ase.optimize import {Relaxers.AseClass(algorithm)} as Optimizer
            atoms.calc = LennardJones(epsilon={lj.Epsilon}, sigma={lj.Sigma}, ro={lj.Onset}, rc={lj.Cutoff}, smooth=True)
            assert Optimizer(ExpCellFilter(atoms), logfile=None).run(fmax=1e-4, steps=3000)
            print(repr(atoms.get_potential_energy() / len(atoms)), repr(atoms.get_volume()))

            """);
        var ase = AsePython.RunNumbers(script);
        Assert.Equal(ase[0], ours.Steps[^1].EnergyPerAtom, 1e-7);
        Assert.Equal(ase[1], ours.Next.Structure.Lattice.Volume, 1e-3);
    }

    [Fact]
    public void AStateOfAnotherOptimizerOrAtomCountIsRefused()
    {
        var start = RelaxationState.Start(PerturbedFcc(seed: 9));
        var fireState = new FireRelaxer(NearestNeighbourLj).Advance(start, 3).Next;
        Assert.Equal("fire", fireState.Optimizer.Kind);
        Assert.Throws<ArgumentException>(() => new BfgsRelaxer(NearestNeighbourLj).Advance(fireState, 1));
        var fewerAtoms = new Structure(fireState.Structure.Lattice, ["Ar"], [Vec3.Zero]);
        Assert.Throws<ArgumentException>(() => new FireRelaxer(NearestNeighbourLj).Advance(fireState with { Structure = fewerAtoms }, 1));
    }

    private sealed class CountingCalculator(ICalculator inner, int cancelAfter, CancellationTokenSource cancellation) : ICalculator
    {
        private int _calls;
        public string Name => inner.Name;

        public CalculationResult Calculate(Structure structure, CancellationToken cancellationToken = default)
        {
            if (++_calls == cancelAfter) cancellation.Cancel();
            return inner.Calculate(structure, cancellationToken);
        }
    }
}
