using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Laqa.Crystal;
using Laqa.Engine.Campaign;
using Laqa.Engine.Candidates;
using Laqa.Engine.Hosting;
using Laqa.Engine.Workers;
using Laqa.Search;

namespace Laqa.Engine.Selection;

/// <summary>
/// The cluster singleton that decides what runs next. It holds the selection policy, fed by the
/// candidates' snapshots, and hands jobs to the workers that have announced themselves (work
/// pulling), each worker holding the job it runs and up to <see cref="EngineSettings.Prefetch"/>
/// more, so that it starts its next batch without waiting for the engine: first the generation of
/// candidates not yet created, then the batches the policy takes. It journals the selection history
/// and, with each selection, the snapshots it has observed since the previous event; its own
/// snapshot holds both. On (re)start it restores the policy from them and asks only the candidates
/// whose state it may have missed (not yet seen, or selected for a batch it has not seen applied),
/// so a resumed campaign selects exactly as one that never stopped without waking every candidate.
/// A selection reaches the journal before any result of its batches: its jobs leave once it has
/// committed. A job stays with the selector until a snapshot shows it done; a failed, timed-out or orphaned job is dispatched again, and after the
/// last retry its candidate fails. With duplicate pruning on, each candidate's newly applied batch is compared with the
/// converged candidates (<see cref="DuplicateRule"/>) before the policy sees it, and a match is stopped as a duplicate.
/// </summary>
public sealed class SelectorActor : ReceivePersistentActor, IWithTimers
{
    public const string Id = "selector";

    private static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(1);
    private const long ReaskAfterMs = 5000;

    private readonly EngineSettings _settings;
    private readonly IActorRef _candidates;
    private readonly IActorRef _campaign;
    private readonly ISelectionPolicy _policy;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly List<SelectionRecord> _recovered = [];
    private readonly Dictionary<int, CandidateSnapshot> _recoveredLatest = [];
    private readonly Dictionary<int, CandidateSnapshot> _latest = [];
    private readonly Dictionary<int, CandidateSnapshot> _unjournalled = [];
    private readonly HashSet<int> _unanswered = [];
    private readonly SortedSet<int> _toGenerate = [];
    private readonly JobBook _jobs;
    private readonly SameFailureRule _sameFailure = new();
    private readonly SearchStopRule _stopRule;
    private readonly DuplicateRule _duplicates;
    private readonly Dictionary<int, Structure> _checkAfterReconcile = [];
    private readonly WriteGate<Job> _journalGate = new();
    private int _persistedRecords;
    private long _lastSnapshotAt;
    private long _askedAtMs;
    private long _totalSteps;
    private Mode _mode = Mode.Reconciling;
    private bool _generationReported;
    private string? _endReason;

    private enum Mode { Reconciling, Ready, Running, Draining, Ended }

