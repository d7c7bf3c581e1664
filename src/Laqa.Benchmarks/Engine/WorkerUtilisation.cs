using Laqa.Engine.Configuration;
using Laqa.Engine.Hosting;
using Laqa.Search;

namespace Laqa.Benchmarks.Engine;

/// <summary>
/// How much of the searching time the workers spend computing, on Si16 with Tersoff and FIRE in
/// batches of a few steps: the time inside Advance summed over workers, divided by workers × the
/// window from the first Advance's start to the last one's end.
/// </summary>
public sealed record WorkerUtilisation(LaqaMode Mode, int Workers, int Prefetch, int StepsPerBatch, int Candidates, long Batches, long Steps, TimeSpan Window, TimeSpan Busy)
{
    public double Fraction => Busy / (Workers * Window);

    public TimeSpan MeanBatch => Busy / Batches;

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
        var result = await CampaignHost.RunAsync(components.Settings, campaignDir, components.Structures,
            () => new TimedRelaxer(components.RelaxerFactory(), clock));
        if (!result.Finished) throw new InvalidOperationException("the Si16 campaign stopped before its step limit");
        return new WorkerUtilisation(mode, workers, prefetch, stepsPerBatch, candidates, result.Totals.Batches, result.Totals.Steps, clock.Window, clock.Busy);
    }
}
