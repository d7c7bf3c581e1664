using Laqa.Crystal;

namespace Laqa.Engine.Configuration;

/// <summary>
/// The checks Akka's lenient HOCON parser leaves out, made before it parses: every { and [ closed by
/// its own } or ], no closing bracket without an opening one, every string closed, no second separator
/// (`seed = = 3`). A file cut off in a
/// block, a missing } or trailing garbage such as "}}}} x ]" is refused with its line instead of
/// silently losing keys. Quoted strings, """triple-quoted""" strings and # and // comments are skipped.
/// </summary>
internal static class HoconSyntax
{
    /// <summary>Deepest nesting of blocks and lists: a campaign needs six.</summary>
    public const int MaxDepth = 100;

    /// <summary>
    /// The text, unchanged but for a comma after an object's } inside an object (`b { x = 1 }, c = 2`),
    /// which HOCON allows and Akka refuses, replaced by a space (lines and positions stay the same).
    /// </summary>
    public static string Check(string text, string source)
    {
        var chars = text.ToCharArray();
        var open = new Stack<(char Bracket, int Line)>();
        var line = 1;
        var i = 0;
        while (i < chars.Length)
        {
            var c = chars[i];
            if (c == '\n') line++;
            if (IsCommentStart(chars, i))
            {
                i = EndOfLine(chars, i);
                continue;
            }
            if (c == '"')
            {
                i = EndOfString(chars, i, ref line, source);
                continue;
            }
            // A substitution ${path} or ${?path} is a value, not an object: its braces are not counted.
            if (c == '$' && i + 1 < chars.Length && chars[i + 1] == '{')
            {
                var close = Array.IndexOf(chars, '}', i + 2);
                if (close < 0 || Array.IndexOf(chars, '\n', i + 2, close - i - 2) >= 0) throw Error(source, line, "a substitution '${' is not closed on its line");
                i = close + 1;
                continue;
            }
            // Outside quotes '=' and ':' only separate a key from its value; Akka would read "a = = 1" as a key a.1.
            if (c is '=' or ':' && NextSignificant(chars, i + 1) is var after && after < chars.Length && chars[after] is '=' or ':')
                throw Error(source, line, $"'{c}' followed by '{chars[after]}': a key takes one '=' or ':' before its value");
            if (c is '{' or '[')
            {
                // Akka's parser recurses per level: some thousands of levels overflow its stack and end the process.
                if (open.Count == MaxDepth) throw Error(source, line, $"more than {MaxDepth} nested '{{' and '['");
                open.Push((c, line));
            }
            else if (c is '}' or ']')
            {
                var opening = c == '}' ? '{' : '[';
                if (open.Count == 0) throw Error(source, line, $"'{c}' without a matching '{opening}'");
                var (bracket, openedAt) = open.Pop();
                if (bracket != opening) throw Error(source, line, $"'{c}' closes the '{bracket}' opened at line {openedAt}");
                if (c == '}' && (open.Count == 0 || open.Peek().Bracket == '{') && NextSignificant(chars, i + 1) is var next && next < chars.Length && chars[next] == ',')
                    chars[next] = ' ';
            }
            i++;
        }
        if (open.Count > 0)
        {
            var (bracket, openedAt) = open.Peek();
            throw Error(source, openedAt, $"the '{bracket}' opened here is not closed by the end of the file (line {line}): the file is cut off or misses a '{(bracket == '{' ? '}' : ']')}'");
        }
        return new string(chars);
    }

    /// <summary>The 1-based line of a character position.</summary>
    public static int LineOf(string text, int position) =>
        1 + text.AsSpan(0, Math.Clamp(position, 0, text.Length)).Count('\n');

    private static LaqaInputException Error(string source, int line, string message) => new($"{source}, line {line}: {message}");

    private static bool IsCommentStart(char[] chars, int i) =>
        chars[i] == '#' || (chars[i] == '/' && i + 1 < chars.Length && chars[i + 1] == '/');

    private static int EndOfLine(char[] chars, int i)
    {
        while (i < chars.Length && chars[i] != '\n') i++;
        return i;
    }

    /// <summary>The position after the string starting at <paramref name="start"/>; counts the lines of a triple-quoted one.</summary>
    private static int EndOfString(char[] chars, int start, ref int line, string source)
    {
        if (start + 2 < chars.Length && chars[start + 1] == '"' && chars[start + 2] == '"')
        {
            var startLine = line;
            for (var i = start + 3; i + 2 < chars.Length; i++)
            {
                if (chars[i] == '"' && chars[i + 1] == '"' && chars[i + 2] == '"')
                {
                    // A triple-quoted string ends at the last quote of a run of three or more.
                    var end = i + 3;
                    while (end < chars.Length && chars[end] == '"') end++;
                    return end;
                }
                if (chars[i] == '\n') line++;
            }
            throw Error(source, startLine, "the \"\"\" string opened here is not closed");
        }
        for (var i = start + 1; i < chars.Length; i++)
        {
            if (chars[i] == '\\') i++;
            else if (chars[i] == '"') return i + 1;
            else if (chars[i] == '\n') break;
        }
        throw Error(source, line, "the \" string opened here is not closed on its line");
    }

    /// <summary>The position of the next character that is neither white space nor in a comment.</summary>
    private static int NextSignificant(char[] chars, int i)
    {
        while (i < chars.Length)
        {
            if (IsCommentStart(chars, i)) i = EndOfLine(chars, i);
            else if (char.IsWhiteSpace(chars[i])) i++;
            else break;
        }
        return i;
    }
}
