using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Engine.Campaign;
using Laqa.Engine.Candidates;
using Laqa.Engine.Journal;
using Laqa.Engine.Selection;

namespace Laqa.Engine.Hosting;

/// <summary>
/// Runs a campaign on its campaign node (by default on 127.0.0.1 with its own workers), with its
/// journal in campaignDir/campaign.db (<see cref="EngineSettings.DatabaseFile"/>) or in its PostgreSQL
/// schema (<see cref="CampaignJournal.Of"/>, remembered in the folder); worker nodes may join it.
/// Calling it again on the same folder resumes the campaign where it stood.
/// </summary>
public static class CampaignHost
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan OthersCollectWithin = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Runs until the search ends (every candidate done, or the step limit) and returns the final
    /// results. Cancelling stopToken stops gracefully: nothing new is dispatched, the batches in
    /// flight may finish within <see cref="EngineSettings.StopGracePeriod"/>, and the result has
    /// Finished = false. Past the grace period, or at once when abandonToken is cancelled, the
    /// batches in flight are abandoned (they run again on resume) and the result has Abandoned = true
    /// with the last totals reported and no candidates collected. A folder holding another campaign,
    /// or a SQLite campaign another process is running (<see cref="CampaignLock"/>), is refused with a
    /// <see cref="LaqaInputException"/>; a PostgreSQL campaign another cluster is running is joined as a
    /// further campaign node (<see cref="CampaignLease"/>), and listening is told the node it joined.
    /// Without collectCandidates the result holds the totals only: asking every candidate for its result
    /// wakes each one from the journal (seconds per thousand when they are not in memory), which a caller
    /// that reads the results from the read model need not wait for.
    /// </summary>
    public static async Task<CampaignResult> RunAsync(
        EngineSettings settings,
        string campaignDir,
        IStructureSource source,
        Func<IRelaxer> relaxerFactory,
        Action<CampaignProgress>? progress = null,
        CancellationToken stopToken = default,
        string logLevel = "WARNING",
        CancellationToken abandonToken = default,
        ClusterNode? node = null,
        Action<Address, string?>? listening = null,
        bool collectCandidates = true)
    {
        var journal = CampaignJournal.Of(settings, campaignDir);
        var folderHeldNothing = !Directory.Exists(campaignDir) || !Directory.EnumerateFileSystemEntries(campaignDir).Any();
        var lease = journal is PostgresJournal pg ? CampaignLease.Acquire(pg, settings.LeaseTime) : null;
        using IDisposable runLock = lease ?? (IDisposable)CampaignLock.Acquire(DatabaseOf(settings, campaignDir));
        CampaignFolderGuard.Check(journal, settings);
        if (journal is SqliteJournal sqlite) EngineConfig.PrepareSqlite(sqlite.File);
        else
        {
            Directory.CreateDirectory(campaignDir);
            journal.Remember(campaignDir);
        }
        node ??= ClusterNode.CampaignAndWorkers;
        if (lease?.Seed is { } seed) node = node with { SeedNodes = [seed] };
        // The campaign config's akka { } block overrides the engine's Akka settings.
        var userAkka = settings.ConfigText.Length > 0 ? ConfigurationFactory.ParseString(settings.ConfigText) : null;
        ActorSystem system;
        try
        {
            system = ListenCheck.Start(EngineConfig.Setup(journal, node, logLevel, userAkka), node);
        }
        catch (LaqaInputException) when (folderHeldNothing)
        {
            // Bad input writes nothing: the journal file and the lock made above go.
            runLock.Dispose();
            if (Directory.Exists(campaignDir))
                foreach (var entry in Directory.EnumerateFileSystemEntries(campaignDir))
                    if (Directory.Exists(entry)) Directory.Delete(entry, recursive: true);
                    else File.Delete(entry);
            throw;
        }
        var self = Cluster.Get(system).SelfAddress;
        lease?.Listening($"{self.Host}:{self.Port}");
        listening?.Invoke(self, lease?.Seed);
        using var graceOver = new CancellationTokenSource();
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(abandonToken, graceOver.Token);
        var totals = CampaignTotals.Empty;
        try
        {
            var engine = await EngineNode.StartAsync(system, settings, source, relaxerFactory, node.SeedNodes, lease?.Seed is null ? null : lease.CurrentSeed, stopToken).WaitAsync(abandon.Token);
            var end = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
            Action<CampaignProgress> report = p =>
            {
                totals = p.Totals;
                progress?.Invoke(p);
            };
            system.ActorOf(Props.Create(() => new CampaignReporter(engine.Campaign, engine.Selector, engine.Candidates, report, end)), "reporter");
            _ = system.WhenTerminated.ContinueWith(_ => end.TrySetResult(new NodeEnded(CoordinatedShutdown.Get(system).ShutdownReason)), TaskScheduler.Default);
            await using (stopToken.Register(() =>
            {
                engine.Campaign.Tell(new StopCampaign());
                // The grace period bounds the wait for the batches in flight, not the collection of a campaign that has ended.
                if (!end.Task.IsCompleted) graceOver.CancelAfter(settings.StopGracePeriod);
            }))
            {
                var outcome = await end.Task.WaitAsync(abandon.Token);
                graceOver.CancelAfter(Timeout.InfiniteTimeSpan);
                var result = outcome switch
                {
                    CampaignRejected r => throw new LaqaInputException($"{campaignDir}: {r.Reason}"),
                    CampaignCompleted c => await CollectAsync(engine, settings, collectCandidates, true, c.Reason, c.Totals).WaitAsync(abandon.Token),
                    CampaignStopped s => await CollectAsync(engine, settings, collectCandidates, false, null, s.Totals).WaitAsync(abandon.Token) with { StopReason = s.Reason },
                    NodeEnded n => CampaignResult.AbandonedAt(totals) with { NodeFailure = $"the node's actor system ended ({n.Reason?.GetType().Name ?? "no reason given"})" },
                    _ => throw new InvalidOperationException($"unexpected campaign outcome {outcome}"),
                };
                if (outcome is CampaignCompleted or CampaignStopped) await LastToLeaveAsync(system);
                return result;
            }
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            return CampaignResult.AbandonedAt(totals);
        }
        catch (CampaignNodesGoneException)
        {
            return CampaignResult.AbandonedAt(totals) with { NodeFailure = "the campaign's nodes all left before this node could join them (the campaign ended or stopped)" };
        }
        finally
        {
            // A node whose system ended on its own (downed: frozen or cut off) cannot tell whether the others run on: it leaves them the lease.
            if (system.WhenTerminated.IsCompleted || OtherCampaignNodesUp(system)) lease?.LeaveToOthers();
            await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClrExitReason.Instance);
        }
    }

    /// <summary>
    /// The singletons' node (the oldest campaign node) waits, up to <see cref="OthersCollectWithin"/>, for the
    /// other campaign nodes to collect the results and leave: leaving first would move the singletons from under them.
    /// </summary>
    private static async Task LastToLeaveAsync(ActorSystem system)
    {
        var cluster = Cluster.Get(system);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < OthersCollectWithin)
        {
            var campaignNodes = cluster.State.Members.Where(m => m.HasRole(ClusterNode.CampaignRole) && m.Status is MemberStatus.Up or MemberStatus.Leaving or MemberStatus.Exiting).ToList();
            var oldest = campaignNodes.Aggregate((Member?)null, (a, m) => a is null || m.IsOlderThan(a) ? m : a);
            if (oldest is null || !oldest.Address.Equals(cluster.SelfAddress) || campaignNodes.Count == 1) return;
            await Task.Delay(200);
        }
    }

    private static bool OtherCampaignNodesUp(ActorSystem system)
    {
        var cluster = Cluster.Get(system);
        return cluster.State.Members.Any(m => m.HasRole(ClusterNode.CampaignRole) && m.Status == MemberStatus.Up && !m.Address.Equals(cluster.SelfAddress));
    }

    private sealed record NodeEnded(CoordinatedShutdown.Reason? Reason);

    /// <summary>The SQLite file holding the campaign's journal.</summary>
    public static string DatabaseOf(EngineSettings settings, string campaignDir) => Path.Combine(campaignDir, settings.DatabaseFile);

    private static async Task<CampaignResult> CollectAsync(EngineNode node, EngineSettings settings, bool collectCandidates, bool finished, string? reason, CampaignTotals totals)
    {
        if (!collectCandidates) return new CampaignResult(finished, reason, totals, [], []);
        var candidates = await Task.WhenAll(Enumerable.Range(0, settings.CandidateCount)
            .Select(id => node.Candidates.Ask<CandidateResult>(new GetCandidateResult(id), AskTimeout)));
        var history = await node.Selector.Ask<SelectionHistory>(new GetSelectionHistory(), AskTimeout);
        return new CampaignResult(finished, reason, totals, candidates, history.Records);
    }
}
