namespace Laqa.Search.Tests;

public class StepsToBestTests
{
    [Fact]
    public void CountsEveryAppliedStepUpToTheBatchWithWhichTheBestFirstConverged()
    {
        AppliedBatch[] order =
        [
            new(0, 10, false), new(1, 10, false), new(2, 10, false),
            new(1, 10, false), new(0, 4, true), new(1, 7, true),
            new(2, 10, false), new(2, 3, true),
        ];
        Assert.Equal(14 + 20 + 10 + 7, StepsToBest.Of(order, bestCandidate: 1));
        Assert.Equal(44, StepsToBest.Of(order, bestCandidate: 0));
        Assert.Equal(order.Sum(b => (long)b.Steps), StepsToBest.Of(order, bestCandidate: 2));
    }

    [Fact]
    public void IsNullWhileTheBestHasNotConverged()
    {
        Assert.Null(StepsToBest.Of([new(0, 10, false), new(1, 5, true)], bestCandidate: 0));
        Assert.Null(StepsToBest.Of([], bestCandidate: 0));
    }
}
