using Laqa.Engine.Configuration;
using Laqa.Engine.Hosting;
using Laqa.Search;

namespace Laqa.Benchmarks.Engine;

/// <summary>
/// How much of the searching time the workers spend computing, on Si16 with Tersoff and FIRE in
/// batches of a few steps: the time inside Advance summed over workers, divided by workers × the
/// window from the first Advance's start to the last one's end. Beside it, the same in processor
/// time (what the worker threads ran inside Advance), the process's processor time per batch, and
/// the fraction the process's processor time allows at most on this machine's cores.
/// </summary>
public sealed record WorkerUtilisation(LaqaMode Mode, int Workers, int Prefetch, int StepsPerBatch, int Candidates, long Batches, long Steps,
    TimeSpan Window, TimeSpan Busy, TimeSpan BusyProcessor, TimeSpan ProcessorPerBatch)
{
    public double Fraction => Busy / (Workers * Window);

    public double ProcessorFraction => BusyProcessor / (Workers * Window);

    public TimeSpan MeanBatch => Busy / Batches;

    public TimeSpan ComputePerBatch => BusyProcessor / Batches;

    /// <summary>Processor time per batch outside the relaxer: actors, journal, serialization, GC.</summary>
    public TimeSpan EnginePerBatch => ProcessorPerBatch - ComputePerBatch;

    /// <summary>
    /// With the process bound by its processor time on P cores, batches per second are at most
    /// P / (compute + engine per batch), so the workers compute at most that × compute / workers.
    /// </summary>
    public double ProcessorBound => Math.Min(1, Environment.ProcessorCount * ComputePerBatch / (Workers * ProcessorPerBatch));

    public static async Task<WorkerUtilisation> MeasureAsync(string campaignDir, LaqaMode mode, int workers, int prefetch, int stepsPerBatch, int candidates, long maxTotalSteps)
    {
        var spec = CampaignConfigLoader.Load($$"""
            laqa {
              composition = Si16
              initial-structures = {{candidates}}
              seed = 16
              calculator.preset = si-tersoff
              relaxer { algorithm = fire, steps-per-batch = {{stepsPerBatch}}, fmax = 0.05, smax = 0.1 }
              search { algorithm = laqa, mode = {{mode.ToString().ToLowerInvariant()}}, nselect = 10, max-steps-per-candidate = 2000 }
              workers { count = {{workers}}, prefetch = {{prefetch}} }
              stop.max-total-steps = {{maxTotalSteps}}
            }
            """);
        var components = CampaignComponents.From(spec);
        var clock = new ComputeClock();
        var sampler = new BatchProgressSampler();
        var result = await CampaignHost.RunAsync(components.Settings, campaignDir, components.Structures,
            () => new TimedRelaxer(components.RelaxerFactory(), clock), progress => sampler.Observe(progress.Totals.Batches));
        if (!result.Finished) throw new InvalidOperationException("the Si16 campaign stopped before its step limit");
        return new WorkerUtilisation(mode, workers, prefetch, stepsPerBatch, candidates, result.Totals.Batches, result.Totals.Steps,
            clock.Window, clock.Busy, clock.BusyProcessor, sampler.ProcessorPerBatch);
    }
}
