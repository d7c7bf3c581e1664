using Akka.Actor;
using Laqa.Calculators.Relaxation;
using Laqa.Engine.Serialization;

namespace Laqa.Engine.Workers;

/// <summary>A worker tells the selector it is idle and can take a job (on start, and again while it waits).</summary>
public sealed record WorkerReady(IActorRef Worker) : ILaqaMessage;

/// <summary>Selector → worker: generate candidate CandidateId's initial structure.</summary>
public sealed record GenerateStructure(Guid JobId, int CandidateId) : ILaqaMessage;

/// <summary>Candidate → worker: advance State by at most MaxSteps steps as batch BatchNumber.</summary>
public sealed record RunBatch(Guid JobId, int CandidateId, int BatchNumber, RelaxationState State, int MaxSteps) : ILaqaMessage;

/// <summary>Worker → selector: the job threw, returned non-finite numbers or timed out.</summary>
public sealed record JobFailed(Guid JobId, int CandidateId, string Reason) : ILaqaMessage;