    public SelectorActor(EngineSettings settings, IActorRef candidates, IActorRef campaign)
    {
        _settings = settings;
        _candidates = candidates;
        _campaign = campaign;
        _policy = SelectionPolicies.Create(settings.Search, settings.CandidateCount, settings.StepsPerBatch);
        _stopRule = new SearchStopRule(settings.TargetEnthalpy, settings.NoImprovementSelections);
        _duplicates = new DuplicateRule(settings.Duplicates);
        var system = Context.System;
        _jobs = new JobBook(settings.Prefetch, settings.JobDeadline, settings.MaxRetries, worker => NodeAddress.Of(worker, system));

        Recover<SnapshotOffer>(offer =>
        {
            var snapshot = (SelectorSnapshot)offer.Snapshot;
            _recovered.Clear();
            _recovered.AddRange(snapshot.History);
            _recoveredLatest.Clear();
            RememberRecovered(snapshot.Latest);
            _lastSnapshotAt = offer.Metadata.SequenceNr;
        });
        Recover<SelectionMade>(e =>
        {
            _recovered.Add(e.Record);
            RememberRecovered(e.Observed);
        });
        Recover<CandidatesObserved>(e => RememberRecovered(e.Snapshots));
        Recover<RecoveryCompleted>(_ =>
        {
            _policy.Restore(_recovered);
            _persistedRecords = _recovered.Count;
            foreach (var snapshot in _recoveredLatest.Values) Observe(snapshot);
            _unjournalled.Clear();
            // A duplicate journalled here may not have reached its candidate's journal before the stop; telling it again is harmless.
            foreach (var duplicate in _latest.Values.Where(s => s is { Status: CandidateStatus.Duplicate, DuplicateOf: not null }))
                _candidates.Tell(new MarkDuplicate(duplicate.Id, duplicate.DuplicateOf!.Value));
            AskUnsettled(_recovered);
            _recovered.Clear();
            _recoveredLatest.Clear();
        });

        Command<CandidateSnapshotReply>(OnReply);
        Command<SnapshotReport>(r =>
        {
            if (_sameFailure.Observe(r.Snapshot, r.FailureReason) is { } abort) _campaign.Tell(new AbortCampaign(abort));
            Observe(r.Snapshot, r.Structure);
            FinishReconcileIfAnswered();
            DispatchWork();
            if (r.Receipt is { } receipt) receipt.Worker.Tell(new ResultSettled(receipt.JobId));
        });
        Command<WorkerReady>(OnWorkerReady);
        Command<WorkerLeaving>(leaving =>
        {
            Context.Unwatch(leaving.Worker);
            OnWorkerLost(leaving.Worker, nodeStopped: false);
        });
        Command<JobFailed>(OnJobFailed);
        Command<JobAbandoned>(OnJobAbandoned);
        Command<Terminated>(t => OnWorkerLost(t.ActorRef, nodeStopped: true));
        Command<Tick>(_ => OnTick());
        Command<StartSearch>(_ =>
        {
            if (_mode != Mode.Ready) return;
            _mode = Mode.Running;
            DispatchWork();
        });
        Command<DrainSearch>(_ =>
        {
            if (_mode is Mode.Running or Mode.Ready) _mode = Mode.Draining;
            ReportDrainedIfIdle();
        });
        Command<AnnounceToCampaign>(_ =>
        {
            if (_mode == Mode.Reconciling) return;
            AnnounceReady();
            if (_mode == Mode.Ended) CheckEnd(force: true);
        });
        Command<GetWorkerLoad>(_ => Sender.Tell(_jobs.Load()));
        Command<GetSelectionHistory>(_ => Sender.Tell(new SelectionHistory([.. _policy.History])));
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => _log.Warning("selector: snapshot not saved: {0}", f.Cause.Message));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    public override string PersistenceId => Id;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(EngineSettings settings, IActorRef candidates, IActorRef campaign) =>
        Akka.Actor.Props.Create(() => new SelectorActor(settings, candidates, campaign));

    protected override void PreStart()
    {
        base.PreStart();
        Timers.StartPeriodicTimer("tick", Tick.Instance, TickInterval);
    }

    private static long NowMs => Environment.TickCount64;

    private bool MaxStepsReached => _settings.MaxTotalSteps is { } max && _totalSteps >= max;

    private void RememberRecovered(CandidateSnapshot[]? snapshots)
    {
        foreach (var s in snapshots ?? [])
            if (!_recoveredLatest.TryGetValue(s.Id, out var known) || s.Batches >= known.Batches) _recoveredLatest[s.Id] = s;
    }

    /// <summary>
    /// Candidates whose latest state may not be in the journal: those never observed, those
    /// selected for a batch not observed applied (it may have been applied after the last write),
    /// and under pressure those journalled without their pV term (by a version before the enthalpy),
    /// which would otherwise be scored by energy beside others scored by enthalpy. With duplicate
    /// pruning on, also the converged candidates, whose structures the journal does not hold.
    /// </summary>
    private void AskUnsettled(IReadOnlyList<SelectionRecord> history)
    {
        var lastSelected = new Dictionary<int, int>();
        foreach (var pick in history.SelectMany(r => r.Batches)) lastSelected[pick.CandidateId] = pick.BatchNumber;
        for (var id = 0; id < _settings.CandidateCount; id++)
            if (!_latest.TryGetValue(id, out var known) ||
                (!known.IsTerminal && lastSelected.TryGetValue(id, out var batch) && known.Batches <= batch) ||
                (_settings.ExternalPressure != 0 && known.Batches > 0 && known.PressureVolumePerAtom == 0) ||
                (_duplicates.IsEnabled && known.Status == CandidateStatus.Converged))
                _unanswered.Add(id);
        AskUnanswered();
        FinishReconcileIfAnswered();
    }

