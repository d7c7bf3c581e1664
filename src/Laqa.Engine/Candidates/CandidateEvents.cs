using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Engine.Serialization;

namespace Laqa.Engine.Candidates;

/// <summary>An event in a candidate's journal.</summary>
public interface ICandidateEvent : ILaqaMessage;

/// <summary>The candidate's initial structure was generated, in the given space group when the source says (null in journals before it was kept).</summary>
public sealed record CandidateCreated(Structure Structure, int? GeneratedSpaceGroup = null) : ICandidateEvent;

/// <summary>Batch BatchNumber (0-based) was handed to a worker for the first time.</summary>
public sealed record BatchDispatched(int BatchNumber) : ICandidateEvent;

/// <summary>
/// Batch BatchNumber was applied: each step's energy per atom (eV/atom), mean force norm (eV/Å),
/// mean |σ_ij| (eV/Å³) and cell volume (Å³; null in journals written before it was kept), the
/// relaxation state (final structure, optimizer state) to continue from, and the node ("host:port")
/// that ran it (null in journals written before it was kept).
/// </summary>
public sealed record BatchCompleted(
    int BatchNumber,
    double[] EnergiesPerAtom,
    double[] MeanForceNorms,
    double[] MeanAbsStresses,
    RelaxationState Next,
    double[]? Volumes = null,
    string? Node = null) : ICandidateEvent
{
    public static BatchCompleted From(int batchNumber, RelaxationBatch batch, string? node = null) => new(
        batchNumber,
        [.. batch.Steps.Select(s => s.EnergyPerAtom)],
        [.. batch.Steps.Select(s => s.MeanForceNorm)],
        [.. batch.Steps.Select(s => s.MeanAbsStress)],
        batch.Next,
        [.. batch.Steps.Select(s => s.Volume)],
        node);

    public int StepCount => EnergiesPerAtom.Length;
}

/// <summary>The relaxation reached the force and stress thresholds.</summary>
public sealed record CandidateConverged : ICandidateEvent;

/// <summary>
/// At the end of its last applied batch the candidate was the same structure as converged candidate Of (laqa.duplicates);
/// it leaves the search with the steps it had taken, none spent further.
/// </summary>
public sealed record CandidateDuplicate(int Of) : ICandidateEvent;

/// <summary>Generation or relaxation failed for good; the candidate leaves the search.</summary>
public sealed record CandidateFailed(string Reason) : ICandidateEvent;
