using Laqa.Crystal;

namespace Laqa.Calculators.Relaxation;

/// <summary>
/// Where a relaxation stands: the current structure and the optimizer's internal state as plain
/// numbers (e.g. FIRE velocities, time step and mixing; BFGS inverse Hessian), so that it can be
/// persisted and continued on another machine. An empty Optimizer array means "not started".
/// StepsTaken counts steps over all batches.
/// </summary>
public sealed record RelaxationState(Structure Structure, OptimizerState Optimizer, int StepsTaken)
{
    public static RelaxationState Start(Structure structure) => new(structure, OptimizerState.Fresh, 0);
}

/// <summary>The optimizer's state as a kind tag and a flat array of numbers.</summary>
public sealed record OptimizerState(string Kind, double[] Values)
{
    public static readonly OptimizerState Fresh = new("fresh", []);
}
