namespace Laqa.Search.Tests;

public class SameFailureRuleTests
{
    private const string Namelist = "pw.x: Error in routine read_namelists (1): bad line in namelist &system: \"  bogus = 1\"";

    private static CandidateSnapshot Failed(int id, int steps = 0) =>
        CandidateSnapshot.Created(id) with { Status = CandidateStatus.Failed, Steps = steps, Batches = 1 };

    [Fact]
    public void StopsOnceWhenTheFirstCandidatesToFailFailBeforeAnyStepWithTheSameErrorInTheirOwnFolders()
    {
        var rule = new SameFailureRule();
        Assert.Null(rule.Observe(CandidateSnapshot.Created(0), null));
        Assert.Null(rule.Observe(Failed(4), $"{Namelist} (in /c/calc/4/0-1)"));
        Assert.Null(rule.Observe(Failed(4), $"{Namelist} (in /c/calc/4/0-1)"));
        Assert.Null(rule.Observe(Failed(1), $"{Namelist} (in /c/calc/1/0-1)"));
        var stop = rule.Observe(Failed(7), $"{Namelist} (in /c/calc/7/0-1)");
        Assert.Equal($"the first 3 candidates to fail all failed before any step with the same error, which would fail every candidate: {Namelist}", stop);
        Assert.Null(rule.Observe(Failed(8), $"{Namelist} (in /c/calc/8/0-1)"));
    }

    [Fact]
    public void NeverStopsOnceACandidateHasTakenAStep()
    {
        var rule = new SameFailureRule();
        Assert.Null(rule.Observe(Failed(0), Namelist));
        Assert.Null(rule.Observe(Snapshots.Relaxing(1, -4.5, batches: 1), null));
        for (var id = 2; id < 10; id++) Assert.Null(rule.Observe(Failed(id), Namelist));
    }

    [Fact]
    public void NeverStopsAfterAFailureWithStepsOrWithAnotherReason()
    {
        var withSteps = new SameFailureRule();
        Assert.Null(withSteps.Observe(Failed(0, steps: 3), Namelist));
        for (var id = 1; id < 10; id++) Assert.Null(withSteps.Observe(Failed(id), Namelist));

        var otherReason = new SameFailureRule();
        Assert.Null(otherReason.Observe(Failed(0), Namelist));
        Assert.Null(otherReason.Observe(Failed(1), "pw.x: SCF not converged in electron-maxstep = 100 iterations at the first step with mixing-beta = 0.7"));
        for (var id = 2; id < 10; id++) Assert.Null(otherReason.Observe(Failed(id), Namelist));
    }

    [Theory]
    [InlineData("pw.x: S matrix not positive definite (in /runs/si8/calc/12/3-2)", "pw.x: S matrix not positive definite")]
    [InlineData("pw.x exited with code 137 after 2 complete steps, without JOB DONE", "pw.x exited with code 137 after 2 complete steps, without JOB DONE")]
    public void DropsOnlyTheTrailingWorkFolder(string reason, string expected) =>
        Assert.Equal(expected, SameFailureRule.WithoutWorkFolder(reason));
}
