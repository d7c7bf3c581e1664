using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Laqa.Crystal;

namespace Laqa.Calculators.Qe;

/// <summary>
/// Reads a pw.x template (<see cref="PwTemplate"/>). Namelists as Fortran writes them: &amp;NAME ... /,
/// key = value separated by commas or lines, keys case-insensitive (an index as in hubbard_u(1) kept),
/// values a number (1e-8, 1.0d-8), a logical (.true., .f.) or a quoted string, comments after !. Cards:
/// ATOMIC_SPECIES (label = element, mass, file) and K_POINTS (kept as written). Anything laqa writes
/// itself (<see cref="PwTemplate.OwnedKeys"/>, CELL_PARAMETERS, ATOMIC_POSITIONS), another card, an unknown
/// namelist, a value that is none of those, or no ecutwfc is a <see cref="PwTemplateException"/>
/// naming the file and line.
/// </summary>
public static partial class PwTemplateReader
{
    private static readonly IReadOnlyList<string> Namelists = QeSettings.Namelists;

    private static readonly string[] OwnedCards = ["CELL_PARAMETERS", "ATOMIC_POSITIONS"];
    private static readonly string[] OtherCards =
        ["ADDITIONAL_K_POINTS", "CONSTRAINTS", "OCCUPATIONS", "ATOMIC_VELOCITIES", "ATOMIC_FORCES", "SOLVENTS", "HUBBARD"];
    private static readonly string[] KPointKinds = ["automatic", "gamma", "tpiba", "crystal", "tpiba_b", "crystal_b", "tpiba_c", "crystal_c"];

