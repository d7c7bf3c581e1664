using System.Globalization;
using Laqa.Crystal;
using Laqa.Crystal.IO;
using ScottPlot;

namespace Laqa.Cli.Plots;

/// <summary>
/// The plots of `laqa plot` (ScottPlot), from plain traces: each builder returns the plot with its axes scaled to the data,
/// so its limits can be read before it is saved as a PNG.
/// </summary>
public static class CampaignPlots
{
    public const int Width = 1200;
    public const int Height = 800;

    /// <summary>Candidates drawn as lines in the energy plot, those given most steps; every other batch is a dot (a plot of 100,000 candidates stays cheap).</summary>
    public const int MaxLines = 200;

    /// <summary>Dots for the batches of the other candidates at most.</summary>
    public const int MaxDots = 20_000;

    private const string Font = "DejaVu Sans";
    private const string StepsLabel = "relaxation steps applied (campaign total)";
    private static readonly Color Best = Colors.Red;

    /// <summary>
    /// Every candidate's enthalpy per atom after each batch against the campaign's steps when it was applied: where the search spent its
    /// steps (LAQA: on few trajectories); the best candidate in red.
    /// </summary>
    public static Plot Energy(CampaignTrace trace)
    {
        var plot = New($"{trace.Title}: {trace.Search}, {trace.Candidates.Count} candidates relaxed, {trace.TotalSteps} steps", StepsLabel,
            $"{Quantity(trace.ExternalPressure)} after each batch (eV/atom)");
        var lines = trace.Candidates.OrderByDescending(c => c.Steps).ThenBy(c => c.Id).Take(MaxLines).ToHashSet();
        var batches = trace.Candidates.Where(c => !lines.Contains(c)).SelectMany(c => c.Batches).ToArray();
        if (batches.Length > 0)
        {
            // Rendering costs per dot: past MaxDots every stride-th of these batches (by candidate id) stands for the others.
            var stride = (batches.Length + MaxDots - 1) / MaxDots;
            var dots = batches.Where((_, i) => i % stride == 0).ToArray();
            var others = plot.Add.Markers(Xs(dots), Ys(dots), MarkerShape.FilledCircle, 3, Colors.Gray.WithAlpha(0.5));
            others.LegendText = $"{trace.Candidates.Count - lines.Count} candidates with fewer steps (" +
                                (stride == 1 ? "one dot a batch)" : $"one dot for {stride} batches, every {stride}th)");
        }
        var palette = new ScottPlot.Palettes.Category10();
        var drawn = 0;
        foreach (var candidate in lines.Where(c => c.Id != trace.BestCandidate))
        {
            var line = plot.Add.ScatterLine(Xs(candidate.Batches), Ys(candidate.Batches), palette.GetColor(drawn++).WithAlpha(0.6));
            line.LineWidth = 1;
            line.MarkerSize = 4;
            line.MarkerShape = MarkerShape.FilledCircle;
        }
        if (drawn > 0) plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{drawn} candidates given most steps", LineColor = palette.GetColor(0), LineWidth = 1 });
        if (trace.Candidates.FirstOrDefault(c => c.Id == trace.BestCandidate) is { } best)
        {
            var line = plot.Add.ScatterLine(Xs(best.Batches), Ys(best.Batches), Best);
            line.LineWidth = 2.5f;
            line.MarkerSize = 6;
            line.MarkerShape = MarkerShape.FilledCircle;
            line.LegendText = Invariant($"best: #{best.Id}, {best.Batches[^1].EnthalpyPerAtom:F5} eV/atom, {best.Steps} steps of its own");
        }
        return Finish(plot);
    }

