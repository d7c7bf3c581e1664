using Akka.Actor;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Engine.Serialization;
using Laqa.Search;

namespace Laqa.Engine.Candidates;

/// <summary>A message for one candidate, routed by the shard region on CandidateId.</summary>
public interface ICandidateCommand : ILaqaMessage
{
    int CandidateId { get; }
}

/// <summary>Which job of which worker a result came from, so the selector can tell the worker it was settled.</summary>
public sealed record JobReceipt(Guid JobId, IActorRef Worker);

/// <summary>A worker generated the candidate's initial structure. Ignored once the candidate exists.</summary>
public sealed record CreateCandidate(int CandidateId, Structure Structure, JobReceipt Receipt, int? GeneratedSpaceGroup = null) : ICandidateCommand;

/// <summary>Worker holds batch BatchNumber of this candidate; the candidate sends it the batch, or declines.</summary>
public sealed record DispatchBatch(int CandidateId, int BatchNumber, Guid JobId, IActorRef Worker) : ICandidateCommand;

/// <summary>A worker's finished batch (its steps without forces and stress tensors); applied only if BatchNumber is the one the candidate expects.</summary>
public sealed record BatchResult(int CandidateId, int BatchNumber, RelaxationBatch Batch, JobReceipt Receipt) : ICandidateCommand;

/// <summary>The selector gave up on the candidate (generation or a batch failed on every attempt).</summary>
public sealed record FailCandidate(int CandidateId, string Reason) : ICandidateCommand;

/// <summary>The selector found the candidate, at the end of its last applied batch, to be the same structure as converged candidate Of.</summary>
public sealed record MarkDuplicate(int CandidateId, int Of) : ICandidateCommand;

/// <summary>Asks for the candidate's snapshot; answered with <see cref="CandidateSnapshotReply"/>.</summary>
public sealed record GetCandidateSnapshot(int CandidateId) : ICandidateCommand;

/// <summary>Snapshot is null while the candidate has not been created; Structure is its current one with duplicate pruning on.</summary>
public sealed record CandidateSnapshotReply(int CandidateId, CandidateSnapshot? Snapshot, Structure? Structure = null) : ILaqaMessage;

/// <summary>Asks for the candidate's full result; answered with <see cref="CandidateResult"/>.</summary>
public sealed record GetCandidateResult(int CandidateId) : ICandidateCommand;

/// <summary>
/// A candidate reports its snapshot to the selector after every change; Receipt names the worker's result that led to it,
/// FailureReason why a failed candidate failed, Structure its current structure when duplicate pruning is on.
/// </summary>
public sealed record SnapshotReport(CandidateSnapshot Snapshot, JobReceipt? Receipt = null, string? FailureReason = null, Structure? Structure = null) : ILaqaMessage;
