using System.Globalization;
using Laqa.Crystal;

namespace Laqa.Calculators.Potentials;

/// <summary>
/// Reads a LAMMPS many-body potential file (.tersoff, .sw) as LAMMPS does: '#' starts a comment, and
/// an entry is the next fixed number of words, which may run over several lines.
/// </summary>
internal static class LammpsParameterFile
{
    /// <summary>One entry: the line it starts on and its words.</summary>
    public sealed record Entry(string Source, int Line, string[] Words)
    {
        public double Number(int index, string parameter)
        {
            if (double.TryParse(Words[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
                return value;
            throw new LaqaInputException($"{Source}, line {Line}: {parameter} '{Words[index]}' is not a number");
        }

        public LaqaInputException Error(string message) => new($"{Source}, line {Line}: {message}");
    }

    public static List<Entry> Read(string text, string source, int wordsPerEntry, string potential)
    {
        var entries = new List<Entry>();
        var words = new List<string>(wordsPerEntry);
        var entryLine = 0;
        var lines = text.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            var comment = line.IndexOf('#');
            if (comment >= 0) line = line[..comment];
            var lineWords = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (lineWords.Length == 0) continue;
            if (words.Count == 0) entryLine = n + 1;
            words.AddRange(lineWords);
            if (words.Count > wordsPerEntry)
                throw new LaqaInputException(
                    $"{source}, line {n + 1}: {potential} entry starting on line {entryLine} has {words.Count} words where {wordsPerEntry} are expected");
            if (words.Count == wordsPerEntry)
            {
                entries.Add(new Entry(source, entryLine, [.. words]));
                words.Clear();
            }
        }
        if (words.Count > 0)
            throw new LaqaInputException(
                $"{source}, line {entryLine}: {potential} entry has only {words.Count} of its {wordsPerEntry} words before the end of the file");
        if (entries.Count == 0)
            throw new LaqaInputException($"{source}: no {potential} entries");
        return entries;
    }

    /// <summary>
    /// The entries of a three-body potential file, each made from its words by <paramref name="parameters"/>; an entry
    /// LAMMPS would reject, or one for a triplet an earlier entry already gave, is reported with the file and line.
    /// </summary>
    public static List<T> ReadTriplets<T>(string text, string source, int wordsPerEntry, string potential, Func<Entry, T> parameters)
        where T : ITripletParameters
    {
        var entries = new List<T>();
        var seen = new Dictionary<(string, string, string), int>();
        foreach (var entry in Read(text, source, wordsPerEntry, potential))
        {
            var w = entry.Words;
            var p = parameters(entry);
            if (p.Problem() is { } problem) throw entry.Error($"{potential} entry {w[0]} {w[1]} {w[2]}: {problem}");
            if (!seen.TryAdd((w[0], w[1], w[2]), entry.Line))
                throw entry.Error($"{potential} entry {w[0]} {w[1]} {w[2]} repeats the entry of line {seen[(w[0], w[1], w[2])]}");
            entries.Add(p);
        }
        return entries;
    }

    public static string ReadAllText(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LaqaInputException($"cannot read potential file {path}: {e.Message}");
        }
    }
}
