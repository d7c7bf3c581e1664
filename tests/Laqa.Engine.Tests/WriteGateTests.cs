using Laqa.Engine.Selection;
using Xunit;

namespace Laqa.Engine.Tests;

/// <summary>The selector's journal-before-send gate alone: writes counted, no journal.</summary>
public sealed class WriteGateTests
{
    [Fact]
    public void AnItemLeavesOnlyOnceEveryWriteIssuedBeforeItHasCommittedAndItemsKeepTheirOrder()
    {
        var gate = new WriteGate<string>();
        gate.Hold("before any write");
        Assert.Equal(["before any write"], gate.Release());

        gate.Issue(2);
        gate.Hold("a");
        gate.Hold("b");
        gate.Issue();
        gate.Hold("c");
        Assert.Empty(gate.Release());
        Assert.Equal(3, gate.Pending);

        Assert.Empty(gate.Commit());
        Assert.Equal(["a", "b"], gate.Commit());
        Assert.Equal(["c"], gate.Commit());
        Assert.Equal(0, gate.Pending);
        Assert.Empty(gate.Release());
    }

    [Fact]
    public void AnItemHeldAfterAWriteWaitsEvenWhenOlderWritesCommitMeanwhile()
    {
        var gate = new WriteGate<int>();
        gate.Issue();
        gate.Hold(1);
        gate.Issue();
        Assert.Equal([1], gate.Commit());
        gate.Hold(2);
        Assert.Empty(gate.Release());
        Assert.Equal([2], gate.Commit());
    }
}
