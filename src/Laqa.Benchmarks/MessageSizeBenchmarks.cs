using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using Akka.Configuration;
using Akka.Serialization;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Engine;
using Laqa.Engine.Campaign;
using Laqa.Engine.Candidates;
using Laqa.Engine.Configuration;
using Laqa.Engine.Hosting;
using Laqa.Engine.Selection;
using Laqa.Engine.Serialization;
using Laqa.Engine.Workers;
using Laqa.Search;
using Laqa.Search.Campaign;

namespace Laqa.Benchmarks;

/// <summary>
/// Serialized size of every message that crosses nodes, as the engine's serializer writes it, for
/// random Si cells (si-tersoff, seed 1, candidate 0) relaxed for real: the batch that a worker
/// returns (BatchResult) and the state the candidate sends for the next one (RunBatch). A batch that
/// ends (converged) before its length, or is longer than <see cref="RealSteps"/>, is filled up by
/// repeating its steps, as only the size of a step matters here. Also the journal rows of the same data.
/// Each size is given as written before the arrays that grow with the atom count were kept as base64
/// (plain JSON numbers, as journals of earlier versions hold them) and as written now.
/// </summary>
public static class MessageSizeBenchmarks
{
    /// <summary>Steps relaxed for real in one batch; beyond them steps repeat (BFGS costs an eigen-decomposition of (3N+9)² per step).</summary>
    private const int RealSteps = 200;
    private const int DefaultStepBudget = 1_000;

    private static readonly (string Composition, RelaxerAlgorithm Algorithm, int Steps, int RealSteps, string Note)[] Cases =
    [
        ("Si64", RelaxerAlgorithm.Bfgs, 10, RealSteps, "realistic"),
        ("Si64", RelaxerAlgorithm.Bfgs, 100, RealSteps, "realistic"),
        ("Si64", RelaxerAlgorithm.Fire, 10, RealSteps, "realistic"),
        ("Si64", RelaxerAlgorithm.Fire, 100, RealSteps, "realistic"),
        ("Si500", RelaxerAlgorithm.Bfgs, 10, RealSteps, "limit: atoms"),
        ("Si64", RelaxerAlgorithm.Bfgs, CampaignLimits.StepsPerBatch, RealSteps, "limit: steps"),
        ("Si64", RelaxerAlgorithm.Fire, CampaignLimits.StepsPerBatch, RealSteps, "limit: steps"),
        ("Si500", RelaxerAlgorithm.Bfgs, CampaignLimits.StepsPerBatch, 10, "both limits"),
    ];

    private const string OfferedConfig = """
        composition = Si64
        initial-structures = 1000
        seed = 1
        calculator.preset = si-tersoff
        relaxer { algorithm = bfgs, steps-per-batch = 10, fmax = 0.05, smax = 0.1 }
        search { algorithm = laqa, mode = async, nselect = 10, max-steps-per-candidate = 1000 }
        """;

