using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Engine.Campaign;
using Laqa.Engine.Candidates;
using Laqa.Search;
using Xunit;

namespace Laqa.Engine.Tests;

/// <summary>
/// The enthalpy per atom H/N = E/N + pV/N a candidate reports under an external pressure p, from its journalled
/// batches; expected values are worked out by hand from the numbers below.
/// </summary>
public class EnthalpyTests
{
    private const double P = 0.05; // eV/Å³, 8.0 GPa

    // Two Si atoms in a 3 Å cube (27 Å³): the structure a batch ends with.
    private static readonly Structure Si2 = new(new Lattice(new Vec3(3, 0, 0), new Vec3(0, 3, 0), new Vec3(0, 0, 3)),
        ["Si", "Si"], [new Vec3(0, 0, 0), new Vec3(0.25, 0.25, 0.25)]);

    private static CandidateState Relaxed(int id, double[] energiesPerAtom, double[]? volumes) =>
        CandidateState.Empty(id)
            .Apply(new CandidateCreated(Si2))
            .Apply(new BatchCompleted(0, energiesPerAtom, [.. energiesPerAtom.Select(_ => 0.0)], [.. energiesPerAtom.Select(_ => 0.0)],
                new RelaxationState(Si2, OptimizerState.Fresh, energiesPerAtom.Length), volumes));

    [Fact]
    public void TheSnapshotAddsPTimesTheLastStepsVolumePerAtomAndRanksAndScoresByIt()
    {
        // Last steps: E = -4.60 eV/atom at 40 Å³ (H = -4.60 + 0.05 * 40 / 2 = -3.60) and E = -4.55 eV/atom at 32 Å³ (H = -4.55 + 0.8 = -3.75).
        var loose = Relaxed(0, [-4.0, -4.60], [30, 40]).Snapshot(maxStepsPerCandidate: 100, pressure: P)!;
        var dense = Relaxed(1, [-4.55], [32]).Snapshot(maxStepsPerCandidate: 100, pressure: P)!;

        Assert.Equal(-3.60, loose.EnthalpyPerAtom, 12);
        Assert.Equal(-3.75, dense.EnthalpyPerAtom, 12);
        Assert.Equal(-4.60, loose.EnergyPerAtom);
        Assert.Equal([1, 0], ResultsRanking.Rank([loose, dense]).Select(s => s.Id));
        // No force, no stress: L = -H.
        Assert.Equal(3.75, LaqaScore.Of(dense, new LaqaWeights()), 12);
        Assert.Equal(3.60, LaqaScore.Of(loose, new LaqaWeights()), 12);
        var result = CandidateResult.Of(Relaxed(1, [-4.55], [32]), 100, P);
        Assert.Equal(-3.75, result.EnthalpyPerAtom, 12);
        Assert.Equal(-4.55, result.EnergyPerAtom);
    }

    [Fact]
    public void AtZeroPressureTheEnthalpyIsTheEnergyToTheBit()
    {
        var snapshot = Relaxed(0, [-4.0, 0.1 + 0.2 - 4.7], [30, 40]).Snapshot(maxStepsPerCandidate: 100, pressure: 0)!;

        Assert.Equal(BitConverter.DoubleToInt64Bits(snapshot.EnergyPerAtom), BitConverter.DoubleToInt64Bits(snapshot.EnthalpyPerAtom));
    }

    [Fact]
    public void ABatchJournalledWithoutVolumesTakesTheVolumeOfItsFinalStructure()
    {
        // 27 Å³ for 2 atoms: H = -4.60 + 0.05 * 13.5 = -3.925.
        Assert.Equal(-3.925, Relaxed(0, [-4.60], volumes: null).Snapshot(maxStepsPerCandidate: 100, pressure: P)!.EnthalpyPerAtom, 12);
    }

    [Fact]
    public void AJournalThatDidNotKeepThePressureApartReadsItFromTheDefiningSettings()
    {
        var older = new CampaignStarted("f", 4, ["laqa.relaxer.fmax = 0.05", "laqa.relaxer.pressure = 15"], 100);

        Assert.Equal(15 / 160.21766208, older.RelaxationPressure, 15);
        Assert.Equal(0.25, (older with { ExternalPressure = 0.25 }).RelaxationPressure);
        Assert.Equal(0, new CampaignStarted("f", 4).RelaxationPressure);
    }
}
