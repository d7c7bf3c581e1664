using Laqa.Crystal.Spglib;
using Xunit;

namespace Laqa.Crystal.Tests.Spglib;

/// <summary>spglib analyses run side by side (the results table analyses its rows on every processor).</summary>
public sealed class ConcurrentAnalysisTests
{
    [Fact]
    public void AnalysesOnManyThreadsEqualThoseOneAtATimeAndEachFailureKeepsItsOwnReason()
    {
        var random = new Random(11);
        // Every fourth cell has two atoms on one site: spglib refuses it, with a reason read from spglib's global error code,
        // which the analyses on the other threads set too.
        var cells = Enumerable.Range(0, 48).Select(i => (i % 4) switch
        {
            0 => KnownStructures.TurnedSupercell(random),
            1 => KnownStructures.RandomTriclinic(random, 12),
            2 => KnownStructures.All(random)[i % 6].Structure,
            _ => TwoAtomsOnOneSite(KnownStructures.RandomTriclinic(random)),
        }).ToArray();
        var symprecs = cells.Select((_, i) => i % 3 == 0 ? 0.1 : 1e-3).ToArray();

        var oneAtATime = cells.Select((c, i) => Summary(SymmetryAnalyzer.Analyze(c, symprecs[i]))).ToArray();
        var sideBySide = new string[10][];
        Parallel.For(0, sideBySide.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, round =>
            sideBySide[round] = [.. cells.Select((c, i) => Summary(SymmetryAnalyzer.Analyze(c, symprecs[i])))]);

        Assert.All(sideBySide, round => Assert.Equal(oneAtATime, round));
        Assert.All(oneAtATime.Where((_, i) => i % 4 == 3), failure => Assert.Equal("unknown: spglib: too close distance between atoms", failure));
        Assert.All(oneAtATime.Where((_, i) => i % 4 != 3), known => Assert.DoesNotContain("unknown", known));
    }

    private static Structure TwoAtomsOnOneSite(Structure s) =>
        new(s.Lattice, [.. s.Species, s.Species[0]], [.. s.Fractional, s.Fractional[0]]);

    /// <summary>What an analysis found (group, operations, sites, standardized cell), or spglib's reason for finding nothing.</summary>
    private static string Summary(SymmetryDataset d) => d.IsKnown
        ? $"{d.SpaceGroupNumber} {d.InternationalSymbol} {d.HallNumber} [{string.Join(", ", d.Operations)}] {string.Concat(d.WyckoffLetters)} " +
          $"[{string.Join(", ", d.EquivalentAtoms)}] [{string.Join(", ", d.Standardized!.Fractional)}]"
        : $"unknown: {d.Failure}";
}
