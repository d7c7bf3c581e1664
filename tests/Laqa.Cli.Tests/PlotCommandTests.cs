using Laqa.Cli.Plots;
using Laqa.Engine.Candidates;
using Laqa.Engine.Journal;
using Microsoft.Data.Sqlite;
using ScottPlot;
using ScottPlot.Plottables;
using SkiaSharp;
using Xunit;

namespace Laqa.Cli.Tests;

public sealed class PlotCommandTests(CampaignFolder campaign) : IClassFixture<CampaignFolder>
{
    [Fact]
    public void RunWritesTheEnergyPlotNextToTheResults() => AssertPlotImage(Path.Combine(campaign.Dir, RunCommand.EnergyPlot));

    [Theory]
    [InlineData("energy")]
    [InlineData("steps")]
    [InlineData("scores")]
    public void EachKindIsAPngOfThePlotSizeThatIsNotBlank(string kind)
    {
        using var folder = new TempFolder();
        var png = folder.File($"{kind}.png");
        var run = LaqaProcess.Start(campaign.Root, "plot", campaign.Dir, "--out", png, "--kind", kind);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(png, run.Output.Trim());
        AssertPlotImage(png);
    }

    [Fact]
    public void EnergyPlotHasEveryBatchOfTheJournalWithinItsAxes()
    {
        // The batches read here from the journal's events themselves: energy after each batch, campaign steps when it was applied.
        var batches = new List<(int Id, long Steps, double Energy)>();
        var steps = 0L;
        foreach (var entry in JournalFile.Read(CampaignJournal.OfFolder(campaign.Dir)))
            if (entry.Event is BatchCompleted b && entry.PersistenceId.StartsWith(CandidateActor.PersistenceIdPrefix, StringComparison.Ordinal))
            {
                steps += b.StepCount;
                batches.Add((int.Parse(entry.PersistenceId[CandidateActor.PersistenceIdPrefix.Length..]), steps, b.EnergiesPerAtom[^1]));
            }
        var trace = Trace();
        Assert.Equal(steps, trace.TotalSteps);
        Assert.Equal(batches.Select(b => (b.Steps, b.Energy)).Order(), trace.Candidates.SelectMany(c => c.Batches).Select(p => (p.Steps, p.EnthalpyPerAtom)).Order());
        // Each candidate ends at the energy and steps results.tsv gives it.
        foreach (var row in campaign.Results.Where(r => r.Steps > 0))
        {
            var candidate = Assert.Single(trace.Candidates, c => c.Id == row.Id);
            Assert.Equal(row.Steps, candidate.Steps);
            Assert.Equal(row.EnergyPerAtom, candidate.Batches[^1].EnthalpyPerAtom, 1e-12);
        }
        Assert.Equal(campaign.Results.First(r => r.Status != "Failed").Id, trace.BestCandidate);
        AssertAxesSpan(CampaignPlots.Energy(trace), batches.Select(b => (double)b.Steps), batches.Select(b => b.Energy));
    }

    [Fact]
    public void StepsPlotReachesTheBestWhenTheRunFoundItAndEndsAtTheTotalSteps()
    {
        var trace = Trace();
        var best = campaign.Results.First(r => r.Status != "Failed").EnergyPerAtom;
        var (stepsToBest, totalSteps) = campaign.BestFoundAfter();
        Assert.Equal(totalSteps, trace.BestSoFar[^1].Steps);
        Assert.Equal(best, trace.BestSoFar[^1].EnthalpyPerAtom, 1e-12);
        Assert.Equal(stepsToBest, trace.BestSoFar.First(p => Math.Abs(p.EnthalpyPerAtom - best) < 1e-12).Steps);
        // The best so far only falls, one point each time it changed.
        Assert.All(trace.BestSoFar.Zip(trace.BestSoFar.Skip(1)), pair => Assert.True(pair.Item2.EnthalpyPerAtom <= pair.Item1.EnthalpyPerAtom));
        AssertAxesSpan(CampaignPlots.Steps([trace]), trace.BestSoFar.Select(p => (double)p.Steps), trace.BestSoFar.Select(p => p.EnthalpyPerAtom));
    }

