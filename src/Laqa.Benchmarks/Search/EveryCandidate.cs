using Laqa.Calculators.Relaxation;
using Laqa.Engine;
using Laqa.Engine.Hosting;
using Laqa.Search.Campaign;

namespace Laqa.Benchmarks.Search;

/// <summary>Every candidate of a campaign relaxed in parallel, each with its own relaxer from the campaign's components; results in id order.</summary>
internal static class EveryCandidate
{
    public static T[] Relax<T>(CampaignSpec spec, int parallelism, Func<int, IStructureSource, IRelaxer, T> relax)
    {
        var components = CampaignComponents.From(spec);
        var results = new T[spec.InitialStructures];
        Parallel.For(0, spec.InitialStructures, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            id => results[id] = relax(id, components.Structures, components.RelaxerFactory()));
        return results;
    }
}
