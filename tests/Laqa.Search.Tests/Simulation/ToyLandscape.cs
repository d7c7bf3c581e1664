namespace Laqa.Search.Tests.Simulation;

/// <summary>
/// A deterministic stand-in for relaxation. Candidate i sits in a quadratic well
/// E(x) = Emin + k x² / 2 (per atom) at distance x0 from its minimum and moves a fixed length Δx
/// toward it per step, so F = k x and the force falls by k Δx per step. LAQA's look-ahead
/// wF F² / (2 dF) equals the energy still to gain, E - Emin, exactly when Δx = wF = 0.1 Å; each
/// candidate gets its own Δx within ±25 % of that, so the look-ahead over- or under-estimates the
/// gain as it would for a real optimizer.
/// Converged when F ≤ fmax. Emin, k, x0 and Δx are drawn from a seeded Random.
/// </summary>
internal sealed class ToyLandscape
{
    private readonly double[] minimum, curvature, start, stepLength;
    private readonly int[] steps, batches;
    private readonly CandidateSnapshot[] latest;

    public ToyLandscape(int count, int seed, double maxForce = 0.05, int maxStepsPerCandidate = 1000)
    {
        var random = new Random(seed);
        double Uniform(double from, double to) => from + (to - from) * random.NextDouble();
        minimum = new double[count];
        curvature = new double[count];
        start = new double[count];
        stepLength = new double[count];
        for (var i = 0; i < count; i++)
        {
            minimum[i] = Uniform(-5, -4);
            curvature[i] = Uniform(0.01, 0.04);
            start[i] = Uniform(8, 20);
            stepLength[i] = Uniform(0.08, 0.125);
        }
        steps = new int[count];
        batches = new int[count];
        latest = [.. Enumerable.Range(0, count).Select(CandidateSnapshot.Created)];
        MaxForce = maxForce;
        MaxStepsPerCandidate = maxStepsPerCandidate;
        GroundState = Enumerable.Range(0, count).MinBy(FinalEnergy);
    }

    public int Count => minimum.Length;
    public double MaxForce { get; }
    public int MaxStepsPerCandidate { get; }
    public long TotalSteps { get; private set; }

    /// <summary>The candidate whose relaxation ends lowest.</summary>
    public int GroundState { get; }

    public CandidateSnapshot Latest(int id) => latest[id];

    public CandidateSnapshot RunBatch(int id, int maxSteps)
    {
        if (latest[id].IsTerminal || steps[id] >= MaxStepsPerCandidate)
            throw new InvalidOperationException($"candidate {id} is done and was dispatched again");
        var forces = new List<double>();
        var (energy, force) = (0.0, 0.0);
        for (var k = 0; k < maxSteps && steps[id] < MaxStepsPerCandidate; k++)
        {
            (energy, force) = At(id, steps[id]++);
            TotalSteps++;
            forces.Add(force);
            if (force <= MaxForce) break;
        }
        batches[id]++;
        var status = force <= MaxForce ? CandidateStatus.Converged : CandidateStatus.Relaxing;
        latest[id] = new CandidateSnapshot(id, status, energy, force, LaqaScore.ForceChange(forces), 0.01 * force, steps[id], batches[id]);
        return latest[id];
    }

    private (double Energy, double Force) At(int id, int step)
    {
        var x = Math.Max(start[id] - step * stepLength[id], 0);
        return (minimum[id] + 0.5 * curvature[id] * x * x, curvature[id] * x);
    }

    private double FinalEnergy(int id)
    {
        for (var step = 0; ; step++)
        {
            var (energy, force) = At(id, step);
            if (force <= MaxForce || step + 1 >= MaxStepsPerCandidate) return energy;
        }
    }
}
