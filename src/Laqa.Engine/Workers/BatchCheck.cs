using Laqa.Calculators.Relaxation;

namespace Laqa.Engine.Workers;

/// <summary>The calculator worker's check of a batch: one that did not fail by the relaxer's own account must have finite numbers at every step.</summary>
public static class BatchCheck
{
    /// <summary>Why the batch cannot be applied, or null.</summary>
    public static string? NonFinite(RelaxationBatch batch)
    {
        if (batch.Outcome == RelaxationOutcome.Failed) return null;
        if (batch.Steps.Count == 0) return "no steps returned";
        for (var i = 0; i < batch.Steps.Count; i++)
        {
            var s = batch.Steps[i];
            if (!double.IsFinite(s.Energy) || !double.IsFinite(s.EnergyPerAtom) || !double.IsFinite(s.MeanForceNorm) ||
                !double.IsFinite(s.MaxForce) || !double.IsFinite(s.MeanAbsStress) || !double.IsFinite(s.MaxAbsStress))
                return $"non-finite energy, force or stress at step {i + 1}";
        }
        return null;
    }
}