    [GeneratedRegex(@"^([a-z][a-z0-9_]*)\s*(\(\s*\d+\s*(,\s*\d+\s*)*\))?\s*=\s*(.*?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"^('([^']|'')*'|""([^""]|"""")*""|\.(true|false|t|f)\.|[-+]?(\d+\.?\d*|\.\d+)([ed][-+]?\d+)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex FortranValue();

    /// <summary>A template's text (any line endings); source names it in messages.</summary>
    public static PwTemplate Parse(string text, string source) => Parse(text.ReplaceLineEndings("\n").Split('\n'), source);

    public static PwTemplate Parse(IReadOnlyList<string> lines, string source)
    {
        var namelists = new Dictionary<string, List<PwTemplateKey>>();
        Dictionary<string, string>? species = null;
        StringBuilder? kPoints = null;
        string? namelist = null, card = null;
        var namelistLine = 0;
        PwTemplateException Fail(int line, string what) => new($"{source} line {line + 1}: {what}");

        for (var i = 0; i < lines.Count; i++)
        {
            var text = WithoutComment(lines[i], i).Trim();
            if (namelist is null)
            {
                if (text.Length == 0 || text.StartsWith('#')) continue;
                if (text.StartsWith('&'))
                {
                    var name = new string([.. text.Skip(1).TakeWhile(c => char.IsLetterOrDigit(c) || c == '_')]).ToLowerInvariant();
                    if (!Namelists.Contains(name))
                        throw Fail(i, $"unknown namelist &{name.ToUpperInvariant()}; expected one of {string.Join(", ", Namelists.Select(n => $"&{n.ToUpperInvariant()}"))}");
                    if (namelists.ContainsKey(name)) throw Fail(i, $"&{name.ToUpperInvariant()} given twice");
                    (namelist, namelistLine, card) = (name, i, null);
                    namelists[name] = [];
                    text = text[(name.Length + 1)..];
                }
                else if (Card(text) is { } header)
                {
                    card = header;
                    if (OwnedCards.Contains(header)) throw Fail(i, $"{header} is written by laqa from each structure; remove it from the template");
                    if (OtherCards.Contains(header)) throw Fail(i, $"{header} is not supported in a template (only ATOMIC_SPECIES and K_POINTS)");
                    if (header == "ATOMIC_SPECIES")
                    {
                        if (species is not null) throw Fail(i, "ATOMIC_SPECIES given twice");
                        species = [];
                    }
                    else
                    {
                        if (kPoints is not null) throw Fail(i, "K_POINTS given twice");
                        var kind = text[header.Length..].Trim().Trim('{', '}', '(', ')').Trim().ToLowerInvariant();
                        if (kind.Length > 0 && !KPointKinds.Contains(kind)) throw Fail(i, $"unknown K_POINTS kind \"{kind}\"; expected one of {string.Join(", ", KPointKinds)}");
                        kPoints = new StringBuilder($"K_POINTS {kind}".TrimEnd() + "\n");
                    }
                    continue;
                }
                else if (card == "ATOMIC_SPECIES")
                {
                    var words = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                    if (words.Length != 3 || !double.TryParse(words[1], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                        throw Fail(i, $"expected \"element mass file\" in ATOMIC_SPECIES, got \"{text}\"");
                    if (!Elements.TryGet(words[0], out _)) throw Fail(i, $"species {words[0]} is not an element: laqa labels atoms by element");
                    if (!species!.TryAdd(words[0], string.Join(' ', words))) throw Fail(i, $"species {words[0]} given twice");
                    continue;
                }
                else if (card == "K_POINTS")
                {
                    kPoints!.Append(text).Append('\n');
                    continue;
                }
                else throw Fail(i, $"expected a namelist (&SYSTEM ...) or a card (ATOMIC_SPECIES, K_POINTS), got \"{text}\"");
            }

            var end = IndexOutside(text, '/');
            var body = end < 0 ? text : text[..end];
            if (end >= 0 && text[(end + 1)..].Trim().Length > 0) throw Fail(i, $"text after the / that closes &{namelist.ToUpperInvariant()}");
            foreach (var item in SplitOutside(body))
            {
                if (item.Trim().Length == 0) continue;
                var match = Assignment().Match(item.Trim());
                if (!match.Success) throw Fail(i, $"expected key = value in &{namelist.ToUpperInvariant()}, got \"{item.Trim()}\"");
                var name = match.Groups[1].Value.ToLowerInvariant();
                var key = name + Regex.Replace(match.Groups[2].Value, @"\s", "");
                var value = match.Groups[4].Value;
                if (PwTemplate.OwnedKeys.TryGetValue(name, out var why)) throw Fail(i, $"{name} is set by laqa ({why}); remove it from the template");
                if (!FortranValue().IsMatch(value))
                    throw Fail(i, $"cannot read the value of {key}: \"{value}\" (expected a number, .true./.false. or a quoted string)");
                if (namelists[namelist].Any(k => k.Key == key)) throw Fail(i, $"{key} given twice in &{namelist.ToUpperInvariant()}");
                namelists[namelist].Add(new PwTemplateKey(key, value, i + 1));
            }
            if (end >= 0) namelist = null;
        }
        if (namelist is not null) throw Fail(namelistLine, $"&{namelist.ToUpperInvariant()} is not closed with /");
        if (kPoints is not null && kPoints.ToString().StartsWith("K_POINTS automatic", StringComparison.Ordinal)
            && kPoints.ToString().Split('\n')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries) is var mesh
            && (mesh.Length != 6 || !mesh.All(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out _))))
            throw new PwTemplateException($"{source}: K_POINTS automatic needs one line of six integers (mesh and offsets)");

        var template = new PwTemplate(namelists.ToDictionary(n => n.Key, n => (IReadOnlyList<PwTemplateKey>)n.Value), species, kPoints?.ToString());
        if (template.Value("system", "ecutwfc") is null) throw new PwTemplateException($"{source}: no ecutwfc in &SYSTEM (pw.x needs it)");
        Check(template, "system", "ecutwfc", x => x > 0, "a number greater than 0");
        Check(template, "electrons", "mixing_beta", x => x is > 0 and <= 1, "a number in (0, 1]");
        Check(template, "electrons", "electron_maxstep", x => x >= 1 && x == Math.Floor(x), "a whole number at least 1");
        return template;

        void Check(PwTemplate t, string list, string key, Func<double, bool> ok, string expected)
        {
            var entry = t.Namelists.GetValueOrDefault(list)?.FirstOrDefault(k => k.Key == key);
            if (entry is not null && !(PwTemplate.Number(entry.Value) is { } x && ok(x)))
                throw new PwTemplateException($"{source} line {entry.Line}: {key} must be {expected}, got {entry.Value}");
        }

        string WithoutComment(string line, int at)
        {
            var bang = IndexOutside(line, '!');
            if (bang == -2) throw Fail(at, "a quoted string is not closed on its line");
            return bang < 0 ? line : line[..bang];
        }
    }

    private static string? Card(string text)
    {
        var word = new string([.. text.TakeWhile(c => char.IsLetter(c) || c == '_')]).ToUpperInvariant();
        return word is "ATOMIC_SPECIES" or "K_POINTS" || OwnedCards.Contains(word) || OtherCards.Contains(word) ? word : null;
    }

    /// <summary>The first index of the character outside quotes, -1 if none, -2 if a quote is left open.</summary>
    private static int IndexOutside(string text, char wanted)
    {
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } q) { if (c == q) quote = null; }
            else if (c is '\'' or '"') quote = c;
            else if (c == wanted) return i;
        }
        return quote is null ? -1 : -2;
    }

    /// <summary>The text split at commas outside quotes and parentheses.</summary>
    private static IEnumerable<string> SplitOutside(string text)
    {
        char? quote = null;
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } q) { if (c == q) quote = null; }
            else if (c is '\'' or '"') quote = c;
            else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        yield return text[start..];
    }
}
