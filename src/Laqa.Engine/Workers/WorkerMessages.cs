using Akka.Actor;
using Laqa.Calculators.Relaxation;
using Laqa.Engine.Serialization;

namespace Laqa.Engine.Workers;

/// <summary>
/// A worker tells the selector it holds no job and can take some (on start, and again while it waits);
/// the selector takes it only for the campaign with this fingerprint.
/// </summary>
public sealed record WorkerReady(IActorRef Worker, string Fingerprint) : ILaqaMessage;

/// <summary>Worker → selector: the worker's node is leaving; dispatch its jobs again at once, not counting an attempt.</summary>
public sealed record WorkerLeaving(IActorRef Worker) : ILaqaMessage;

/// <summary>Selector → workers: the search has ended and this campaign runs no more batches.</summary>
public sealed record CampaignEnded(string Reason) : ILaqaMessage;

/// <summary>Selector → worker: a job for one candidate; the selector holds one per candidate.</summary>
public interface IWorkerJob : ILaqaMessage
{
    Guid JobId { get; }

    int CandidateId { get; }
}

/// <summary>Selector → worker: generate candidate CandidateId's initial structure.</summary>
public sealed record GenerateStructure(Guid JobId, int CandidateId) : IWorkerJob;

/// <summary>Selector → worker: run batch BatchNumber of the candidate; the worker fetches its state from the candidate.</summary>
public sealed record RelaxBatch(Guid JobId, int CandidateId, int BatchNumber) : IWorkerJob;

/// <summary>Candidate → worker: advance State by at most MaxSteps steps as batch BatchNumber.</summary>
public sealed record RunBatch(Guid JobId, int CandidateId, int BatchNumber, RelaxationState State, int MaxSteps) : ILaqaMessage;

/// <summary>Candidate → worker: the batch is not needed (already applied, or the candidate is done); drop the job.</summary>
public sealed record BatchDeclined(Guid JobId) : ILaqaMessage;

/// <summary>Worker → selector: the job threw, returned non-finite numbers or timed out.</summary>
public sealed record JobFailed(Guid JobId, int CandidateId, string Reason) : ILaqaMessage;

/// <summary>
/// Worker → selector: the job did not start because this worker's node is stopping, or its batch failed while
/// the node was stopping, when the stop signal may have reached the calculator's processes too (a batch
/// system signals every process of the job); give the job back as not run, not counting an attempt: it runs
/// again on resume or on another node.
/// </summary>
public sealed record JobAbandoned(Guid JobId, int CandidateId, string Reason) : ILaqaMessage;

/// <summary>
/// Selector → worker: the result of job JobId has been taken into account, and the selections it led
/// to are on their way to the journal; the worker may deliver its next result.
/// </summary>
public sealed record ResultSettled(Guid JobId) : ILaqaMessage;
