using System.Diagnostics;
using Laqa.Calculators.External;
using Laqa.TestSupport;
using Xunit;

namespace Laqa.Calculators.Tests.External;

public class ExternalProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void OutputErrorAndExitCodeArriveInTheWorkFolder()
    {
        using var folder = new TempFolder();
        var run = ExternalProcess.Run(["sh", "-c", "echo out; echo err >&2; pwd; exit 3"], folder.Path, "out.txt", "err.txt");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal(["out", folder.Path], File.ReadAllLines(folder.File("out.txt")));
        Assert.Equal("err\n", File.ReadAllText(folder.File("err.txt")));
    }

    [Fact]
    public void AProgramNotOnThePathEndsWith127AndTheShellsMessage()
    {
        using var folder = new TempFolder();
        var run = ExternalProcess.Run(["laqa-no-such-program"], folder.Path, "out", "err");

        Assert.Equal(127, run.ExitCode);
        Assert.Contains("laqa-no-such-program", File.ReadAllText(folder.File("err")));
    }

    [Fact]
    public void TheProgramReadsNoInputFromUs()
    {
        using var folder = new TempFolder();
        var run = ExternalProcess.Run(["sh", "-c", "cat; echo read-to-end"], folder.Path, "out", "err");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("read-to-end\n", File.ReadAllText(folder.File("out")));
    }

    [Fact]
    public void CancellationKillsTheWholeTreeAndThrows()
    {
        using var folder = new TempFolder();
        using var cancel = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var run = Task.Run(() => ExternalProcess.Run(
            ["sh", "-c", "sleep 100 & echo $! >> pids; sh -c 'sleep 100 & echo $! >> pids; wait' & echo $$ >> pids; wait"],
            folder.Path, "out", "err", cancellationToken: cancel.Token));
        var pids = ProcessTrees.WaitForPids(folder.File("pids"), 3, Patience);
        Assert.All(pids, pid => Assert.True(ProcessTrees.Alive(pid)));

        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => run.GetAwaiter().GetResult());
        Assert.True(ProcessTrees.AllGone(pids, Patience), "a process of the tree survived the cancellation");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void CancellationKillsAChildInAProcessGroupOfItsOwnAsMpirunsRanks()
    {
        using var folder = new TempFolder();
        using var cancel = new CancellationTokenSource();
        var run = Task.Run(() => ExternalProcess.Run(["sh", "-c", "perl -e 'setpgrp; exec q(sleep), 100' & echo $! >> pids; wait"],
            folder.Path, "out", "err", cancellationToken: cancel.Token));
        var pids = ProcessTrees.WaitForPids(folder.File("pids"), 1, Patience);
        Assert.True(SpinWait.SpinUntil(() => ProcessTrees.GroupAndSession(pids[0]) is var (group, session) && group != session, Patience));

        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => run.GetAwaiter().GetResult());
        Assert.True(ProcessTrees.AllGone(pids, Patience), "the child in its own process group survived the cancellation");
    }

    [Fact]
    public void WhatTheProgramLeavesRunningIsKilledWhenItEnds()
    {
        using var folder = new TempFolder();
        var run = ExternalProcess.Run(["sh", "-c", "sleep 100 & echo $! > pids; perl -e 'setpgrp; exec q(sleep), 100' & echo $! >> pids"], folder.Path, "out", "err");

        Assert.Equal(0, run.ExitCode);
        var straggler = ProcessTrees.WaitForPids(folder.File("pids"), 2, Patience);
        Assert.True(ProcessTrees.AllGone(straggler, Patience), "a process the program left behind survived");
    }

    [Fact]
    public void ThePassedEnvironmentReachesTheProgram()
    {
        using var folder = new TempFolder();
        ExternalProcess.Run(["sh", "-c", "echo $LAQA_TEST_VALUE"], folder.Path, "out", "err", new Dictionary<string, string> { ["LAQA_TEST_VALUE"] = "42" });

        Assert.Equal("42\n", File.ReadAllText(folder.File("out")));
    }
}