    public static int Run(string[] args)
    {
        var config = ConfigurationFactory.ParseString("""
            akka.loglevel = WARNING
            akka.actor.provider = remote
            akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
            """).WithFallback(EngineConfig.Serialization);
        using var system = ActorSystem.Create(EngineConfig.SystemName, config);
        var worker = system.ActorOf(Props.Empty, "worker-0");
        var sizes = new Sizes(system);

        Console.WriteLine();
        Console.WriteLine("## Message sizes");
        Console.WriteLine();
        Console.WriteLine("Bytes of one message as `LaqaJsonSerializer` writes it (the payload; Akka.Remote adds its envelope: recipient and sender paths, manifest), " +
            "as *plain → now*: every double a JSON number, as before positions, forces, stress and optimizer states were written as base64, and as written now.");
        Console.WriteLine("Random Si cells of seed 1 (candidate 0, conventional cell), si-tersoff, relaxed for real; RunBatch carries the state after one batch (BFGS: full Hessian).");
        Console.WriteLine($"Batches are relaxed for at most {RealSteps} steps (Si500 at both limits: 10) and filled up by repeating their steps (a converged batch too).");
        Console.WriteLine();
        Console.WriteLine("| case | RunBatch | BatchResult | BatchResult without forces and stress | CreateCandidate | BatchCompleted (journal) | CandidateState (snapshot store) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var c in Cases)
        {
            var (initial, batch, steps) = Relax(c.Composition, c.Algorithm, c.Steps, c.RealSteps);
            var structure = initial.Structure;
            var receipt = new JobReceipt(Guid.NewGuid(), worker);
            var runBatch = new RunBatch(Guid.NewGuid(), 17, 1, batch.Next, c.Steps);
            var result = new BatchResult(17, 1, batch, receipt);
            var kept = result with { Batch = batch with { Steps = [.. batch.Steps.Select(s => s with { Forces = [], Stress = [] })] } };
            var completed = BatchCompleted.From(1, batch);
            var state = CandidateState.Empty(17).Apply(new CandidateCreated(structure, initial.GeneratedSpaceGroup)).Apply(BatchCompleted.From(0, batch)).Apply(completed);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {c.Composition} {c.Algorithm.ToString().ToUpperInvariant()}, {c.Steps:N0} steps ({c.Note}; {steps} relaxed) | {sizes.Of(runBatch)} | {sizes.Of(result)} | {sizes.Of(kept)} | " +
                $"{sizes.Of(new CreateCandidate(17, structure, receipt, initial.GeneratedSpaceGroup))} | {sizes.Of(completed)} | {sizes.Of(state)} |"));
        }

