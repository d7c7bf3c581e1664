using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Engine.Hosting;
using Laqa.Engine.Workers;
using Laqa.Search;

namespace Laqa.Engine.Candidates;

/// <summary>
/// One candidate: an event-sourced history of its creation and applied batches. Applies a batch
/// result only if it is the batch it expects (exactly-once), reports its snapshot to the selector
/// after every change, and saves a snapshot of its state every few events.
/// </summary>
public sealed class CandidateActor : ReceivePersistentActor
{
    private readonly IActorRef _selector;
    private readonly int _snapshotEvery;
    private readonly int _stepsPerBatch;
    private readonly int _maxStepsPerCandidate;
    private readonly double _pressure;
    private readonly bool _reportStructure;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private CandidateState _state;
    private long _lastSnapshotAt;

    public CandidateActor(int id, IActorRef selector, EngineSettings settings)
    {
        _selector = selector;
        _snapshotEvery = settings.SnapshotEvery;
        _stepsPerBatch = settings.StepsPerBatch;
        _maxStepsPerCandidate = settings.Search.MaxStepsPerCandidate;
        _pressure = settings.ExternalPressure;
        // The selector compares structures only with duplicate pruning on; otherwise reports stay small.
        _reportStructure = settings.Duplicates.Enabled;
        _state = CandidateState.Empty(id);

        Recover<SnapshotOffer>(offer =>
        {
            _state = (CandidateState)offer.Snapshot;
            _lastSnapshotAt = offer.Metadata.SequenceNr;
        });
        Recover<ICandidateEvent>(e => _state = _state.Apply(e));

        Command<CreateCandidate>(OnCreate);
        Command<DispatchBatch>(OnDispatch);
        Command<BatchResult>(OnResult);
        Command<FailCandidate>(OnFail);
        Command<MarkDuplicate>(OnDuplicate);
        Command<GetCandidateSnapshot>(_ => Sender.Tell(new CandidateSnapshotReply(_state.Id, _state.Snapshot(_maxStepsPerCandidate, _pressure), CurrentStructure)));
        Command<GetCandidateResult>(_ => Sender.Tell(CandidateResult.Of(_state, _maxStepsPerCandidate, _pressure)));
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => _log.Warning("candidate {0}: snapshot not saved: {1}", _state.Id, f.Cause.Message));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    public override string PersistenceId => PersistenceIdOf(_state.Id);

    public const string PersistenceIdPrefix = "candidate-";

    public static string PersistenceIdOf(int candidateId) => $"{PersistenceIdPrefix}{candidateId}";

    public static Props Props(int id, IActorRef selector, EngineSettings settings) =>
        // By type and arguments: the lambda form compiles an expression tree for every candidate started.
        Akka.Actor.Props.Create(typeof(CandidateActor), id, selector, settings);

    private void OnCreate(CreateCandidate create)
    {
        if (_state.IsKnown) Report(create.Receipt);
        else PersistAndReport([new CandidateCreated(create.Structure, create.GeneratedSpaceGroup)], create.Receipt);
    }

    private void OnDispatch(DispatchBatch dispatch)
    {
        if (!_state.IsCreated || _state.IsTerminal || dispatch.BatchNumber != _state.NextBatch)
        {
            dispatch.Worker.Tell(new BatchDeclined(dispatch.JobId));
            Report();
            return;
        }
        if (dispatch.BatchNumber >= _state.DispatchedBatches)
        {
            // The selector journalled the selection before sending it, so the batch may leave at once. This
            // event still reaches the journal ahead of the batch's result, whatever the journal's parallelism:
            // Akka.Persistence sends a persistent actor's next WriteMessages only after the journal has answered
            // the last one (Eventsourced's write-in-progress flag), and Akka.Persistence.Sql answers only once
            // that write's transaction has committed. So the result's PersistAll, made while this write is in
            // flight, waits in the actor until it has committed, and only writes of different candidates run
            // side by side on the journal's connections.
            var dispatched = new BatchDispatched(dispatch.BatchNumber);
            Apply(dispatched);
            PersistAsync(dispatched, _ => { });
        }
        // The last batch stops at the candidate's step budget, which need not be a multiple of the batch length.
        var steps = Math.Min(_stepsPerBatch, _maxStepsPerCandidate - _state.Relaxation!.StepsTaken);
        dispatch.Worker.Tell(new RunBatch(dispatch.JobId, _state.Id, dispatch.BatchNumber, _state.Relaxation, steps));
    }

    private void OnResult(BatchResult result)
    {
        if (_state.IsTerminal || result.BatchNumber != _state.NextBatch)
        {
            _log.Debug("candidate {0}: dropped batch {1} (expects {2}, {3})", _state.Id, result.BatchNumber, _state.NextBatch, _state.Status);
            Report(result.Receipt);
            return;
        }
        var batch = result.Batch;
        ICandidateEvent completed = BatchCompleted.From(result.BatchNumber, batch, NodeAddress.Of(result.Receipt.Worker, Context.System));
        PersistAndReport(batch.Outcome switch
        {
            RelaxationOutcome.Converged => [completed, new CandidateConverged()],
            RelaxationOutcome.Failed => [completed, new CandidateFailed(batch.FailureReason ?? "relaxation failed")],
            _ => [completed],
        }, result.Receipt);
    }

    private void OnFail(FailCandidate fail)
    {
        if (_state.IsTerminal) Report();
        else PersistAndReport([new CandidateFailed(fail.Reason)]);
    }

    /// <summary>Only a candidate still relaxing becomes a duplicate; any other reports what it is.</summary>
    private void OnDuplicate(MarkDuplicate duplicate)
    {
        if (_state.Status != CandidateStatus.Relaxing) Report();
        else PersistAndReport([new CandidateDuplicate(duplicate.Of)]);
    }

    private Structure? CurrentStructure => _reportStructure ? _state.Relaxation?.Structure : null;

    private void PersistAndReport(ICandidateEvent[] events, JobReceipt? receipt = null)
    {
        var remaining = events.Length;
        PersistAll(events, e =>
        {
            Apply(e);
            if (--remaining > 0) return;
            Report(receipt);
            if (LastSequenceNr - _lastSnapshotAt >= _snapshotEvery)
            {
                _lastSnapshotAt = LastSequenceNr;
                SaveSnapshot(_state);
            }
        });
    }

    private void Apply(ICandidateEvent e) => _state = _state.Apply(e);

    /// <summary>A result's receipt goes with the snapshot, so the selector settles it; with nothing to show, the worker hears at once.</summary>
    private void Report(JobReceipt? receipt = null)
    {
        if (_state.Snapshot(_maxStepsPerCandidate, _pressure) is { } snapshot)
            _selector.Tell(new SnapshotReport(snapshot, receipt, _state.FailureReason, CurrentStructure));
        else receipt?.Worker.Tell(new ResultSettled(receipt.JobId));
    }
}
