using System.Globalization;
using System.Text.Json;
using Laqa.Engine.Configuration;
using Laqa.Engine.Hosting;
using Xunit;

namespace Laqa.Engine.Tests.CrySpy;

public sealed class CrySpyReplayTests
{
    // Si8 on Tersoff at zero pressure; the step cap is far above what any candidate needs, since CrySPY has none.
    private const string Campaign = """
        laqa {
          composition = Si8
          initial-structures = 16
          seed = 8
          calculator.preset = si-tersoff
          relaxer { steps-per-batch = 5, fmax = 0.05, smax = 0.2 }
          search { algorithm = laqa, mode = sync, nselect = 3, max-steps-per-candidate = 100000 }
          workers.count = 2
        }
        """;

    [Fact]
    public async Task EverySyncSelectionOfARealCampaignIsTheOneCrySPYsRuleMakesFromTheJournalledBatches()
    {
        using var dir = new TempFolder();
        var spec = CampaignConfigLoader.Load(Campaign);
        var components = CampaignComponents.From(spec);
        var result = await CampaignHost.RunAsync(components.Settings, dir.Path, components.Structures, components.RelaxerFactory);
        Assert.True(result.Finished);

        // Straight from the journal's JSON: the selector's selections and each candidate's batches and end.
        var database = Path.Combine(dir.Path, "campaign.db");
        var selections = JournalReader.Read(database, "selector").Where(r => r.Manifest == "SelectionMade")
            .Select(r => r.Payload.GetProperty("Record").GetProperty("Batches").EnumerateArray()
                .Select(b => (Id: b.GetProperty("CandidateId").GetInt32(), Batch: b.GetProperty("BatchNumber").GetInt32())).ToList())
            .ToList();
        var candidates = JournalReader.Read(database, "candidate-")
            .GroupBy(r => int.Parse(r.PersistenceId["candidate-".Length..], CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(spec.InitialStructures, selections[0].Count);
        Assert.True(selections.Count > 10, $"only {selections.Count} selections");

        var cryspy = new CrySpyLaqaSelection(spec.InitialStructures, spec.Search.Laqa.NSelect);
        for (var k = 0; k < selections.Count; k++)
        {
            foreach (var (id, batchNumber) in selections[k])
            {
                var events = candidates[id];
                var batches = events.Where(e => e.Manifest == "BatchCompleted").ToList();
                var batch = batches.Single(e => e.Payload.GetProperty("BatchNumber").GetInt32() == batchNumber).Payload;
                var ended = events.Any(e => e.Manifest is "CandidateConverged" or "CandidateFailed");
                cryspy.Collect(id, Doubles(batch, "EnergiesPerAtom")[^1], Doubles(batch, "MeanForceNorms"), Doubles(batch, "MeanAbsStresses")[^1],
                    done: ended && batchNumber == batches.Count - 1);
            }
            var expected = cryspy.NextSelection();
            Assert.Equal(k + 1 < selections.Count ? selections[k + 1].Select(s => s.Id) : [], expected);
        }
    }

    private static double[] Doubles(JsonElement batch, string name) => [.. batch.GetProperty(name).EnumerateArray().Select(e => e.GetDouble())];
}