    [Fact]
    public void LaqaAndRsAreSideBySideInOneStepsPlot()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("si8-rs.conf"), CampaignFolder.Config.Replace("algorithm = laqa, mode = sync, nselect = 2,", "algorithm = rs,"));
        Assert.Equal(0, LaqaProcess.Start(folder.Path, "run", "si8-rs.conf", "--dir", "rs").ExitCode);
        var png = folder.File("both.png");
        var run = LaqaProcess.Start(folder.Path, "plot", campaign.Dir, "rs", "--kind", "steps", "--out", png);
        Assert.Equal(0, run.ExitCode);
        AssertPlotImage(png);

        var rs = CampaignTraceReader.Read(CampaignJournal.OfFolder(folder.File("rs")), "rs");
        var plot = CampaignPlots.Steps([Trace(), rs]);
        Assert.Equal(["laqa sync (si8)", "rs (rs)"], plot.GetPlottables().OfType<Scatter>().Select(s => s.LegendText[..s.LegendText.IndexOf(':')]));
        var rsBest = ResultsTsvRow.Read(Path.Combine(folder.File("rs"), "results.tsv")).First(r => r.Status != "Failed").EnergyPerAtom;
        Assert.Equal(rsBest, rs.BestSoFar[^1].EnthalpyPerAtom, 1e-12);
    }

    [Fact]
    public void ScoresPlotCountsTheSelectionsScoresAndTheSelectionTookTheHighest()
    {
        var trace = Trace();
        var sample = Assert.IsType<ScoreSample>(trace.Scores);
        Assert.InRange(sample.Known, sample.Scores.Length, campaign.Results.Count);
        Assert.InRange(sample.Selected.Length, 1, 2);
        // LAQA (sync) takes the nselect highest scores.
        Assert.Equal(sample.Scores.OrderDescending().Take(sample.Selected.Length), sample.Selected.OrderDescending());
        var plot = CampaignPlots.Scores(trace);
        var bars = plot.GetPlottables().OfType<BarPlot>().ToList();
        Assert.Equal(sample.Scores.Length, bars[0].Bars.Sum(b => b.Value));
        Assert.Equal(sample.Selected.Length, bars[1].Bars.Sum(b => b.Value));
        var limits = plot.Axes.GetLimits();
        Assert.True(limits.Left <= sample.Scores.Min() && limits.Right >= sample.Scores.Max(), $"{limits}");
    }

    [Theory]
    [InlineData("nowhere", "--kind energy", "no such campaign folder")]
    [InlineData(".", "--kind energy", "no campaign here")]
    [InlineData("CAMPAIGN", "--kind pie", "--kind must be one of energy, steps, scores")]
    [InlineData("CAMPAIGN CAMPAIGN", "--kind energy", "--kind energy plots one campaign")]
    public void BadInputIsOneLineExitCodeTwoAndNoFile(string dirs, string kind, string expected)
    {
        using var folder = new TempFolder();
        var run = LaqaProcess.Start(folder.Path, ["plot", .. dirs.Replace("CAMPAIGN", campaign.Dir).Split(' '), .. kind.Split(' '), "--out", "x.png"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, Assert.Single(run.ErrorLines));
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Theory]
    [InlineData("", "--out is empty; give the PNG file to write")]
    [InlineData("p.jpg", "--out must name a .png file (got p.jpg)")]
    [InlineData("afile/p.png", "--out: cannot write {0}/afile/p.png: {0}/afile is a file")]
    [InlineData("/proc/version/p.png", "--out: cannot write /proc/version/p.png: /proc/version is a file")]
    public void ABadOutIsOneLineExitCodeTwoAndNoFile(string output, string message)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("afile"), "");
        var run = LaqaProcess.Start(folder.Path, "plot", campaign.Dir, "--out", output);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"laqa: error: {string.Format(message, folder.Path)}", Assert.Single(run.ErrorLines));
        Assert.Equal(["afile"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void AnOutInAFolderNotYetThereMakesTheFolder()
    {
        using var folder = new TempFolder();
        var run = LaqaProcess.Start(folder.Path, "plot", campaign.Dir, "--out", "plots/energy.png");
        Assert.Equal(0, run.ExitCode);
        Assert.True(new FileInfo(folder.File("plots/energy.png")).Length > 0);
    }

    [Fact]
    public void ACampaignStillGeneratingIsOneLineExitCodeTwoAndNoFile()
    {
        using var folder = new TempFolder();
        var generating = folder.File("generating");
        Directory.CreateDirectory(generating);
        var database = Path.Combine(generating, "campaign.db");
        File.Copy(Path.Combine(campaign.Dir, "campaign.db"), database);
        // The journal as it stood before the campaign left the generating phase: a campaign stopped, or still running, while generating.
        var searching = JournalFile.Read(database).First(e => e.Event is Laqa.Engine.Campaign.CampaignPhaseChanged).Ordering;
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM journal WHERE ordering >= {searching}";
            Assert.True(delete.ExecuteNonQuery() > 0);
        }
        var run = LaqaProcess.Start(folder.Path, "plot", "generating", "--out", "x.png");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("laqa: error: generating: the campaign is still generating its structures (no search yet): nothing to plot", Assert.Single(run.ErrorLines));
        Assert.False(File.Exists(folder.File("x.png")));
    }

    private CampaignTrace Trace() => CampaignTraceReader.Read(CampaignJournal.OfFolder(campaign.Dir), "si8");

    /// <summary>The data's range is within the axes, with at most a tenth of it as margin on each side.</summary>
    private static void AssertAxesSpan(Plot plot, IEnumerable<double> xs, IEnumerable<double> ys)
    {
        var limits = plot.Axes.GetLimits();
        AssertSpan(limits.Left, limits.Right, [.. xs]);
        AssertSpan(limits.Bottom, limits.Top, [.. ys]);
    }

    private static void AssertSpan(double low, double high, double[] data)
    {
        var (min, max) = (data.Min(), data.Max());
        var margin = (max - min) / 10;
        Assert.InRange(low, min - margin, min);
        Assert.InRange(high, max, max + margin);
    }

    /// <summary>A PNG of the plots' size, drawn on: many colours, and a good share of pixels that are not the white background.</summary>
    private static void AssertPlotImage(string path)
    {
        using var bitmap = SKBitmap.Decode(path);
        Assert.NotNull(bitmap);
        Assert.Equal((CampaignPlots.Width, CampaignPlots.Height), (bitmap.Width, bitmap.Height));
        var pixels = bitmap.Pixels;
        Assert.True(pixels.Distinct().Count() > 50, "too few colours");
        var drawn = pixels.Count(p => p != SKColors.White);
        Assert.InRange(drawn, pixels.Length / 50, pixels.Length);
    }
}