    private void AskUnanswered()
    {
        _askedAtMs = NowMs;
        foreach (var id in _unanswered) _candidates.Tell(new GetCandidateSnapshot(id));
    }

    private void OnReply(CandidateSnapshotReply reply)
    {
        if (!_unanswered.Remove(reply.CandidateId)) return;
        if (reply.Snapshot is { } snapshot) Observe(snapshot, reply.Structure);
        else if (!_latest.ContainsKey(reply.CandidateId)) _toGenerate.Add(reply.CandidateId);
        FinishReconcileIfAnswered();
    }

    private void FinishReconcileIfAnswered()
    {
        if (_mode != Mode.Reconciling || _unanswered.Count > 0) return;
        _mode = Mode.Ready;
        // Batches applied while this selector was away are compared once every converged candidate's structure is in.
        foreach (var (id, structure) in _checkAfterReconcile.OrderBy(c => c.Key))
            if (_latest.TryGetValue(id, out var latest)) Observe(latest, structure, recheck: true);
        _checkAfterReconcile.Clear();
        AnnounceReady();
    }

    private void AnnounceReady()
    {
        foreach (var snapshot in _latest.Values) _campaign.Tell(new SnapshotReport(snapshot));
        _campaign.Tell(new SelectorReady());
    }

    private void Observe(CandidateSnapshot snapshot, Structure? structure = null, bool recheck = false)
    {
        var id = snapshot.Id;
        if (id < 0 || id >= _settings.CandidateCount) return;
        var isNew = !_latest.TryGetValue(id, out var known) || (snapshot.Batches >= known.Batches && snapshot != known);
        // A converged candidate's structure is taken whenever it comes (after a restart, in the reply to the selector's question).
        if (structure is not null && (isNew || recheck || snapshot.Status == CandidateStatus.Converged)) snapshot = PruneDuplicate(snapshot, structure);
        if (_latest.TryGetValue(id, out var previous))
        {
            if (snapshot.Batches < previous.Batches || snapshot == previous)
            {
                // Nothing new, but a job may be done by it (a batch the candidate declined as already applied).
                if (_jobs.TryGet(id, out var unchanged) && unchanged.IsDoneBy(previous)) _jobs.Complete(unchanged);
                return;
            }
            _totalSteps -= previous.Steps;
        }
        _latest[id] = snapshot;
        _unjournalled[id] = snapshot;
        _stopRule.Observe(snapshot);
        _totalSteps += snapshot.Steps;
        _unanswered.Remove(id);
        _toGenerate.Remove(id);
        _policy.Observe(snapshot);
        _campaign.Tell(new SnapshotReport(snapshot));
        if (_jobs.TryGet(id, out var job) && job.IsDoneBy(snapshot)) _jobs.Complete(job);
    }

    /// <summary>
    /// A converged candidate becomes a reference; a candidate still relaxing after a new batch that matches one is stopped
    /// as its duplicate (at once for the policy, and in its own journal through <see cref="MarkDuplicate"/>).
    /// </summary>
    private CandidateSnapshot PruneDuplicate(CandidateSnapshot snapshot, Structure structure)
    {
        if (!_duplicates.IsEnabled) return snapshot;
        if (snapshot.Status == CandidateStatus.Converged)
        {
            if (!_duplicates.Knows(snapshot.Id)) _duplicates.AddConverged(snapshot.Id, snapshot.EnthalpyPerAtom, structure);
            return snapshot;
        }
        if (_mode == Mode.Reconciling)
        {
            if (snapshot.Status == CandidateStatus.Relaxing) _checkAfterReconcile[snapshot.Id] = structure;
            return snapshot;
        }
        if (_duplicates.MatchOf(snapshot, structure) is not { } of) return snapshot;
        _log.Info("candidate {0}: duplicate of converged candidate {1} after {2} steps", snapshot.Id, of, snapshot.Steps);
        _candidates.Tell(new MarkDuplicate(snapshot.Id, of));
        return snapshot.AsDuplicateOf(of);
    }

