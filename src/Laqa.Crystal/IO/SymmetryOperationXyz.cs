using System.Globalization;
using System.Text;

namespace Laqa.Crystal.IO;

/// <summary>
/// The "x, y, z" notation of symmetry operations used by CIF (e.g. "-y+1/2, x-y, z+1/3").
/// Coefficients of x, y, z must be integers; translations are fractions or decimals, folded into [0, 1).
/// </summary>
public static class SymmetryOperationXyz
{
    private static readonly int[] Denominators = [1, 2, 3, 4, 6, 8, 12];

    /// <summary>The operation written in <paramref name="text"/>; null with <paramref name="problem"/> set when it is malformed.</summary>
    public static SymmetryOperation? TryParse(string text, out string problem)
    {
        problem = "";
        var parts = text.Split(',');
        if (parts.Length != 3)
        {
            problem = $"expected 3 comma-separated components, found {parts.Length}";
            return null;
        }
        var r = new int[3, 3];
        var t = new double[3];
        for (var i = 0; i < 3; i++)
        {
            var component = parts[i].Replace(" ", "").ToLowerInvariant();
            if (!TryParseComponent(component, i, r, out t[i]))
            {
                problem = $"cannot read component '{parts[i].Trim()}'";
                return null;
            }
        }
        return SymmetryOperation.FromMatrix(r, new Vec3(Vec3.Wrap01(t[0]), Vec3.Wrap01(t[1]), Vec3.Wrap01(t[2])));
    }

    public static string Format(SymmetryOperation op) => string.Join(", ", Enumerable.Range(0, 3).Select(i => Component(op, i)));

    private static bool TryParseComponent(string s, int row, int[,] r, out double translation)
    {
        translation = 0;
        var pos = 0;
        var any = false;
        while (pos < s.Length)
        {
            var sign = 1;
            if (s[pos] is '+' or '-')
            {
                sign = s[pos] == '-' ? -1 : 1;
                pos++;
            }
            double? number = null;
            if (pos < s.Length && (char.IsAsciiDigit(s[pos]) || s[pos] == '.'))
            {
                if (!TryReadNumber(s, ref pos, out var value)) return false;
                number = value;
                if (pos < s.Length && s[pos] == '*') pos++;
            }
            if (pos < s.Length && s[pos] is 'x' or 'y' or 'z')
            {
                var coefficient = number ?? 1;
                if (coefficient != Math.Round(coefficient)) return false;
                r[row, s[pos] - 'x'] += sign * (int)coefficient;
                pos++;
            }
            else if (number is { } value)
                translation += sign * value;
            else
                return false;
            any = true;
        }
        return any;
    }

    private static bool TryReadNumber(string s, ref int pos, out double value)
    {
        var start = pos;
        while (pos < s.Length && (char.IsAsciiDigit(s[pos]) || s[pos] == '.')) pos++;
        value = 0;
        if (!double.TryParse(s.AsSpan(start, pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var numerator)) return false;
        value = numerator;
        if (pos >= s.Length || s[pos] != '/') return true;
        start = ++pos;
        while (pos < s.Length && char.IsAsciiDigit(s[pos])) pos++;
        if (!double.TryParse(s.AsSpan(start, pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var denominator) || denominator == 0) return false;
        value = numerator / denominator;
        return true;
    }

    private static string Component(SymmetryOperation op, int i)
    {
        var text = new StringBuilder();
        for (var j = 0; j < 3; j++)
        {
            var c = op[i, j];
            if (c == 0) continue;
            if (c < 0) text.Append('-');
            else if (text.Length > 0) text.Append('+');
            if (Math.Abs(c) != 1) text.Append(Math.Abs(c)).Append('*');
            text.Append((char)('x' + j));
        }
        if (Fraction(op.T[i]) is { } translation)
        {
            if (text.Length > 0) text.Append('+');
            text.Append(translation);
        }
        return text.Length == 0 ? "0" : text.ToString();
    }

    /// <summary>A translation in [0, 1) as a fraction n/d when it is one (d ≤ 12), else a decimal; null for 0.</summary>
    private static string? Fraction(double t)
    {
        foreach (var d in Denominators)
        {
            var n = Math.Round(t * d);
            if (Math.Abs(t * d - n) >= 1e-8 * d) continue;
            return n == 0 || n == d ? null : $"{n}/{d}";
        }
        return t.ToString("R", CultureInfo.InvariantCulture);
    }
}
