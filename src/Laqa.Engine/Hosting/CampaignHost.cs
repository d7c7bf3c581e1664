using Akka.Actor;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Engine.Campaign;
using Laqa.Engine.Candidates;
using Laqa.Engine.Selection;

namespace Laqa.Engine.Hosting;

/// <summary>
/// Runs a campaign on this machine as a one-node cluster with its journal in
/// campaignDir/campaign.db (<see cref="EngineSettings.DatabaseFile"/>). Calling it again on the same folder resumes the campaign where it stood.
/// </summary>
public static class CampaignHost
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Runs until the search ends (every candidate done, or the step limit) and returns the final
    /// results. Cancelling stops gracefully: nothing new is dispatched, batches in flight finish, and
    /// the result has Finished = false. A folder holding another campaign, or one another process is
    /// running (<see cref="CampaignLock"/>), is refused with a <see cref="LaqaInputException"/>.
    /// </summary>
    public static async Task<CampaignResult> RunAsync(
        EngineSettings settings,
        string campaignDir,
        IStructureSource source,
        Func<IRelaxer> relaxerFactory,
        Action<CampaignProgress>? progress = null,
        CancellationToken cancellationToken = default,
        string logLevel = "WARNING")
    {
        var database = DatabaseOf(settings, campaignDir);
        using var runLock = CampaignLock.Acquire(database);
        CampaignFolderGuard.Check(database, settings);
        EngineConfig.PrepareSqlite(database);
        var system = ActorSystem.Create(EngineConfig.SystemName, EngineConfig.Setup(database, logLevel: logLevel));
        try
        {
            var node = await EngineNode.StartAsync(system, settings, source, relaxerFactory);
            var end = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
            system.ActorOf(Props.Create(() => new CampaignReporter(node.Campaign, node.Selector, node.Candidates, progress, end)), "reporter");
            await using (cancellationToken.Register(() => node.Campaign.Tell(new StopCampaign())))
            {
                var outcome = await end.Task;
                return outcome switch
                {
                    CampaignRejected r => throw new LaqaInputException($"{campaignDir}: {r.Reason}"),
                    CampaignCompleted c => await CollectAsync(node, settings, true, c.Reason, c.Totals),
                    CampaignStopped s => await CollectAsync(node, settings, false, null, s.Totals),
                    _ => throw new InvalidOperationException($"unexpected campaign outcome {outcome}"),
                };
            }
        }
        finally
        {
            await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClrExitReason.Instance);
        }
    }

    /// <summary>The SQLite file holding the campaign's journal.</summary>
    public static string DatabaseOf(EngineSettings settings, string campaignDir) => Path.Combine(campaignDir, settings.DatabaseFile);

    private static async Task<CampaignResult> CollectAsync(EngineNode node, EngineSettings settings, bool finished, string? reason, CampaignTotals totals)
    {
        var candidates = await Task.WhenAll(Enumerable.Range(0, settings.CandidateCount)
            .Select(id => node.Candidates.Ask<CandidateResult>(new GetCandidateResult(id), AskTimeout)));
        var history = await node.Selector.Ask<SelectionHistory>(new GetSelectionHistory(), AskTimeout);
        return new CampaignResult(finished, reason, totals, candidates, history.Records);
    }
}
