using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Engine.Campaign;
using Laqa.Engine.Candidates;
using Laqa.Engine.Journal;
using Laqa.Engine.Selection;
using Laqa.Search;
using Xunit;

namespace Laqa.Engine.Tests;

public sealed class CampaignFoldTests
{
    private static readonly Structure Cell = new(new Lattice(new Vec3(3, 0, 0), new Vec3(0, 3, 0), new Vec3(0, 0, 3)), ["Si"], [new Vec3(0, 0, 0)]);

    /// <summary>Candidates 0 and 1 of 3: 0 runs 3 steps, 1 runs 2 and converges, 0 runs 4 more and converges; selections took 0 twice, 1 once.</summary>
    private static readonly List<JournalEntry> Entries = Journal(
        ("campaign", new CampaignStarted("f", 3, null, 100, 0)),
        ("campaign", new NodeJoined("127.0.0.1:1", ["campaign", "worker"], 2, DateTimeOffset.UnixEpoch)),
        ("candidate-0", new CandidateCreated(Cell)),
        ("candidate-1", new CandidateCreated(Cell)),
        ("selector", new SelectionMade(new SelectionRecord(0, [new SelectedBatch(0, 0), new SelectedBatch(1, 0)]), [])),
        ("candidate-0", Batch(0, -1.0, -1.5, -1.7)),
        ("candidate-1", Batch(0, -2.0, -2.1)),
        ("candidate-1", new CandidateConverged()),
        ("selector", new SelectionMade(new SelectionRecord(1, [new SelectedBatch(0, 1)]), [])),
        ("candidate-0", Batch(1, -1.8, -1.9, -1.95, -1.96)),
        ("candidate-0", new CandidateConverged()),
        ("campaign", new CampaignPhaseChanged(CampaignPhase.Done, "every candidate is done")));

    [Fact]
    public void TheFoldCountsSelectionsAndTheStepsAppliedWhenEachCandidateConverged()
    {
        var fold = new CampaignFold(CandidateEntry.Empty);
        foreach (var entry in Entries) fold.Apply(entry);

        Assert.Equal(9, fold.AppliedSteps);
        Assert.Equal((2, 9L, 9L), Counts(fold.Touched[0]));
        Assert.Equal((1, 5L, 5L), Counts(fold.Touched[1]));
        Assert.Equal((0, (long?)null, (long?)null), Counts(fold.Touched[2]));
        Assert.Equal(CampaignPhase.Done, fold.Phase);
        Assert.Equal(3, Assert.Single(fold.Nodes).Batches);
        // The same as the search's own definition over the applied batches.
        AppliedBatch[] applied = [new(0, 3, false), new(1, 2, true), new(0, 4, true)];
        Assert.Equal(StepsToBest.Of(applied, 0), fold.Touched[0].StepsAtConvergence);
        Assert.Equal(StepsToBest.Of(applied, 1), fold.Touched[1].StepsAtConvergence);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(9)]
    public void AFoldResumedFromWhereAnotherStoppedEndsAsOneFoldOfEveryEvent(int split)
    {
        var whole = new CampaignFold(CandidateEntry.Empty);
        foreach (var entry in Entries) whole.Apply(entry);

        var first = new CampaignFold(CandidateEntry.Empty);
        foreach (var entry in Entries.Take(split)) first.Apply(entry);
        var second = new CampaignFold(first.Started, first.Phase, first.EndReason, first.AppliedSteps, first.Nodes,
            id => first.Touched.TryGetValue(id, out var kept) ? kept : CandidateEntry.Empty(id));
        foreach (var entry in Entries.Skip(split)) second.Apply(entry);

        Assert.Equal(whole.AppliedSteps, second.AppliedSteps);
        Assert.Equal(whole.Nodes.Single().Batches, second.Nodes.Single().Batches);
        foreach (var id in whole.Touched.Keys)
        {
            var expected = whole.Touched[id];
            var actual = second.Touched.TryGetValue(id, out var changed) ? changed : first.Touched[id];
            Assert.Equal(Counts(expected), Counts(actual));
            Assert.Equal(expected.State.EnergiesPerAtom, actual.State.EnergiesPerAtom);
            Assert.Equal(expected.State.Status, actual.State.Status);
        }
    }

    private static (int, long?, long?) Counts(CandidateEntry e) => (e.TimesSelected, e.StepsAtConvergence, e.StepsThroughLastBatch);

    private static BatchCompleted Batch(int number, params double[] energies) =>
        new(number, energies, [.. energies.Select(_ => 0.1)], [.. energies.Select(_ => 0.01)], RelaxationState.Start(Cell), null, "127.0.0.1:1");

    private static List<JournalEntry> Journal(params (string PersistenceId, object Event)[] events)
    {
        var sequence = new Dictionary<string, long>();
        return [.. events.Select((e, i) => new JournalEntry(i + 1, e.PersistenceId, sequence[e.PersistenceId] = sequence.GetValueOrDefault(e.PersistenceId) + 1, e.Event))];
    }
}
