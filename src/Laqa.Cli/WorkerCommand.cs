using System.CommandLine;
using Laqa.Crystal;
using Laqa.Engine.Configuration;
using Laqa.Engine.Hosting;
using Laqa.Search.Campaign;

namespace Laqa.Cli;

/// <summary>
/// `laqa worker --join HOST:PORT`: a worker-only node for a campaign run elsewhere (`laqa run` on
/// HOST with --port PORT). It needs no config file: it fetches the campaign's config, checks that it
/// can run its calculator here, and offers its workers. SIGINT/SIGTERM/SIGHUP leave gracefully (the
/// batches in flight are handed back and run again elsewhere at once) and exit 0, as does the end of
/// the campaign; a lost campaign node is waited for.
/// </summary>
public static class WorkerCommand
{
    public static Command Create()
    {
        var join = new Option<string>("--join") { Description = "HOST:PORT of the campaign node (laqa run ... --hostname HOST --port PORT)", Required = true };
        var workers = new Option<int?>("--workers") { Description = "calculator workers on this node (default: one per processor)" };
        var joinTimeout = new Option<double>("--join-timeout") { Description = "seconds to wait for the campaign at start before giving up", DefaultValueFactory = _ => 60 };
        var cluster = new ClusterOptions();
        var command = new Command("worker", "Join a campaign's cluster as a worker node and run its batches") { join, workers, joinTimeout };
        foreach (var option in cluster.All) command.Options.Add(option);
        command.SetAction(parsed =>
        {
            var target = parsed.GetValue(join)!.Trim();
            if (!ClusterAddress.TryParse(target, out var address)) throw new LaqaInputException($"--join: expected HOST:PORT, got \"{target}\"");
            var count = parsed.GetValue(workers);
            if (count is < 1 or > CampaignLimits.Workers) throw new LaqaInputException($"--workers: {count} is not 1 to {CampaignLimits.Workers}");
            var timeout = parsed.GetValue(joinTimeout);
            if (!(timeout > 0 && timeout <= 86_400)) throw new LaqaInputException($"--join-timeout: {timeout} is not a number of seconds (greater than 0, at most 86400)");
            var node = cluster.Node(parsed, ClusterSpec.Default, [ClusterNode.WorkerRole]);
            ListenCheck.Require(node);
            if (ClusterOptions.IsLoopback(node.Hostname) && !ClusterOptions.IsLoopback(address.Host!))
                throw new LaqaInputException($"--join {target}: the campaign node cannot reach this node on {node.Hostname}; give --hostname (this machine's address, or 0.0.0.0)");

            var output = parsed.InvocationConfiguration.Output;
            using var signals = new StopSignals(
                signal => output.WriteLine($"leaving ({signal}): the batches in flight are handed back to the campaign; a second signal exits within 5 s, a third at once"),
                () => output.WriteLine("exiting now"));
            var ended = WorkerHost.RunAsync(new WorkerNodeOptions(target, node, count, TimeSpan.FromSeconds(timeout)), output.WriteLine, signals.Stop, "ERROR")
                .GetAwaiter().GetResult();
            output.WriteLine(ended is null ? "left the campaign" : $"the campaign ended ({ended})");
            return 0;
        });
        return command;
    }
}