    private void OnWorkerReady(WorkerReady ready)
    {
        var worker = ready.Worker;
        if (_jobs.Knows(worker)) return;
        // A worker node that joined after the end would otherwise wait for work for ever.
        if (_mode == Mode.Ended && _endReason is { } reason)
        {
            worker.Tell(new CampaignEnded(reason));
            return;
        }
        if (ready.Fingerprint != _settings.Fingerprint)
        {
            _log.Warning("selector: worker {0} works for another campaign (fingerprint {1}); not taken", worker.Path, ready.Fingerprint);
            return;
        }
        Context.Watch(worker);
        _jobs.AddWorker(worker, DateTimeOffset.UtcNow);
        DispatchWork();
    }

    private void OnJobFailed(JobFailed failed)
    {
        if (_jobs.TryGet(failed.CandidateId, out var job) && job.JobId == failed.JobId)
        {
            _log.Warning("candidate {0}: attempt {1} failed: {2}", job.CandidateId, job.Attempt, failed.Reason);
            RetryOrFail(job, failed.Reason);
            DispatchWork();
        }
        Sender.Tell(new ResultSettled(failed.JobId));
    }

    private void OnJobAbandoned(JobAbandoned abandoned)
    {
        if (_jobs.TryGet(abandoned.CandidateId, out var job) && job.JobId == abandoned.JobId)
        {
            _log.Info("candidate {0}: attempt {1} failed while its worker's node stopped, given back: {2}", job.CandidateId, job.Attempt, abandoned.Reason);
            _jobs.GiveBack(job);
            DispatchWork();
        }
        Sender.Tell(new ResultSettled(abandoned.JobId));
    }

    /// <summary>A worker that left, or whose node stopped or was downed: its jobs run again elsewhere, and the loss is not the candidate's attempt.</summary>
    private void OnWorkerLost(IActorRef worker, bool nodeStopped)
    {
        if (_jobs.RemoveWorker(worker, nodeStopped, NowMs) is not { } loss) return;
        if (loss.Lost.Count > 0)
            _log.Info("selector: worker {0} {1}; dispatching its {2} jobs again", worker.Path, nodeStopped ? "stopped" : "left", loss.Lost.Count - loss.Failures.Count);
        foreach (var failure in loss.Failures)
        {
            _log.Warning("candidate {0}: {1}", failure.CandidateId, failure.FailureReason);
            SendFail(failure);
        }
        DispatchWork();
    }

    private void OnTick()
    {
        var now = NowMs;
        if (_mode == Mode.Reconciling && now - _askedAtMs > ReaskAfterMs) AskUnanswered();
        foreach (var job in _jobs.Overdue(now))
        {
            if (job.Kind == JobKind.Fail)
            {
                SendFail(_jobs.Resend(job, now));
                continue;
            }
            _log.Warning("candidate {0}: no result from attempt {1} within {2}", job.CandidateId, job.Attempt, _settings.JobDeadline);
            RetryOrFail(job, $"no result within {_settings.JobDeadline.TotalSeconds:G4} s");
        }
        if (_journalGate.Pending == 0 && _unjournalled.Count > 0) JournalObservations();
        DispatchWork();
    }

    private void RetryOrFail(Job job, string reason)
    {
        if (_jobs.RetryOrFail(job, reason, NowMs) is { } failure) SendFail(failure);
    }

    private void SendFail(Job failure) => _candidates.Tell(new FailCandidate(failure.CandidateId, failure.FailureReason ?? "failed"));

    private void DispatchWork()
    {
        var assigned = new List<Job>();
        while (_mode == Mode.Running && _jobs.WorkerWithRoom() is { } worker && NextJob() is { } job)
            assigned.Add(_jobs.Assign(job, worker, NowMs));
        JournalSelectionsThenSend(assigned);
        ReportGenerationComplete();
        ReportDrainedIfIdle();
        CheckEnd(force: false);
    }

    /// <summary>Retries first, then generation in id order, then what the policy takes (unless the step budget is spent).</summary>
    private Job? NextJob()
    {
        if (_jobs.NextWaiting() is { } waiting) return waiting;
        if (_toGenerate.Count > 0)
        {
            var id = _toGenerate.Min;
            _toGenerate.Remove(id);
            return Job.New(JobKind.Generate, id, 0);
        }
        if (MaxStepsReached || _stopRule.Reason is not null || !_policy.TryTake(out var candidate)) return null;
        _stopRule.Selected(_policy.History.Count);
        return Job.New(JobKind.Batch, candidate, _latest[candidate].Batches);
    }

