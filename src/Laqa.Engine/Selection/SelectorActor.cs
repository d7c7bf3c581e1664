using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Laqa.Engine.Candidates;
using Laqa.Engine.Workers;
using Laqa.Search;

namespace Laqa.Engine.Selection;

/// <summary>
/// The cluster singleton that decides what runs next. It holds the selection policy, fed by the
/// candidates' snapshots, and hands jobs to idle workers (work pulling): first the generation of
/// candidates not yet created, then the batches the policy takes. It persists only the selection
/// history; on (re)start it restores the policy from it and asks every candidate for its latest
/// snapshot, so a resumed campaign selects exactly as one that never stopped. A job stays with
/// the selector until a snapshot shows it done; a failed, timed-out or orphaned job is dispatched
/// again, and after the last retry its candidate fails.
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
    private readonly Dictionary<int, CandidateSnapshot> _latest = [];
    private readonly HashSet<int> _unanswered = [];
    private readonly SortedSet<int> _toGenerate = [];
    private readonly Dictionary<int, Job> _jobs = [];
    private readonly List<IActorRef> _idleWorkers = [];
    private readonly Dictionary<IActorRef, int> _busyWorkers = [];
    private int _persistedRecords;
    private long _lastSnapshotAt;
    private long _askedAtMs;
    private long _totalSteps;
    private Mode _mode = Mode.Reconciling;
    private bool _generationReported;

    private enum Mode { Reconciling, Ready, Running, Draining, Ended }

    public SelectorActor(EngineSettings settings, IActorRef candidates, IActorRef campaign)
    {
        _settings = settings;
        _candidates = candidates;
        _campaign = campaign;
        _policy = SelectionPolicies.Create(settings.Search, settings.CandidateCount);

        Recover<SnapshotOffer>(offer =>
        {
            _recovered.Clear();
            _recovered.AddRange(((SelectorSnapshot)offer.Snapshot).History);
            _lastSnapshotAt = offer.Metadata.SequenceNr;
        });
        Recover<SelectionMade>(e => _recovered.Add(e.Record));
        Recover<RecoveryCompleted>(_ =>
        {
            _policy.Restore(_recovered);
            _persistedRecords = _recovered.Count;
            _recovered.Clear();
            AskAllCandidates();
        });

        Command<CandidateSnapshotReply>(OnReply);
        Command<SnapshotReport>(r => { Observe(r.Snapshot); DispatchWork(); });
        Command<WorkerReady>(OnWorkerReady);
        Command<JobFailed>(OnJobFailed);
        Command<Terminated>(t => OnWorkerLost(t.ActorRef));
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
        Command<GetWorkerLoad>(_ => Sender.Tell(new WorkerLoad(_busyWorkers.Count, _busyWorkers.Count + _idleWorkers.Count)));
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

    private void AskAllCandidates()
    {
        for (var id = 0; id < _settings.CandidateCount; id++)
            if (!_latest.ContainsKey(id)) _unanswered.Add(id);
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
        if (reply.Snapshot is { } snapshot) Observe(snapshot);
        else if (!_latest.ContainsKey(reply.CandidateId)) _toGenerate.Add(reply.CandidateId);
        FinishReconcileIfAnswered();
    }

    private void FinishReconcileIfAnswered()
    {
        if (_mode != Mode.Reconciling || _unanswered.Count > 0) return;
        _mode = Mode.Ready;
        AnnounceReady();
    }

    private void AnnounceReady()
    {
        foreach (var snapshot in _latest.Values) _campaign.Tell(new SnapshotReport(snapshot));
        _campaign.Tell(new SelectorReady());
    }

    private void Observe(CandidateSnapshot snapshot)
    {
        var id = snapshot.Id;
        if (id < 0 || id >= _settings.CandidateCount) return;
        if (_latest.TryGetValue(id, out var previous))
        {
            if (snapshot.Batches < previous.Batches || snapshot == previous) return;
            _totalSteps -= previous.Steps;
        }
        _latest[id] = snapshot;
        _totalSteps += snapshot.Steps;
        _unanswered.Remove(id);
        _toGenerate.Remove(id);
        _policy.Observe(snapshot);
        _campaign.Tell(new SnapshotReport(snapshot));
        if (_jobs.TryGetValue(id, out var job) && job.IsDoneBy(snapshot)) Complete(job);
        FinishReconcileIfAnswered();
    }

    private void Complete(Job job)
    {
        _jobs.Remove(job.CandidateId);
        if (job.Worker is { } worker && _busyWorkers.TryGetValue(worker, out var id) && id == job.CandidateId)
        {
            _busyWorkers.Remove(worker);
            _idleWorkers.Add(worker);
        }
    }

    private void OnWorkerReady(WorkerReady ready)
    {
        var worker = ready.Worker;
        if (_busyWorkers.ContainsKey(worker) || _idleWorkers.Contains(worker)) return;
        Context.Watch(worker);
        _idleWorkers.Add(worker);
        DispatchWork();
    }

    private void OnJobFailed(JobFailed failed)
    {
        if (!_jobs.TryGetValue(failed.CandidateId, out var job) || job.JobId != failed.JobId) return;
        _log.Warning("candidate {0}: attempt {1} failed: {2}", job.CandidateId, job.Attempt, failed.Reason);
        ReleaseWorker(job);
        RetryOrFail(job, failed.Reason);
        DispatchWork();
    }

    private void OnWorkerLost(IActorRef worker)
    {
        _idleWorkers.Remove(worker);
        if (!_busyWorkers.Remove(worker, out var id)) return;
        if (_jobs.TryGetValue(id, out var job) && job.Worker?.Equals(worker) == true)
            RetryOrFail(job, "the worker running it stopped");
        DispatchWork();
    }

    private void OnTick()
    {
        var now = NowMs;
        if (_mode == Mode.Reconciling && now - _askedAtMs > ReaskAfterMs) AskUnanswered();
        foreach (var job in _jobs.Values.Where(j => j.DeadlineMs < now).ToList())
        {
            if (job.Kind == JobKind.Fail)
            {
                SendFail(job);
                continue;
            }
            _log.Warning("candidate {0}: no result from attempt {1} within {2}", job.CandidateId, job.Attempt, _settings.JobDeadline);
            if (job.Worker is { } worker && _busyWorkers.Remove(worker)) Context.Unwatch(worker);
            RetryOrFail(job, $"no result within {_settings.JobDeadline.TotalSeconds:G4} s");
        }
        DispatchWork();
    }

    private void ReleaseWorker(Job job)
    {
        if (job.Worker is not { } worker || !_busyWorkers.Remove(worker)) return;
        _idleWorkers.Add(worker);
    }

    private void RetryOrFail(Job job, string reason)
    {
        if (job.Kind != JobKind.Fail && job.Attempt <= _settings.MaxRetries)
        {
            _jobs[job.CandidateId] = job.Retry();
            return;
        }
        var fail = job.Retry() with { Kind = JobKind.Fail, FailureReason = reason };
        _jobs[job.CandidateId] = fail;
        SendFail(fail);
    }

    private void SendFail(Job job)
    {
        _jobs[job.CandidateId] = job with { DeadlineMs = NowMs + (long)_settings.JobDeadline.TotalMilliseconds };
        _candidates.Tell(new FailCandidate(job.CandidateId, job.FailureReason ?? "failed"));
    }

    private void DispatchWork()
    {
        var assigned = new List<Job>();
        while (_mode == Mode.Running && _idleWorkers.Count > 0 && NextJob() is { } job)
        {
            var worker = _idleWorkers[0];
            _idleWorkers.RemoveAt(0);
            var running = job with { Worker = worker, DeadlineMs = NowMs + (long)_settings.JobDeadline.TotalMilliseconds };
            _jobs[job.CandidateId] = running;
            _busyWorkers[worker] = job.CandidateId;
            assigned.Add(running);
        }
        PersistNewSelectionsThen(() =>
        {
            foreach (var job in assigned) Send(job);
        });
        ReportGenerationComplete();
        ReportDrainedIfIdle();
        CheckEnd(force: false);
    }

    /// <summary>Retries first, then generation in id order, then what the policy takes (unless the step budget is spent).</summary>
    private Job? NextJob()
    {
        var waiting = _jobs.Values.Where(j => j.Worker is null && j.Kind != JobKind.Fail).OrderBy(j => j.CandidateId).FirstOrDefault();
        if (waiting is not null) return waiting;
        if (_toGenerate.Count > 0)
        {
            var id = _toGenerate.Min;
            _toGenerate.Remove(id);
            return Job.New(JobKind.Generate, id, 0);
        }
        if (!MaxStepsReached && _policy.TryTake(out var candidate))
            return Job.New(JobKind.Batch, candidate, _latest[candidate].Batches);
        return null;
    }

    private void Send(Job job)
    {
        if (job.Kind == JobKind.Generate) job.Worker!.Tell(new GenerateStructure(job.JobId, job.CandidateId));
        else _candidates.Tell(new DispatchBatch(job.CandidateId, job.BatchNumber, job.JobId, job.Worker!));
    }

    /// <summary>Selections are persisted before any of their batches leaves, so a restart never forgets one that ran.</summary>
    private void PersistNewSelectionsThen(Action send)
    {
        var history = _policy.History;
        if (history.Count == _persistedRecords)
        {
            send();
            return;
        }
        var records = new List<SelectionMade>();
        for (var i = _persistedRecords; i < history.Count; i++) records.Add(new SelectionMade(history[i]));
        _persistedRecords = history.Count;
        var remaining = records.Count;
        PersistAll(records, _ =>
        {
            if (--remaining > 0) return;
            send();
            if (LastSequenceNr - _lastSnapshotAt >= _settings.SelectorSnapshotEvery)
            {
                _lastSnapshotAt = LastSequenceNr;
                SaveSnapshot(new SelectorSnapshot([.. _policy.History]));
            }
        });
    }

    private void ReportGenerationComplete()
    {
        if (_generationReported || _mode == Mode.Reconciling || _toGenerate.Count > 0 || _jobs.Values.Any(j => !_latest.ContainsKey(j.CandidateId)))
            return;
        _generationReported = true;
        _campaign.Tell(new GenerationComplete());
    }

    private void ReportDrainedIfIdle()
    {
        if (_mode == Mode.Draining && _jobs.Values.All(j => j.Worker is null)) _campaign.Tell(new SearchDrained());
    }

    private void CheckEnd(bool force)
    {
        if (_mode != Mode.Running && !(force && _mode == Mode.Ended)) return;
        if (_toGenerate.Count > 0 || _jobs.Count > 0) return;
        string? reason = null;
        if (_policy.IsFinished) reason = "every candidate is done";
        else if (MaxStepsReached) reason = $"the limit of {_settings.MaxTotalSteps} total steps was reached";
        else if (_idleWorkers.Count > 0) reason = "the selection policy has nothing left to select";
        if (reason is null) return;
        _mode = Mode.Ended;
        _campaign.Tell(new SearchEnded(reason));
    }

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }
}
