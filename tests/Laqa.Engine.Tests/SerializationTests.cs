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
    public void EveryEngineMessageIsBoundToTheJsonSerializer()
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
    public void ACompletedBatchReadsBackBitForBit()
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
    public void ACandidateSnapshotStateReadsBackBitForBit()
    {
        var s = AwkwardStructure();
        var state = CandidateState.Empty(7)
            .Apply(new CandidateCreated(s, GeneratedSpaceGroup: 225))
            .Apply(new BatchCompleted(0, Awkward, Awkward, Awkward, new RelaxationState(s, new OptimizerState("bfgs", Awkward), Awkward.Length)))
            .Apply(new CandidateFailed("volume out of bounds"));

        var copy = RoundTrip(state);

        Assert.Equal(state.Snapshot(maxStepsPerCandidate: 10, pressure: 0.1), copy.Snapshot(maxStepsPerCandidate: 10, pressure: 0.1));
        AssertBits(state.EnergiesPerAtom, copy.EnergiesPerAtom);
        AssertSameStructure(state.Initial!, copy.Initial!);
        Assert.Equal(state.FailureReason, copy.FailureReason);
        Assert.Equal(state.NextBatch, copy.NextBatch);
        Assert.Equal(225, copy.GeneratedSpaceGroup);
    }

    [Fact]
    public void PositionsForcesAndOptimizerStatesAreWrittenAsBase64AndReadBackBitForBit()
    {
        var nanWithPayload = BitConverter.Int64BitsToDouble(0x7FF8_0000_DEAD_BEEF);
        double[] values = [.. Awkward, double.NaN, nanWithPayload, double.PositiveInfinity, double.NegativeInfinity];
        var state = new RelaxationState(AwkwardStructure(), new OptimizerState("bfgs", values), 3);
        var step = new RelaxationStep(-37.1, -4.6, 0.5, 0.25, 0.01, 0.005) { Volume = 160.2, Pressure = 0.001, Forces = values, Stress = [.. values.Take(9)] };
        var result = new BatchResult(1, 2, new RelaxationBatch([step, step], state, RelaxationOutcome.Running), new JobReceipt(Guid.NewGuid(), TestActor));

        var json = System.Text.Encoding.UTF8.GetString(Sys.Serialization.FindSerializerFor(result).ToBinary(result));
        var copy = RoundTrip(result);

        Assert.Contains($"\"Values\":\"{Base64(values)}\"", json);
        Assert.Contains($"\"Forces\":\"{Base64(values)}\"", json);
        Assert.Contains($"\"fractional\":\"{Base64([.. state.Structure.Fractional.SelectMany(f => new[] { f.X, f.Y, f.Z })])}\"", json);
        MessageGraph.AssertSame(result, copy);
    }

    // Written by the serializer before arrays were kept as base64 (commit 0b13ba0): every array plain numbers.
    private const string OldCandidateCreated = """
        {"Structure":{"lattice":[4.1000000000000005,0.30000000000000004,0,-0.3333333333333333,5.000000000000001,1E-300,0,0.7,3.141592653589793],"species":["Na","Cl","Cl"],"fractional":[0.3333333333333333,0.6666666666666666,0.9999999999999999,1E-17,0.5,0.30000000000000004,0.7182818284590451,0.125,0.3]}}
        """;

    private const string OldBatchCompleted = """
        {"BatchNumber":2,"EnergiesPerAtom":[0.30000000000000004,0.3333333333333333],"MeanForceNorms":[-0,5E-324],"MeanAbsStresses":["NaN",0.5],"Next":{"Structure":{"lattice":[4.1000000000000005,0.30000000000000004,0,-0.3333333333333333,5.000000000000001,1E-300,0,0.7,3.141592653589793],"species":["Na","Cl","Cl"],"fractional":[0.3333333333333333,0.6666666666666666,0.9999999999999999,1E-17,0.5,0.30000000000000004,0.7182818284590451,0.125,0.3]},"Optimizer":{"Kind":"bfgs","Values":[0.30000000000000004,0.3333333333333333,-0,5E-324,2.2250738585072014E-308,1.7976931348623157E+308,-0.0123456789,"NaN","Infinity","-Infinity",70]},"StepsTaken":9},"Volumes":[1.7976931348623157E+308,40.5],"StepCount":2}
        """;

    private const string OldCandidateState = """
        {"Id":7,"Status":"Relaxing","Initial":{"lattice":[4.1000000000000005,0.30000000000000004,0,-0.3333333333333333,5.000000000000001,1E-300,0,0.7,3.141592653589793],"species":["Na","Cl","Cl"],"fractional":[0.3333333333333333,0.6666666666666666,0.9999999999999999,1E-17,0.5,0.30000000000000004,0.7182818284590451,0.125,0.3]},"Relaxation":{"Structure":{"lattice":[4.1000000000000005,0.30000000000000004,0,-0.3333333333333333,5.000000000000001,1E-300,0,0.7,3.141592653589793],"species":["Na","Cl","Cl"],"fractional":[0.3333333333333333,0.6666666666666666,0.9999999999999999,1E-17,0.5,0.30000000000000004,0.7182818284590451,0.125,0.3]},"Optimizer":{"Kind":"bfgs","Values":[0.30000000000000004,0.3333333333333333,-0,5E-324,2.2250738585072014E-308,1.7976931348623157E+308,-0.0123456789,"NaN","Infinity","-Infinity",70]},"StepsTaken":9},"NextBatch":1,"DispatchedBatches":0,"EnergiesPerAtom":[0.30000000000000004,0.3333333333333333],"MeanForceNorm":5E-324,"ForceChange":1E-06,"MeanAbsStress":0.5,"FailureReason":null,"Volume":40.5,"IsCreated":true,"IsTerminal":false,"Steps":2,"IsKnown":true}
        """;

    [Fact]
    public void EventsAndSnapshotsJournalledWithPlainNumberArraysReadBackBitForBit()
    {
        var s = AwkwardStructure();
        var bfgs = new OptimizerState("bfgs", [.. Awkward, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 70]);
        var completed = new BatchCompleted(2, Awkward[..2], Awkward[2..4], [double.NaN, 0.5], new RelaxationState(s, bfgs, 9), [Awkward[5], 40.5]);
        var state = CandidateState.Empty(7).Apply(new CandidateCreated(s)).Apply(completed with { BatchNumber = 0 });
        var serializer = (SerializerWithStringManifest)Sys.Serialization.FindSerializerFor(state);

        foreach (var (json, expected) in new (string, object)[] { (OldCandidateCreated, new CandidateCreated(s)), (OldBatchCompleted, completed), (OldCandidateState, state) })
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(json);
            var manifest = expected.GetType().Name;
            // As the actors recover them, and as `laqa status` reads the journal without an actor system.
            MessageGraph.AssertSame(expected, serializer.FromBinary(bytes, manifest));
            MessageGraph.AssertSame(expected, LaqaJsonSerializer.Deserialize(bytes, manifest, LaqaJsonSerializer.CreateOptions()));
            MessageGraph.AssertSame(expected, RoundTrip(expected));
        }
    }

    private static string Base64(double[] values) => Convert.ToBase64String([.. values.SelectMany(BitConverter.GetBytes)]);

    [Fact]
    public void AnActorReferenceInAMessageResolvesToTheSameActor()
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
