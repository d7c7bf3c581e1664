using System.Diagnostics;
using System.Globalization;
using Laqa.Engine.Hosting;

namespace Laqa.Benchmarks.Engine;

/// <summary>
/// How long a campaign folder of many candidates takes to search again, in a fresh process (cold
/// JIT, warm file cache). From the start of RunAsync on the existing folder: Ready when the campaign
/// reports its first progress (the selector has every candidate's snapshot), FirstBatch when the
/// first new batch is applied, Completed when RunAsync returns after a remainder of a few batches
/// (which includes collecting every candidate's result and shutting down; null with the reason in CollectFailure
/// when the run failed after its first new batch, e.g. a candidate's result not collected in time on a
/// loaded machine). With a PostgreSQL campaign name,
/// the campaign is the one of that name in the database of <see cref="PostgresScratchDatabase"/>.
/// </summary>
public sealed record ResumeTime(int Candidates, long BatchesBefore, long BatchesAfter, TimeSpan Ready, TimeSpan FirstBatch, TimeSpan? Completed,
    string? CollectFailure = null)
{
    public const string ChildCommand = "resume-child";
    private const string ReportTag = "RESUMED";
    private const string FailureTag = "FAILED-AFTER-FIRST-BATCH";

    /// <summary>The completion as the table shows it.</summary>
    public string CompletedText => Completed is { } c ? $"{c.TotalSeconds:F2} s" : $"failed: {CollectFailure}";

    /// <summary>Resumes the no-op campaign in campaignDir (or postgresCampaign) in a child process, with a step limit remainderBatches beyond what it holds.</summary>
    public static async Task<ResumeTime> MeasureAsync(string campaignDir, int candidates, int workers, long stepsBefore, int remainderBatches, string? postgresCampaign = null)
    {
        var maxTotalSteps = stepsBefore + (long)remainderBatches * NoOpCampaign.StepsPerBatch;
        var start = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("no process path to start the resume child from");
        start.FileName = host;
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(ResumeTime).Assembly.Location);
        foreach (var arg in new[] { "engine", ChildCommand, campaignDir, Inv(candidates), Inv(workers), Inv(maxTotalSteps) })
            start.ArgumentList.Add(arg);
        if (postgresCampaign is not null) start.ArgumentList.Add(postgresCampaign);
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {host}");
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var report = output.Split('\n').LastOrDefault(l => l.StartsWith(ReportTag, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"the resume child (exit code {child.ExitCode}) reported nothing:\n{output}");
        var fields = report.Split(' ');
        var failure = output.Split('\n').FirstOrDefault(l => l.StartsWith(FailureTag, StringComparison.Ordinal));
        return new ResumeTime(candidates, long.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[2], CultureInfo.InvariantCulture),
            Ms(fields[3]), Ms(fields[4]), fields[5] == "-" ? null : Ms(fields[5]), failure?[(FailureTag.Length + 1)..]);
    }

    /// <summary>The child's side: args are campaign folder, candidates, workers, step limit[, PostgreSQL campaign]; prints one RESUMED line.</summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        var settings = NoOpCampaign.Settings(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture),
            long.Parse(args[3], CultureInfo.InvariantCulture));
        if (args.Length > 4) settings = NoOpCampaign.OnPostgres(settings, PostgresScratchDatabase.Variable, args[4], 1);
        var started = Stopwatch.GetTimestamp();
        long readyAt = 0, firstBatchAt = 0, batchesBefore = -1, batchesLast = 0;
        Task<CampaignResult> run = CampaignHost.RunAsync(settings, args[0], new FixedStructures(), () => new NoOpRelaxer(), progress =>
        {
            batchesLast = progress.Totals.Batches;
            if (batchesBefore < 0) (readyAt, batchesBefore) = (Stopwatch.GetTimestamp(), progress.Totals.Batches);
            else if (firstBatchAt == 0 && progress.Totals.Batches > batchesBefore) firstBatchAt = Stopwatch.GetTimestamp();
        });
        try
        {
            await run;
        }
        catch (Exception e) when (firstBatchAt != 0)
        {
            // The first new batch, what is measured, was applied: the failure is reported beside it.
            Console.WriteLine($"{FailureTag} {e.GetType().Name}: {e.Message.Split('\n')[0]}");
        }
        var completedAt = Stopwatch.GetTimestamp();
        var finished = run.IsCompletedSuccessfully && run.Result.Finished;
        if (firstBatchAt == 0 || (run.IsCompletedSuccessfully && !finished)) throw new InvalidOperationException("the resumed campaign did not run its remainder");
        Console.WriteLine(string.Join(' ', ReportTag, Inv(batchesBefore), Inv(finished ? run.Result.Totals.Batches : batchesLast),
            MsOf(started, readyAt), MsOf(started, firstBatchAt), finished ? MsOf(started, completedAt) : "-"));
        return 0;
    }

    private static string Inv(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string MsOf(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture);

    private static TimeSpan Ms(string field) => TimeSpan.FromMilliseconds(double.Parse(field, CultureInfo.InvariantCulture));
}
