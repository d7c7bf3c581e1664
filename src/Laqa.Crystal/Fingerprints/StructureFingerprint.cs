using Laqa.Crystal.Neighbours;
using MathNet.Numerics;

namespace Laqa.Crystal.Fingerprints;

/// <summary>
/// The Oganov–Valle fingerprint of a crystal (A. R. Oganov, M. Valle, J. Chem. Phys. 130, 104504 (2009)): for each
/// pair of elements A ≤ B, a radial distribution function on bins of <see cref="BinWidth"/> Å up to <see cref="Cutoff"/>,
///     F_AB(r) = Σ_{i∈A} Σ_{j∈B, images} g(r − r_ij) / (4π r_ij² (N_A N_B / V) Δ) − 1,
/// each distance smeared by a Gaussian g of width <see cref="Sigma"/> integrated over the bin. Built from all distances
/// within the cut-off, it does not depend on the cell chosen (any unimodular transformation), the origin or the order of
/// the atoms; normalised per atom pair and per volume, a supercell has the fingerprint of its primitive cell.
/// </summary>
public sealed class StructureFingerprint
{
    public const double DefaultCutoff = 6.0;
    public const double DefaultBinWidth = 0.05;
    public const double DefaultSigma = 0.05;

    private StructureFingerprint(IReadOnlyList<(string A, string B)> pairs, double[] weights, double[][] values, string reducedFormula,
        double cutoff, double binWidth, double sigma)
    {
        Pairs = pairs;
        Weights = weights;
        Values = values;
        ReducedFormula = reducedFormula;
        Cutoff = cutoff;
        BinWidth = binWidth;
        Sigma = sigma;
    }

    /// <summary>The element pairs (A ≤ B, ordinal order), each with its bins in <see cref="Values"/>.</summary>
    public IReadOnlyList<(string A, string B)> Pairs { get; }

    /// <summary>Each pair's share of the atom pairs: N_A N_B (twice for A ≠ B) over N².</summary>
    public double[] Weights { get; }

    public double[][] Values { get; }

    /// <summary>Elements in ordinal order, each with its count over the greatest common divisor of the counts.</summary>
    public string ReducedFormula { get; }

    public double Cutoff { get; }
    public double BinWidth { get; }
    public double Sigma { get; }

    public static StructureFingerprint Of(Structure structure, double cutoff = DefaultCutoff, double binWidth = DefaultBinWidth, double sigma = DefaultSigma)
    {
        if (!(cutoff > 0 && binWidth > 0 && sigma > 0) || binWidth > cutoff)
            throw new ArgumentOutOfRangeException(nameof(cutoff), "cut-off, bin width and sigma must be positive, the bin within the cut-off");
        var counts = structure.Composition().ToDictionary(c => c.Symbol, c => c.Count);
        var symbols = counts.Keys.OrderBy(s => s, StringComparer.Ordinal).ToArray();
        var pairs = new List<(string, string)>();
        var pairIndex = new Dictionary<(string, string), int>();
        foreach (var a in symbols)
            foreach (var b in symbols.Where(b => string.CompareOrdinal(a, b) <= 0))
            {
                pairIndex[(a, b)] = pairs.Count;
                pairs.Add((a, b));
            }
        var bins = (int)Math.Round(cutoff / binWidth);
        var values = pairs.Select(_ => new double[bins]).ToArray();
        // Gaussians reaching past the cut-off count in the bins below it.
        var neighbours = NeighbourList.Build(structure, cutoff + 5 * sigma);
        var species = structure.Species;
        var volume = structure.Lattice.Volume;
        for (var i = 0; i < structure.Count; i++)
            for (var k = neighbours.Start[i]; k < neighbours.Start[i + 1]; k++)
            {
                var (a, b) = Ordered(species[i], species[neighbours.Index[k]]);
                // A full list holds each A–B pair from both ends; count it from A's end only (both for A = B, as the formula does).
                if (a != b && species[i] != a) continue;
                var d = neighbours.Distance[k];
                if (d < 1e-8) continue;
                var norm = 4 * Math.PI * d * d * (counts[a] * (double)counts[b] / volume) * binWidth;
                Smear(values[pairIndex[(a, b)]], d, binWidth, sigma, 1 / norm);
            }
        foreach (var row in values)
            for (var k = 0; k < row.Length; k++) row[k] -= 1;
        var n = (double)structure.Count;
        var weights = pairs.Select(p => counts[p.Item1] * (double)counts[p.Item2] * (p.Item1 == p.Item2 ? 1 : 2) / (n * n)).ToArray();
        return new StructureFingerprint(pairs, weights, values, ReducedFormulaOf(symbols, counts), cutoff, binWidth, sigma);
    }

    /// <summary>
    /// The cosine distance D = (1 − Σ_AB w_AB F¹_AB·F²_AB / √(Σ w |F¹|² Σ w |F²|²)) / 2, in [0, 1]: 0 for the same crystal;
    /// 1 for crystals of different reduced formulas, which are never the same.
    /// </summary>
    public double DistanceTo(StructureFingerprint other)
    {
        if (ReducedFormula != other.ReducedFormula) return 1;
        if (Cutoff != other.Cutoff || BinWidth != other.BinWidth || Sigma != other.Sigma)
            throw new ArgumentException("fingerprints made with different cut-off, bins or sigma cannot be compared", nameof(other));
        double dot = 0, self = 0, theirs = 0;
        for (var p = 0; p < Pairs.Count; p++)
        {
            var w = Weights[p];
            double[] x = Values[p], y = other.Values[p];
            for (var k = 0; k < x.Length; k++)
            {
                dot += w * x[k] * y[k];
                self += w * x[k] * x[k];
                theirs += w * y[k] * y[k];
            }
        }
        if (self == 0 || theirs == 0) return self == theirs ? 0 : 1;
        return Math.Clamp((1 - dot / Math.Sqrt(self * theirs)) / 2, 0, 1);
    }

    /// <summary>Symbols in ordinal order with their counts over the counts' greatest common divisor: the same for any cell of the crystal.</summary>
    private static string ReducedFormulaOf(string[] symbols, Dictionary<string, int> counts)
    {
        var divisor = symbols.Aggregate(0, (g, s) => (int)Euclid.GreatestCommonDivisor(g, counts[s]));
        return string.Concat(symbols.Select(s => $"{s}{counts[s] / divisor}"));
    }

    private static (string, string) Ordered(string x, string y) => string.CompareOrdinal(x, y) <= 0 ? (x, y) : (y, x);

    /// <summary>Adds scale × the Gaussian of width sigma at d integrated over each bin it reaches.</summary>
    private static void Smear(double[] row, double d, double binWidth, double sigma, double scale)
    {
        var from = Math.Max(0, (int)Math.Floor((d - 5 * sigma) / binWidth));
        var to = Math.Min(row.Length - 1, (int)Math.Floor((d + 5 * sigma) / binWidth));
        var s = sigma * Math.Sqrt(2);
        for (var k = from; k <= to; k++)
            row[k] += scale * 0.5 * (SpecialFunctions.Erf(((k + 1) * binWidth - d) / s) - SpecialFunctions.Erf((k * binWidth - d) / s));
    }
}
