using System.Text.Json;
using Laqa.Crystal;
using Laqa.Crystal.Spglib;
using Laqa.Crystal.Symmetry;
using Laqa.Engine.Journal;
using Laqa.Search;
using Xunit;

namespace Laqa.Cli.Tests;

/// <summary>
/// `laqa run` with laqa.generation.rattle: Na8Cl8 (nacl-bmh) generated in the cubic groups only, where rocksalt is the
/// ground state. Relaxation keeps a symmetric candidate in its group, so without the rattle no cubic candidate of 16
/// atoms can become the 2-atom primitive rocksalt.
/// </summary>
public class RattleCampaignTests
{
    private static CampaignRecord Run(TempFolder folder, string dir, string rattle)
    {
        File.WriteAllText(folder.File($"{dir}.conf"), $$"""
            laqa {
              composition = Na8Cl8
              initial-structures = 16
              seed = 2
              generation { space-groups = "195-230", rattle { {{rattle}} } }
              calculator.preset = nacl-bmh
              relaxer { steps-per-batch = 50, fmax = 0.05, smax = 0.1 }
              search { algorithm = rs, max-steps-per-candidate = 2000 }
              workers.count = 2
            }
            """);
        var run = LaqaProcess.Start(folder.Path, "run", $"{dir}.conf", "--dir", dir);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        return CampaignRecord.ReadFolder(folder.File(dir));
    }

    private static bool IsRocksalt(SymmetryDataset d) => d.SpaceGroupNumber == 225 && d.PrimitiveCount == 2;

    [Fact]
    public void RattledCubicCandidatesLeaveTheirGroupAndReachRocksaltWhichUnrattledOnesCannot()
    {
        using var folder = new TempFolder();
        var plain = Run(folder, "plain", "displacement = 0, strain = 0");
        var rattled = Run(folder, "rattled", "displacement = 0.05, strain = 0.01");

        var plainResults = plain.Results.Where(r => r.Status == CandidateStatus.Converged).ToList();
        Assert.NotEmpty(plainResults);
        foreach (var r in plainResults)
        {
            Assert.True(SymmetryAnalyzer.Analyze(r.Initial!, 1e-3).SpaceGroupNumber >= 195, $"candidate {r.Id} was not generated cubic");
            var final = SymmetryAnalyzer.Analyze(r.Current!, 0.1);
            Assert.True(final.SpaceGroupNumber >= 195 && !IsRocksalt(final), $"candidate {r.Id} ended in {final}");
        }

        // Every rattled candidate starts without symmetry; some relax into rocksalt, and the best of all is one of them.
        Assert.All(rattled.Results, r => Assert.Equal(1, SymmetryAnalyzer.Analyze(r.Initial!, 1e-3).SpaceGroupNumber));
        Assert.Contains(rattled.Results, r => r.Status == CandidateStatus.Converged && IsRocksalt(SymmetryAnalyzer.Analyze(r.Current!, 0.1)));
        var best = rattled.Results.Single(r => r.Id == rattled.Totals.BestCandidate);
        Assert.True(IsRocksalt(SymmetryAnalyzer.Analyze(best.Current!, 0.1)));
        Assert.True(best.EnthalpyPerAtom < plainResults.Min(r => r.EnthalpyPerAtom));
    }

    private static int Number(string spaceGroup) => int.Parse(spaceGroup[(spaceGroup.LastIndexOf('(') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);

    // Every operation of the group, in its conventional setting (the cell a campaign generates in), maps each atom onto one of its species.
    private static bool IsInvariantUnder(Structure s, SpaceGroup group) =>
        group.Operations.All(op => Enumerable.Range(0, s.Count).All(i => Enumerable.Range(0, s.Count).Any(j =>
            s.Species[j] == s.Species[i] && IsLatticeVector(op.Apply(s.Fractional[i]) - s.Fractional[j]))));

    private static bool IsLatticeVector(Vec3 d) =>
        Math.Abs(d.X - Math.Round(d.X)) < 1e-6 && Math.Abs(d.Y - Math.Round(d.Y)) < 1e-6 && Math.Abs(d.Z - Math.Round(d.Z)) < 1e-6;

    [Fact]
    public void ResultsNameTheGroupEachCandidateWasGeneratedInAlsoWhenTheRattleHidIt()
    {
        using var folder = new TempFolder();
        var plainRecord = Run(folder, "plain", "displacement = 0, strain = 0");
        Run(folder, "rattled", "displacement = 0.05, strain = 0.01");
        var plain = ResultsTsvRow.Read(folder.File("plain/results.tsv"));
        var rattled = ResultsTsvRow.Read(folder.File("rattled/results.tsv"));

        // The groups `laqa generate` chooses for the same seed and settings, candidate by candidate.
        Assert.Equal(Generated(folder, "plain"), plain.ToDictionary(r => r.Id, r => Number(r.GeneratedSpaceGroup)));
        Assert.Equal(Generated(folder, "rattled", "--rattle", "0.05", "--strain", "0.01"), rattled.ToDictionary(r => r.Id, r => Number(r.GeneratedSpaceGroup)));
        // Unrattled, the initial structure has every symmetry of the group named (and sometimes more: spglib's group).
        var initial = plainRecord.Results.ToDictionary(r => r.Id, r => r.Initial!);
        Assert.Equal(16, plain.Count);
        Assert.All(plain, p => Assert.True(IsInvariantUnder(initial[p.Id], SpaceGroups.Get(Number(p.GeneratedSpaceGroup))), $"candidate {p.Id} is not {p.GeneratedSpaceGroup}"));
        // The check can fail: rocksalt's group does not map every candidate onto itself.
        Assert.Contains(plain, p => !IsInvariantUnder(initial[p.Id], SpaceGroups.Get(225)));
        // Rattled, the structure itself shows no symmetry.
        Assert.All(rattled, r => Assert.Equal("P1(1)", r.InitialSpaceGroup));
    }

    private static Dictionary<int, int> Generated(TempFolder folder, string name, params string[] rattle)
    {
        var generate = LaqaProcess.Start(folder.Path, ["generate", "--composition", "Na8Cl8", "--spg", "195-230", "--count", "16", "--seed", "2",
            "--out", $"{name}-generated", "--json", .. rattle]);
        Assert.True(generate.ExitCode == 0, generate.Output + generate.Error);
        return generate.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.TryGetProperty("id", out _)).ToDictionary(e => e.GetProperty("id").GetInt32(), e => e.GetProperty("spaceGroup").GetInt32());
    }
}
