using System.Text.Json;
using System.Text.RegularExpressions;
using Laqa.Engine.Candidates;
using Laqa.Engine.Journal;
using Laqa.Search;
using Xunit;

namespace Laqa.Cli.Tests;

/// <summary>
/// One campaign on several nodes, all real `laqa` processes on 127.0.0.1: worker nodes that join,
/// leave with SIGTERM or die with SIGKILL mid-run, and a campaign node killed and restarted under
/// its workers. However nodes come and go, every candidate ends, and each batch is applied exactly once.
/// </summary>
public class ClusterTests
{
    // Generous bounds for a loaded 2-core machine.
    private static readonly TimeSpan JoinWithin = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RunWithin = TimeSpan.FromMinutes(6);

    // Si64 batches of 100 FIRE steps, a campaign of some 30 s with two workers; the campaign node runs
    // none itself, so the search moves only while worker nodes are there.
    private const string Campaign = """
        laqa {
          composition = Si64
          initial-structures = 60
          seed = 3
          relaxer.steps-per-batch = 100
          search { nselect = 8, max-steps-per-candidate = 3000 }
          workers.count = 0
        }
        """;

    [Fact]
    public void WorkersThatJoinLeaveOrDieMidRunLeaveEveryBatchAppliedOnce()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("si64.conf"), Campaign);
        var port = FreePort.Next();
        using var campaign = LaqaChild.Start(folder.Path, "run", "si64.conf", "--dir", "si64", "--port", $"{port}");
        Assert.True(campaign.WaitForLine(l => l.Contains($"--join 127.0.0.1:{port}"), JoinWithin), campaign.Output);
        using var killed = JoinWorker(folder, port);
        using var leaving = JoinWorker(folder, port);
        Assert.True(campaign.WaitForLine(l => LaqaChild.BatchesIn(l) >= 20, RunWithin), campaign.Output);

        killed.Kill();
        using var added = JoinWorker(folder, port);
        leaving.Signal(UnixSignal.SIGTERM);
        leaving.WaitForExit(JoinWithin);
        Assert.True(leaving.ExitCode == 0, leaving.Output);
        Assert.Contains("left the campaign", leaving.Output);

        campaign.WaitForExit(RunWithin);
        Assert.True(campaign.ExitCode == 0, campaign.Output);
        added.WaitForExit(JoinWithin);
        Assert.True(added.ExitCode == 0 && added.Output.Contains("the campaign ended (every candidate is done)"), added.Output);
        Assert.Empty(JournalChecks.EveryBatchAppliedOnce(new SqliteJournal(Path.Combine(folder.File("si64"), "campaign.db"))));

        // The status names every node, how the killed and the stopped one went, and who ran how many batches.
        var status = LaqaProcess.Start(folder.Path, "status", "si64", "--json");
        var root = JsonDocument.Parse(status.Output).RootElement;
        var nodes = root.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("address").GetString()!);
        Assert.Equal(4, nodes.Count);
        Assert.Equal("downed", nodes[NodeOf(killed)].GetProperty("state").GetString());
        Assert.Equal("left", nodes[NodeOf(leaving)].GetProperty("state").GetString());
        Assert.Equal(1, nodes[NodeOf(added)].GetProperty("workers").GetInt32());
        Assert.Equal(["campaign", "worker"], nodes[$"127.0.0.1:{port}"].GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(0, nodes[$"127.0.0.1:{port}"].GetProperty("batches").GetInt32());
        Assert.Equal(root.GetProperty("batches").GetInt64(), nodes.Values.Sum(n => n.GetProperty("batches").GetInt64()));
    }

    [Fact]
    public void WorkersRejoinACampaignNodeKilledAndRestartedAndTheCampaignEnds()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("si64.conf"), Campaign);
        var port = FreePort.Next();
        using (var first = LaqaChild.Start(folder.Path, "run", "si64.conf", "--dir", "si64", "--port", $"{port}"))
        {
            Assert.True(first.WaitForLine(l => l.Contains($"--join 127.0.0.1:{port}"), JoinWithin), first.Output);
            using var a = JoinWorker(folder, port);
            using var b = JoinWorker(folder, port);
            Assert.True(first.WaitForLine(l => LaqaChild.BatchesIn(l) >= 20, RunWithin), first.Output);
            first.Kill();

            using var restarted = LaqaChild.Start(folder.Path, "run", "si64.conf", "--dir", "si64", "--port", $"{port}");
            foreach (var worker in new[] { a, b })
                Assert.True(worker.WaitForLine(l => l.StartsWith("joined the campaign", StringComparison.Ordinal), RunWithin), worker.Output);
            restarted.WaitForExit(RunWithin);
            Assert.True(restarted.ExitCode == 0, restarted.Output);
            foreach (var worker in new[] { a, b })
            {
                worker.WaitForExit(JoinWithin);
                Assert.True(worker.ExitCode == 0, worker.Output);
                Assert.Contains("lost the campaign node", worker.Output);
            }
        }
        Assert.Empty(JournalChecks.EveryBatchAppliedOnce(new SqliteJournal(Path.Combine(folder.File("si64"), "campaign.db"))));
    }

    [Fact]
    public void OnlyANodeWithACertificateFromTheCampaignsAuthorityJoinsATlsCampaign()
    {
        using var folder = new TempFolder();
        var passwordEnv = $"LAQA_TEST_TLS_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(passwordEnv, "cluster secret");
        TestCertificates.Authority(folder, "ca");
        TestCertificates.Authority(folder, "other-ca");
        TestCertificates.Node(folder, "ca", "campaign", "cluster secret");
        var member = TestCertificates.Node(folder, "ca", "member", "cluster secret");
        var stranger = TestCertificates.Node(folder, "other-ca", "stranger", "cluster secret");
        File.WriteAllText(folder.File("si64.conf"), Campaign + $$"""
            laqa.cluster.tls { certificate = campaign.p12, password-env = {{passwordEnv}} }
            """);
        var port = FreePort.Next();
        using var campaign = LaqaChild.Start(folder.Path, "run", "si64.conf", "--dir", "si64", "--port", $"{port}");
        Assert.True(campaign.WaitForLine(l => l.Contains($"akka.ssl.tcp://laqa@127.0.0.1:{port}"), JoinWithin), campaign.Output);

        var foreign = LaqaProcess.Start(folder.Path, "worker", "--join", $"127.0.0.1:{port}", "--join-timeout", "30",
            "--tls-certificate", stranger, "--tls-password-env", passwordEnv);
        Assert.True(foreign.ExitCode == 2, foreign.Output + foreign.Error);
        Assert.Single(foreign.ErrorLines);
        var plain = LaqaProcess.Start(folder.Path, "worker", "--join", $"127.0.0.1:{port}", "--join-timeout", "10");
        Assert.True(plain.ExitCode == 2, plain.Output + plain.Error);
        Assert.Contains("no laqa campaign answered within 10 s", plain.Error);
        Assert.DoesNotContain("joined", foreign.Output + plain.Output);

        using var worker = JoinWorker(folder, port, "--tls-certificate", member, "--tls-password-env", passwordEnv);
        campaign.WaitForExit(RunWithin);
        Assert.True(campaign.ExitCode == 0, campaign.Output);
        worker.WaitForExit(JoinWithin);
        Assert.Empty(JournalChecks.EveryBatchAppliedOnce(new SqliteJournal(Path.Combine(folder.File("si64"), "campaign.db"))));
    }

    [Fact]
    public void AWorkerWhosePotentialFileDiffersFromTheCampaignsExitsWithOneLineAndTheCampaignGoesOn()
    {
        using var folder = new TempFolder();
        File.Copy("/usr/share/lammps/potentials/Si.sw", folder.File("Si.sw"));
        File.WriteAllText(folder.File("si64.conf"), Campaign.Replace("workers.count = 0", "workers.count = 1").Replace("initial-structures = 60", "initial-structures = 8") + """
            laqa.calculator.lammps-file = Si.sw
            """);
        var port = FreePort.Next();
        using var campaign = LaqaChild.Start(folder.Path, "run", "si64.conf", "--dir", "si64", "--port", $"{port}");
        Assert.True(campaign.WaitForLine(l => l.Contains($"--join 127.0.0.1:{port}"), JoinWithin), campaign.Output);

        // The file the campaign read is edited before the worker reads it: the worker must not run another potential.
        File.AppendAllText(folder.File("Si.sw"), "\n# edited\n");
        var worker = LaqaProcess.Start(folder.Path, "worker", "--join", $"127.0.0.1:{port}");
        Assert.True(worker.ExitCode == 2, worker.Output + worker.Error);
        var line = Assert.Single(worker.ErrorLines);
        Assert.Contains("laqa.calculator.lammps-file.sha256", line);

        campaign.WaitForExit(RunWithin);
        Assert.True(campaign.ExitCode == 0, campaign.Output);
        var status = JsonDocument.Parse(LaqaProcess.Start(folder.Path, "status", "si64", "--json").Output).RootElement;
        Assert.Single(status.GetProperty("nodes").EnumerateArray());
    }

    [Fact]
    public void APortAnotherProgramHoldsIsOneLineAndNothingIsWritten()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("si64.conf"), Campaign);
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var port = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;

        var run = LaqaProcess.Start(folder.Path, "run", "si64.conf", "--dir", "si64", "--port", $"{port}");
        var worker = LaqaProcess.Start(folder.Path, "worker", "--join", "127.0.0.1:1", "--port", $"{port}");

        foreach (var refused in new[] { run, worker })
        {
            Assert.True(refused.ExitCode == 2, refused.Output + refused.Error);
            Assert.Equal($"laqa: error: cannot listen on 127.0.0.1:{port} (--hostname, --port): Address already in use", Assert.Single(refused.ErrorLines));
        }
        Assert.False(Directory.Exists(folder.File("si64")));
    }

    [Theory]
    [InlineData("--hostname", "no-such-host.invalid", "laqa: error: cannot listen on no-such-host.invalid:0 (--hostname, --port): ")]
    [InlineData("--public-hostname", "bad host", "laqa: error: public hostname \"bad host\" (--public-hostname, laqa.cluster.public-hostname) is neither a host name nor an IP address")]
    public void AnAddressTheNodeCannotHaveIsOneLineAndNothingIsWrittenAlsoOnAnyFreePort(string option, string host, string expected)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("si64.conf"), Campaign);

        var run = LaqaProcess.Start(folder.Path, "run", "si64.conf", "--dir", "si64", option, host);
        var worker = LaqaProcess.Start(folder.Path, "worker", "--join", "127.0.0.1:1", "--join-timeout", "5", option, host);

        foreach (var refused in new[] { run, worker })
        {
            Assert.True(refused.ExitCode == 2, refused.Output + refused.Error);
            Assert.StartsWith(expected, Assert.Single(refused.ErrorLines), StringComparison.Ordinal);
        }
        Assert.False(Directory.Exists(folder.File("si64")));
    }

    /// <summary>A `laqa worker` with one worker, once it has said it joined.</summary>
    private static LaqaChild JoinWorker(TempFolder folder, int port, params string[] options)
    {
        var worker = LaqaChild.Start(folder.Path, ["worker", "--join", $"127.0.0.1:{port}", "--workers", "1", .. options]);
        Assert.True(worker.WaitForLine(l => l.StartsWith("joined the campaign", StringComparison.Ordinal), JoinWithin), worker.Output);
        return worker;
    }

    /// <summary>"host:port" of a worker node, from the line it printed when it joined.</summary>
    private static string NodeOf(LaqaChild worker) =>
        Regex.Match(worker.Output, @"joined the campaign at \S+ as akka\.tcp://laqa@(\S+) with").Groups[1].Value;
}