    /// <summary>Sends the jobs still current (not retried or completed meanwhile).</summary>
    private void Send(IReadOnlyList<Job> jobs)
    {
        foreach (var job in jobs)
        {
            if (!_jobs.IsCurrent(job)) continue;
            if (job.Kind == JobKind.Generate) job.Worker!.Tell(new GenerateStructure(job.JobId, job.CandidateId));
            else job.Worker!.Tell(new RelaxBatch(job.JobId, job.CandidateId, job.BatchNumber));
        }
    }

    /// <summary>
    /// A selection reaches the journal before any result of its batches can, by construction: a job
    /// leaves only once every write issued before it was queued has committed (write callbacks run in
    /// order), its selection's among them, also for a job queued again after its worker was lost before
    /// its selection committed. Candidates on any node write their results through their own journal
    /// actors, so an order between journals cannot be relied on. A crash before the commit loses only
    /// the selection, made again on resume.
    /// </summary>
    private void JournalSelectionsThenSend(List<Job> jobs)
    {
        var history = _policy.History;
        if (history.Count > _persistedRecords)
        {
            var events = new List<SelectionMade>();
            for (var i = _persistedRecords; i < history.Count; i++)
                events.Add(new SelectionMade(history[i], i == _persistedRecords ? TakeUnjournalled() : []));
            _persistedRecords = history.Count;
            _journalGate.Issue(events.Count);
            PersistAllAsync(events, _ => OnWriteCommitted());
        }
        foreach (var job in jobs) _journalGate.Hold(job);
        Send(_journalGate.Release());
    }

    /// <summary>Snapshots observed since the last write, journalled on a quiet tick so a restart need not ask their candidates.</summary>
    private void JournalObservations()
    {
        _journalGate.Issue();
        PersistAsync(new CandidatesObserved(TakeUnjournalled()), _ => OnWriteCommitted());
    }

    private void OnWriteCommitted()
    {
        Send(_journalGate.Commit());
        SnapshotIfDue();
    }

    private CandidateSnapshot[] TakeUnjournalled()
    {
        CandidateSnapshot[] observed = [.. _unjournalled.Values.OrderBy(s => s.Id)];
        _unjournalled.Clear();
        return observed;
    }

    /// <summary>Only with no write in flight: the snapshot's sequence number must cover exactly the history it holds.</summary>
    private void SnapshotIfDue()
    {
        if (_journalGate.Pending > 0 || LastSequenceNr - _lastSnapshotAt < _settings.SelectorSnapshotEvery) return;
        _lastSnapshotAt = LastSequenceNr;
        SaveSnapshot(new SelectorSnapshot([.. _policy.History], [.. _latest.Values.OrderBy(s => s.Id)]));
    }

    private void ReportGenerationComplete()
    {
        if (_generationReported || _mode == Mode.Reconciling || _toGenerate.Count > 0 || _jobs.Jobs.Any(j => !_latest.ContainsKey(j.CandidateId)))
            return;
        _generationReported = true;
        _campaign.Tell(new GenerationComplete());
    }

    private void ReportDrainedIfIdle()
    {
        if (_mode == Mode.Draining && _jobs.IsIdle) _campaign.Tell(new SearchDrained());
    }

    private void CheckEnd(bool force)
    {
        if (_mode != Mode.Running && !(force && _mode == Mode.Ended)) return;
        if (_toGenerate.Count > 0 || _jobs.Count > 0) return;
        string? reason = null;
        if (_policy.IsFinished) reason = "every candidate is done";
        else if (MaxStepsReached) reason = $"the limit of {_settings.MaxTotalSteps} total steps was reached";
        else if (_stopRule.Reason is { } early) reason = early;
        else if (_jobs.WorkerWithRoom() is not null) reason = "the selection policy has nothing left to select";
        if (reason is null) return;
        _mode = Mode.Ended;
        _endReason = reason;
        _campaign.Tell(new SearchEnded(reason));
        foreach (var worker in _jobs.Workers) worker.Tell(new CampaignEnded(reason));
    }

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }
}