    /// <summary>The best-so-far enthalpy per atom against the campaign's steps, one line per campaign (laqa and rs side by side), named by its search and title.</summary>
    public static Plot Steps(IReadOnlyList<CampaignTrace> traces)
    {
        if (traces.Select(t => t.ExternalPressure).Distinct().Count() > 1)
            throw new LaqaInputException($"{string.Join(", ", traces.Select(t => t.Title))}: the campaigns relaxed under different pressures, their enthalpies do not compare");
        if (traces.FirstOrDefault(t => t.BestSoFar.Count == 0) is { } none)
            throw new LaqaInputException($"{none.Title}: every candidate with a batch has failed: no best to plot");
        var plot = New(traces.Count == 1 ? $"{traces[0].Title}: {traces[0].Search}, best found against steps" : "best found against steps",
            StepsLabel, $"best {Quantity(traces[0].ExternalPressure)} so far (eV/atom)");
        var palette = new ScottPlot.Palettes.Category10();
        foreach (var (trace, i) in traces.Select((t, i) => (t, i)))
        {
            var line = plot.Add.ScatterLine(Xs(trace.BestSoFar), Ys(trace.BestSoFar), palette.GetColor(i));
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = 2;
            line.MarkerSize = 5;
            line.MarkerShape = MarkerShape.FilledCircle;
            line.LegendText = Invariant($"{trace.Search} ({trace.Title}): {trace.BestSoFar[^1].EnthalpyPerAtom:F5} eV/atom, {trace.TotalSteps} steps");
        }
        return Finish(plot);
    }

    /// <summary>The distribution of the finite LAQA scores at the selection that weighed most candidates; those it took in orange.</summary>
    public static Plot Scores(CampaignTrace trace)
    {
        var sample = trace.Scores ?? throw new LaqaInputException($"{trace.Title}: no selection saw a finite LAQA score: no scores to plot");
        var plot = New($"{trace.Title}: {trace.Search}, LAQA scores at selection {sample.Selection} ({sample.Scores.Length} finite of {sample.Known} candidates)",
            "LAQA score L = -H + bias (eV/atom)", "candidates");
        var (low, high) = (sample.Scores.Min(), sample.Scores.Max());
        // About two bins per square root of the count; a single value still gets a bin of some width.
        var bins = Math.Clamp((int)Math.Ceiling(Math.Sqrt(sample.Scores.Length)) * 2, 5, 60);
        var width = (high > low ? high - low : Math.Max(Math.Abs(low) * 1e-3, 1e-6)) / bins;
        AddHistogram(plot, sample.Scores, low, width, bins, Colors.SteelBlue);
        AddHistogram(plot, sample.Selected, low, width, bins, Colors.Orange);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "candidates known to the selector", FillColor = Colors.SteelBlue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "taken by the selection", FillColor = Colors.Orange });
        // The highest scores, those a selection takes, are on the right.
        return Finish(plot, Alignment.UpperLeft);
    }

    /// <summary>Bars of the counts of values in bins of this width from low (the highest value in the last bin).</summary>
    private static void AddHistogram(Plot plot, double[] values, double low, double width, int bins, Color color)
    {
        var counts = new int[bins];
        foreach (var v in values) counts[Math.Clamp((int)Math.Floor((v - low) / width), 0, bins - 1)]++;
        var bars = counts.Select((n, i) => new Bar { Position = low + (i + 0.5) * width, Value = n, Size = width, FillColor = color, LineWidth = 0 })
            .Where(b => b.Value > 0).ToList();
        plot.Add.Bars(bars);
    }

    /// <summary>Writes the plot as a PNG of the plots' size, whole or not at all.</summary>
    public static void Save(Plot plot, string path) => AtomicFile.WriteAllBytes(path, plot.GetImageBytes(Width, Height, ImageFormat.Png));

    private static Plot New(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Font.Set(Font);
        plot.Title(title, 16);
        plot.XLabel(x, 14);
        plot.YLabel(y, 14);
        return plot;
    }

    private static Plot Finish(Plot plot, Alignment legend = Alignment.UpperRight)
    {
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = legend;
        plot.Axes.Margins(horizontal: 0.02, vertical: 0.05);
        plot.Axes.AutoScale();
        return plot;
    }

    private static string Quantity(double pressure) =>
        ExternalPressure.IsZero(pressure) ? "energy per atom" : $"enthalpy per atom at {ExternalPressure.GPa(pressure)} GPa";

    private static double[] Xs(IEnumerable<StepPoint> points) => [.. points.Select(p => (double)p.Steps)];

    private static double[] Ys(IEnumerable<StepPoint> points) => [.. points.Select(p => p.EnthalpyPerAtom)];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
