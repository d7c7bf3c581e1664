using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Laqa.Crystal;

namespace Laqa.Search.Campaign;

/// <summary>
/// The settings that define what a campaign computes: composition, initial-structures, seed,
/// generation, calculator, relaxer, search and duplicate pruning (the generation's rattle and duplicate pruning only when
/// enabled, so that the campaigns made before they existed keep their fingerprint). Workers, persistence and stop criteria may change
/// when a campaign is resumed, so they are left out.
/// </summary>
public static class CampaignFingerprint
{
    public static IReadOnlyList<string> Settings(CampaignSpec spec)
    {
        var g = spec.Generation;
        var r = spec.Relaxer;
        var s = spec.Search;
        var lines = new List<string>
        {
            Line("composition", spec.Composition.ToString()),
            Line("initial-structures", spec.InitialStructures),
            Line("seed", spec.Seed),
            Line("generation.space-groups", string.Join(",", g.SpaceGroups)),
            Line("generation.min-distance.factor", g.MinDistanceFactor),
        };
        lines.AddRange(g.MinDistancePairs.Select(p => Line($"generation.min-distance.pairs.{p.ElementA}-{p.ElementB}", p.Distance)));
        lines.AddRange([
            Line("generation.volume.factor", g.Volume.Factor),
            Line("generation.volume.mean-per-atom", g.Volume.MeanPerAtom),
            Line("generation.volume.sigma-per-atom", g.Volume.SigmaPerAtom),
            Line("generation.max-attempts", g.MaxAttempts),
            Line("generation.cell", g.Cell.ToString().ToLowerInvariant()),
        ]);
        if (g.Rattle.IsActive)
            lines.AddRange([Line("generation.rattle.displacement", g.Rattle.DisplacementSigma), Line("generation.rattle.strain", g.Rattle.StrainSigma)]);
        lines.AddRange(spec.Calculator.Settings().Select(s => Line($"calculator.{s.Key}", s.Value)));
        lines.AddRange([
            Line("relaxer.algorithm", r.Algorithm.ToString().ToLowerInvariant()),
            Line("relaxer.steps-per-batch", r.StepsPerBatch),
            Line("relaxer.fmax", r.MaxForce),
            Line("relaxer.smax", r.MaxStress * PressureUnits.GPaPerEvPerCubicAngstrom),
            Line("relaxer.pressure", r.ExternalPressure * PressureUnits.GPaPerEvPerCubicAngstrom),
            Line("search.algorithm", s.Algorithm.ToString().ToLowerInvariant()),
            Line("search.max-steps-per-candidate", s.MaxStepsPerCandidate),
        ]);
        if (s.Algorithm == SearchAlgorithm.Laqa)
            lines.AddRange([
                Line("search.nselect", s.Laqa.NSelect),
                Line("search.mode", s.Laqa.Mode.ToString().ToLowerInvariant()),
                Line("search.weights.force", s.Laqa.Weights.Force),
                Line("search.weights.stress", s.Laqa.Weights.Stress),
            ]);
        if (spec.Duplicates is { Enabled: true } d)
            lines.AddRange([
                Line("duplicates.enabled", "true"),
                Line("duplicates.energy-tolerance", d.EnergyTolerance),
                Line("duplicates.distance-tolerance", d.DistanceTolerance),
            ]);
        return lines;
    }

    public static string Of(CampaignSpec spec) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', Settings(spec)))));

    private static string Line(string key, string value) => $"laqa.{key} = {value}";
    private static string Line(string key, long value) => Line(key, value.ToString(CultureInfo.InvariantCulture));
    private static string Line(string key, double value) => Line(key, SettingText.Number(value));
}
