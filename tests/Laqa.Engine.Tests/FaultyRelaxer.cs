using System.Collections.Concurrent;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Engine.CrashHost;

namespace Laqa.Engine.Tests;

public enum Fault { Throw, ThrowOnce, NonFinite, Hang }

/// <summary>
/// Test double: the fake relaxer, except that the batch BatchNumber of chosen candidates throws,
/// returns NaN energies, or hangs past the batch timeout ignoring cancellation. Counts attempts
/// per (candidate, batch) across instances, since workers make a fresh relaxer after a timeout.
/// </summary>
public sealed class FaultyRelaxer(FakeRelaxer inner, int stepsPerBatch, IReadOnlyDictionary<int, (int BatchNumber, Fault Fault)> faults,
    ConcurrentDictionary<(int, int), int> attempts, TimeSpan hang) : IRelaxer
{
    public RelaxationBatch Advance(RelaxationState state, int maxSteps, CancellationToken cancellationToken = default)
    {
        var id = FakeModel.CandidateOf(state.Structure);
        var batchNumber = state.StepsTaken / stepsPerBatch;
        var attempt = attempts.AddOrUpdate((id, batchNumber), 1, (_, n) => n + 1);
        if (!faults.TryGetValue(id, out var f) || f.BatchNumber != batchNumber) return inner.Advance(state, maxSteps, cancellationToken);
        switch (f.Fault)
        {
            case Fault.Throw:
            case Fault.ThrowOnce when attempt == 1:
                throw new InvalidOperationException("calculator crashed");
            case Fault.NonFinite:
                var batch = inner.Advance(state, maxSteps, cancellationToken);
                return batch with { Steps = [.. batch.Steps.Select(s => s with { Energy = double.NaN, EnergyPerAtom = double.NaN })] };
            case Fault.Hang:
                Thread.Sleep(hang);
                return inner.Advance(state, maxSteps, cancellationToken);
            default:
                return inner.Advance(state, maxSteps, cancellationToken);
        }
    }
}

/// <summary>Test double: the fake structure source, except that chosen candidates cannot be generated.</summary>
public sealed class FaultySource(FakeStructureSource inner, IReadOnlySet<int> failing) : IStructureSource
{
    public InitialStructure Generate(int candidateId, CancellationToken cancellationToken) =>
        failing.Contains(candidateId) ? throw new InvalidOperationException("no structure fits") : inner.Generate(candidateId, cancellationToken);
}
