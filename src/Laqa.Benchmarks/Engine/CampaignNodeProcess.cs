using System.Diagnostics;
using System.Globalization;
using Laqa.Engine.Hosting;

namespace Laqa.Benchmarks.Engine;

/// <summary>
/// A further campaign node of the no-op campaign on PostgreSQL as a child process of this benchmark's executable
/// (`journal-node DIR CAMPAIGN CANDIDATES STEP-LIMIT CAMPAIGN-NODES JOURNAL-PARALLELISM`): <see cref="CampaignHost.RunAsync"/> with the
/// campaign role only (no workers) on 127.0.0.1, which finds the campaign's lease held and joins the node that holds
/// it, as a second `laqa run` of the same campaign does. It prints "LISTENING" once it listens and, when its run
/// ends, "ENDED finished processor-seconds commands command-seconds" (its PostgreSQL commands, <see cref="NpgsqlOperations"/>).
/// Disposing it kills it if it has not ended within a minute.
/// </summary>
public sealed class CampaignNodeProcess : IDisposable
{
    public const string Command = "journal-node";

    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<NodeRun> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    private CampaignNodeProcess(string campaignDir, string campaign, int candidates, long maxTotalSteps, int campaignNodes, int journalParallelism)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("no process path to start a campaign node from");
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(CampaignNodeProcess).Assembly.Location);
        foreach (var arg in new[] { Command, campaignDir, campaign, Inv(candidates), Inv(maxTotalSteps), Inv(campaignNodes), Inv(journalParallelism) })
            start.ArgumentList.Add(arg);
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, line) => Read(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.Exited += (_, _) =>
        {
            var failure = new InvalidOperationException($"campaign node process {_process.Id} exited with code {_process.ExitCode}:\n{Output}");
            _listening.TrySetException(failure);
            _ended.TrySetException(failure);
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static CampaignNodeProcess Start(string campaignDir, string campaign, int candidates, long maxTotalSteps, int campaignNodes, int journalParallelism) =>
        new(campaignDir, campaign, candidates, maxTotalSteps, campaignNodes, journalParallelism);

    public Task Listening => _listening.Task;

    public Task<NodeRun> Ended => _ended.Task;

    private string Output
    {
        get
        {
            lock (_output) return string.Join('\n', _output);
        }
    }

    /// <summary>The child's side.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        using var operations = new NpgsqlOperations();
        var candidates = int.Parse(args[2], CultureInfo.InvariantCulture);
        var settings = NoOpCampaign.OnPostgres(NoOpCampaign.Settings(candidates, 0, long.Parse(args[3], CultureInfo.InvariantCulture)),
            PostgresScratchDatabase.Variable, args[1], int.Parse(args[4], CultureInfo.InvariantCulture), int.Parse(args[5], CultureInfo.InvariantCulture));
        var result = await CampaignHost.RunAsync(settings, args[0], new FixedStructures(),
            () => throw new InvalidOperationException("this campaign node runs no calculator"),
            node: new ClusterNode("127.0.0.1", 0, "", [ClusterNode.CampaignRole], []), listening: (_, _) => Console.WriteLine("LISTENING"));
        var (commands, waited) = operations.Now;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ENDED {result.Finished} {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F3} {commands} {waited.TotalSeconds:F3}"));
        return 0;
    }

    public void Dispose()
    {
        if (!_process.WaitForExit(ExitWait)) _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
    }

    private void Read(string? line)
    {
        Keep(line);
        var fields = line?.Split(' ');
        if (fields is ["LISTENING"]) _listening.TrySetResult();
        else if (fields is ["ENDED", var finished, var seconds, var commands, var waited])
            _ended.TrySetResult(new NodeRun(finished == bool.TrueString, Seconds(seconds), long.Parse(commands, CultureInfo.InvariantCulture), Seconds(waited)));
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output) _output.Add(line);
    }

    private static TimeSpan Seconds(string field) => TimeSpan.FromSeconds(double.Parse(field, CultureInfo.InvariantCulture));

    private static string Inv(long v) => v.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A campaign node's whole run: whether it finished the campaign, its processor time, its PostgreSQL commands and the time it waited for them.</summary>
public sealed record NodeRun(bool Finished, TimeSpan Processor, long Commands, TimeSpan Waited);
