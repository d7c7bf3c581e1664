using Laqa.Crystal;

namespace Laqa.Calculators.Relaxation;

/// <summary>
/// Where a relaxation stands: the current structure and the optimizer's internal state as plain
/// numbers (FIRE: velocities, time step and mixing; BFGS: Hessian, last step and forces; both: the
/// starting cell and the log-deformation since), so that it can be persisted and continued on
/// another machine. <see cref="OptimizerState.Fresh"/> means "not started". StepsTaken counts
/// evaluated steps over all batches.
/// </summary>
public sealed record RelaxationState(Structure Structure, OptimizerState Optimizer, int StepsTaken)
{
    public static RelaxationState Start(Structure structure) => new(structure, OptimizerState.Fresh, 0);
}

/// <summary>The optimizer's state as a kind tag ("fresh", "fire", "bfgs") and a flat array of numbers.</summary>
public sealed record OptimizerState(string Kind, double[] Values)
{
    public static readonly OptimizerState Fresh = new("fresh", []);
}