        var snapshot = new CandidateSnapshot(17, CandidateStatus.Relaxing, -4.6297112341234567, 0.123456789012345, 0.0123456789012345, 0.00123456789012345, 120, 12);
        var totals = new CampaignTotals(1000, 480, 12, 3, 9544, 95440, -4.6297112341234567, 17);
        var si64 = Relax("Si64", RelaxerAlgorithm.Fire, 1, 1).Initial;
        CandidateResult Result(int steps) => new(17, CandidateStatus.Relaxing, null, steps / 10, steps,
            [.. Enumerable.Range(0, steps).Select(i => -4.6 - 1.0 / (i + 3))], si64.Structure, si64.Structure, 0, GeneratedSpaceGroup: si64.GeneratedSpaceGroup);
        SelectionHistory History(int picks) => new([.. Enumerable.Range(0, picks / 10).Select(s => new SelectionRecord(s, [.. Enumerable.Range(0, 10).Select(k => new SelectedBatch(s * 10 % 997 + k, s / 10))]))]);
        object[] fixedSize =
        [
            new WorkerReady(worker, "8d5e41f2c0a97b36"), new WorkerLeaving(worker), new CampaignEnded("every candidate is done"), new GenerateStructure(Guid.NewGuid(), 17), new RelaxBatch(Guid.NewGuid(), 17, 12),
            new BatchDeclined(Guid.NewGuid()), new JobFailed(Guid.NewGuid(), 17, "batch 12 failed: timed out after 600 s"),
            new JobAbandoned(Guid.NewGuid(), 17, "batch 12 failed while stopping: pw.x exited with code 1 after 1 complete steps, without JOB DONE"), new ResultSettled(Guid.NewGuid()),
            new DispatchBatch(17, 12, Guid.NewGuid(), worker), new FailCandidate(17, "no result within 600 s"), new GetCandidateSnapshot(17),
            new CandidateSnapshotReply(17, snapshot), new GetCandidateResult(17), new SnapshotReport(snapshot, new JobReceipt(Guid.NewGuid(), worker)),
            new StartSearch(), new DrainSearch(), new AnnounceToCampaign(), new SelectorReady(), new GenerationComplete(),
            new SearchEnded("every candidate is done"), new SearchDrained(), new GetWorkerLoad(), new WorkerLoad(2, 8, [new NodeLoad("10.0.0.7:4053", 4, 2, 120, DateTimeOffset.UnixEpoch), new NodeLoad("10.0.0.8:4053", 4, 0, 0, DateTimeOffset.UnixEpoch)]), new GetSelectionHistory(),
            new JoinCampaign("laqa 1.0.0+4f2cb42"), new WorkerNodeReady(8), new JoinRefused("the worker's build differs from the campaign node's"),
            new CampaignOffer(OfferedConfig, "/srv/campaigns/si64", "8d5e41f2c0a97b36", [.. OfferedConfig.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => $"laqa.{l.Trim()}")]),
            new SubscribeToCampaign(worker), new StopCampaign(), new CampaignProgress(CampaignPhase.Searching, totals), new CampaignCompleted("every candidate is done", totals),
            new CampaignStopped(totals), new CampaignRejected("the campaign folder holds another campaign"),
        ];
        Console.WriteLine();
        Console.WriteLine("| message | bytes, plain → now |");
        Console.WriteLine("|---|---:|");
        foreach (var m in fixedSize) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {m.GetType().Name} | {sizes.Of(m)} |"));
        foreach (var steps in new[] { DefaultStepBudget, CampaignLimits.MaxStepsPerCandidate })
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| CandidateResult (Si64, {steps:N0} steps) | {sizes.Of(Result(steps))} |"));
        foreach (var picks in new[] { 1_000, 100_000 })
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| SelectionHistory ({picks:N0} batches picked) | {sizes.Of(History(picks))} |"));
        Console.WriteLine();
        Console.WriteLine("Reproduce: `dotnet run -c Release --project src/Laqa.Benchmarks -- messages` (a few minutes: the Si500 BFGS batch).");
        system.Terminate().Wait();
        return 0;
    }

    /// <summary>Candidate 0's structure and its first batch of the given length (at most realSteps relaxed, then filled up by repeating steps), and the steps relaxed for real.</summary>
    private static (InitialStructure Initial, RelaxationBatch Batch, int Relaxed) Relax(string composition, RelaxerAlgorithm algorithm, int steps, int realSteps)
    {
        var spec = CampaignConfigLoader.Load($"laqa {{ composition = {composition}, seed = 1, relaxer.algorithm = {algorithm.ToString().ToLowerInvariant()} }}");
        var components = CampaignComponents.From(spec);
        var initial = components.Structures.Generate(0, CancellationToken.None);
        var batch = components.RelaxerFactory().Advance(RelaxationState.Start(initial.Structure), Math.Min(steps, realSteps));
        var relaxed = batch.Steps.Count;
        return (initial, batch with { Steps = [.. Enumerable.Range(0, steps).Select(i => batch.Steps[i % relaxed])] }, relaxed);
    }

    /// <summary>"plain → now": the bytes with every double a JSON number, and as the engine's serializer writes them.</summary>
    private sealed class Sizes(ActorSystem system)
    {
        private readonly JsonSerializerOptions _plain = new()
        {
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            Converters = { new PlainStructure(), new JsonStringEnumConverter(), new ActorRefJsonConverter((ExtendedActorSystem)system) },
        };

        public string Of(object message)
        {
            var now = system.Serialization.FindSerializerFor(message).ToBinary(message).Length;
            var plain = JsonSerializer.SerializeToUtf8Bytes(message, message.GetType(), _plain).Length;
            return plain == now ? string.Create(CultureInfo.InvariantCulture, $"{now:N0}") : string.Create(CultureInfo.InvariantCulture, $"{plain:N0} → {now:N0}");
        }
    }

    /// <summary>A structure as journals of earlier versions hold it: every coordinate a JSON number.</summary>
    private sealed class PlainStructure : JsonConverter<Structure>
    {
        public override Structure Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, Structure value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("lattice");
            foreach (var x in Enumerable.Range(0, 3).SelectMany(i => new[] { value.Lattice[i].X, value.Lattice[i].Y, value.Lattice[i].Z })) writer.WriteNumberValue(x);
            writer.WriteEndArray();
            writer.WriteStartArray("species");
            foreach (var s in value.Species) writer.WriteStringValue(s);
            writer.WriteEndArray();
            writer.WriteStartArray("fractional");
            foreach (var x in value.Fractional.SelectMany(f => new[] { f.X, f.Y, f.Z })) writer.WriteNumberValue(x);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }
}
