using Akka.Actor;
using Akka.Serialization;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Engine.Candidates;
using Laqa.Engine.Hosting;
using Laqa.Engine.Selection;
using Laqa.Engine.Serialization;
using Laqa.Search;
using Xunit;

namespace Laqa.Engine.Tests;

public sealed class SerializationTests : Akka.TestKit.Xunit2.TestKit
{
    public SerializationTests() : base(EngineConfig.Serialization) { }

    // Doubles whose shortest text form is long, tiny, negative zero, subnormal or not finite.
    private static readonly double[] Awkward = [0.1 + 0.2, 1.0 / 3.0, -0.0, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, -123456.789e-7];

    private static Structure AwkwardStructure() => new(
        new Lattice(new Vec3(4.1 + 1e-15, 0.1 + 0.2, 0), new Vec3(-1.0 / 3.0, 5.000000000000001, 1e-300), new Vec3(0, 0.7, Math.PI)),
        ["Na", "Cl", "Cl"],
        [new Vec3(1.0 / 3.0, 2.0 / 3.0, 0.9999999999999999), new Vec3(1e-17, 0.5, 0.1 + 0.2), new Vec3(Math.E - 2, 0.125, 0.3)]);

    [Fact]
    public void Every_engine_message_is_bound_to_the_json_serializer()
    {
        object[] messages =
        [
            new CandidateCreated(AwkwardStructure()), new BatchDispatched(3), new CandidateConverged(), new CandidateFailed("x"),
            CandidateState.Empty(4), new SelectionMade(new SelectionRecord(0, [new SelectedBatch(1, 2)]), [CandidateSnapshot.Created(1)]), new StartSearch(),
            new CandidatesObserved([CandidateSnapshot.Created(2)]), new SelectorSnapshot([], [CandidateSnapshot.Created(3)]),
            new SnapshotReport(CandidateSnapshot.Created(1)),
        ];
        foreach (var m in messages) Assert.IsType<LaqaJsonSerializer>(Sys.Serialization.FindSerializerFor(m));
    }

    [Fact]
    public void A_completed_batch_reads_back_bit_for_bit()
    {
        var next = new RelaxationState(AwkwardStructure(), new OptimizerState("fire", [.. Awkward, double.NaN, double.PositiveInfinity]), 17);
        var original = new BatchCompleted(5, Awkward, [.. Awkward.Reverse()], [double.NaN, double.NegativeInfinity, 0.0], next, [.. Awkward.Skip(1)]);

        var copy = RoundTrip(original);

        Assert.Equal(original.BatchNumber, copy.BatchNumber);
        AssertBits(original.EnergiesPerAtom, copy.EnergiesPerAtom);
        AssertBits(original.MeanForceNorms, copy.MeanForceNorms);
        AssertBits(original.MeanAbsStresses, copy.MeanAbsStresses);
        AssertBits(original.Volumes!, copy.Volumes!);
        Assert.Equal(next.StepsTaken, copy.Next.StepsTaken);
        Assert.Equal(next.Optimizer.Kind, copy.Next.Optimizer.Kind);
        AssertBits(next.Optimizer.Values, copy.Next.Optimizer.Values);
        AssertSameStructure(next.Structure, copy.Next.Structure);
    }

    [Fact]
    public void A_candidate_snapshot_state_reads_back_bit_for_bit()
    {
        var s = AwkwardStructure();
        var state = CandidateState.Empty(7)
            .Apply(new CandidateCreated(s))
            .Apply(new BatchCompleted(0, Awkward, Awkward, Awkward, new RelaxationState(s, new OptimizerState("bfgs", Awkward), Awkward.Length)))
            .Apply(new CandidateFailed("volume out of bounds"));

        var copy = RoundTrip(state);

        Assert.Equal(state.Snapshot(maxStepsPerCandidate: 10, pressure: 0.1), copy.Snapshot(maxStepsPerCandidate: 10, pressure: 0.1));
        AssertBits(state.EnergiesPerAtom, copy.EnergiesPerAtom);
        AssertSameStructure(state.Initial!, copy.Initial!);
        Assert.Equal(state.FailureReason, copy.FailureReason);
        Assert.Equal(state.NextBatch, copy.NextBatch);
    }

    [Fact]
    public void An_actor_reference_in_a_message_resolves_to_the_same_actor()
    {
        var worker = CreateTestProbe();
        var copy = RoundTrip(new DispatchBatch(3, 4, Guid.NewGuid(), worker.Ref));

        copy.Worker.Tell("hello");

        worker.ExpectMsg("hello");
        Assert.Equal(worker.Ref, copy.Worker);
    }

    private T RoundTrip<T>(T message) where T : notnull
    {
        var serializer = (SerializerWithStringManifest)Sys.Serialization.FindSerializerFor(message);
        return (T)serializer.FromBinary(serializer.ToBinary(message), serializer.Manifest(message));
    }

    private static void AssertBits(IEnumerable<double> expected, IEnumerable<double> actual) =>
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));

    private static void AssertSameStructure(Structure expected, Structure actual)
    {
        Assert.Equal(expected.Species.ToArray(), actual.Species.ToArray());
        for (var i = 0; i < 3; i++)
            AssertBits([expected.Lattice[i].X, expected.Lattice[i].Y, expected.Lattice[i].Z], [actual.Lattice[i].X, actual.Lattice[i].Y, actual.Lattice[i].Z]);
        AssertBits(expected.Fractional.SelectMany(f => new[] { f.X, f.Y, f.Z }), actual.Fractional.SelectMany(f => new[] { f.X, f.Y, f.Z }));
    }
}
