using Laqa.Engine.Hosting;
using Laqa.Search;
using Xunit;

namespace Laqa.Engine.Tests;

public sealed class CampaignEndToEndTests
{
    [Fact]
    public async Task SmallCampaignConvergesEveryCandidateAsTheClosedFormModelPredicts()
    {
        using var dir = new TempFolder();
        var campaign = new FakeCampaign(Seed: 7, Candidates: 6, StepsPerBatch: 4);

        var result = await CampaignHost.RunAsync(campaign.Settings(workers: 2), dir.Path, campaign.Source, campaign.Relaxer);

        Assert.True(result.Finished);
        Assert.Equal("every candidate is done", result.EndReason);
        foreach (var c in result.Candidates)
        {
            Assert.Equal(CandidateStatus.Converged, c.Status);
            Assert.Equal(campaign.StepsToConverge(c.Id), c.Steps);
            Assert.Equal(campaign.BatchesToConverge(c.Id), c.Batches);
            Assert.Equal(campaign.ConvergedEnergyPerAtom(c.Id), c.EnergyPerAtom, 12);
            Assert.Equal(campaign.Model.StructureOf(c.Id).Lattice.LengthA, c.Current!.Lattice.LengthA);
        }
        var best = campaign.LowestMinimum();
        Assert.Equal(best, result.Totals.BestCandidate);
        Assert.Equal(campaign.ConvergedEnergyPerAtom(best), result.Totals.BestEnthalpyPerAtom!.Value, 12);
    }

    [Fact]
    public async Task TotalsAndSelectionHistoryAgreeWithTheEventJournal()
    {
        using var dir = new TempFolder();
        var campaign = new FakeCampaign(Seed: 11, Candidates: 5, StepsPerBatch: 3);

        var result = await CampaignHost.RunAsync(campaign.Settings(workers: 2), dir.Path, campaign.Source, campaign.Relaxer);

        var journal = CandidateJournal.Read(Path.Combine(dir.Path, "campaign.db"));
        Assert.Equal(campaign.Candidates, journal.Count);
        foreach (var c in result.Candidates) journal[c.Id].AssertMatches(c);
        Assert.Equal(journal.Values.Sum(j => j.CompletedBatches.Count), result.Totals.Batches);
        Assert.Equal(journal.Values.Sum(j => j.EnergiesPerAtom.Count), result.Totals.Steps);
        Assert.Equal(campaign.Candidates, result.Totals.Structures);
        Assert.Equal(campaign.Candidates, result.Totals.Converged);

        // laqa-async records one selection per batch taken, never twice for a re-dispatch.
        var selected = result.History.SelectMany(r => r.Batches).Select(b => (b.CandidateId, b.BatchNumber)).ToList();
        var applied = journal.Values.SelectMany(j => j.CompletedBatches.Select(n => (j.Id, n))).ToList();
        Assert.Equal(applied.OrderBy(x => x), selected.OrderBy(x => x));
        Assert.Equal(Enumerable.Range(0, result.History.Count), result.History.Select(r => r.Selection));
    }
}
