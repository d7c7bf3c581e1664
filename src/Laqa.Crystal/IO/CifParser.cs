namespace Laqa.Crystal.IO;

/// <summary>
/// CIF 1.1 syntax: comments, data_ blocks, single items, loop_ tables, bare, quoted and
/// semicolon-delimited values. Save frames and global_ blocks are skipped.
/// </summary>
internal static class CifParser
{
    private enum Kind { Bare, Quoted, TextField }

    private sealed record Token(string Text, int Line, Kind Kind)
    {
        public bool IsTag => Kind == Kind.Bare && Text.StartsWith('_');
        public bool IsReserved => Kind == Kind.Bare &&
            (Text.StartsWith("data_", StringComparison.OrdinalIgnoreCase) || Text.StartsWith("save_", StringComparison.OrdinalIgnoreCase) ||
             Text.Equals("loop_", StringComparison.OrdinalIgnoreCase) || Text.Equals("global_", StringComparison.OrdinalIgnoreCase) ||
             Text.Equals("stop_", StringComparison.OrdinalIgnoreCase));
        public CifValue Value => new(Text, Line, Kind != Kind.Bare);
    }

    public static List<CifBlock> Parse(TextSource source)
    {
        var tokens = Tokenize(source);
        var blocks = new List<CifBlock>();
        var i = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (token.Kind == Kind.Bare && token.Text.StartsWith("data_", StringComparison.OrdinalIgnoreCase))
            {
                blocks.Add(new CifBlock(token.Text[5..], token.Line));
                i++;
            }
            else if (blocks.Count > 0 && token.Kind == Kind.Bare && token.Text.Equals("loop_", StringComparison.OrdinalIgnoreCase))
                i = ReadLoop(source, tokens, i, blocks[^1]);
            else if (token.IsReserved)
                i++;
            else if (blocks.Count == 0)
                throw source.Error(token.Line, $"expected a data_ block, found '{token.Text}'");
            else if (token.IsTag)
            {
                if (i + 1 >= tokens.Count || tokens[i + 1].IsTag || tokens[i + 1].IsReserved)
                    throw source.Error(token.Line, $"{token.Text} has no value");
                blocks[^1].Items[TagName(token.Text)] = tokens[i + 1].Value;
                i += 2;
            }
            else
                throw source.Error(token.Line, $"value '{token.Text}' without a tag");
        }
        return blocks;
    }

    private static int ReadLoop(TextSource source, List<Token> tokens, int start, CifBlock block)
    {
        var line = tokens[start].Line;
        var i = start + 1;
        var tags = new List<string>();
        while (i < tokens.Count && tokens[i].IsTag) tags.Add(TagName(tokens[i++].Text));
        if (tags.Count == 0) throw source.Error(line, "loop_ without tags");
        var values = new List<CifValue>();
        while (i < tokens.Count && !tokens[i].IsTag && !tokens[i].IsReserved) values.Add(tokens[i++].Value);
        if (values.Count % tags.Count != 0)
            throw source.Error(line, $"loop of {tags.Count} tags ({tags[0]} …) holds {values.Count} values, not a whole number of rows");
        var rows = Enumerable.Range(0, values.Count / tags.Count)
            .Select(r => values.GetRange(r * tags.Count, tags.Count).ToArray()).ToList();
        block.Loops.Add(new CifLoop(tags, rows, line));
        return i;
    }

    private static string TagName(string tag) => tag.ToLowerInvariant().Replace('.', '_');

    private static List<Token> Tokenize(TextSource source)
    {
        var tokens = new List<Token>();
        while (!source.AtEnd)
        {
            var line = source.Next("more CIF");
            var number = source.LineNumber;
            if (line.StartsWith(';'))
            {
                tokens.Add(new Token(ReadTextField(source, line, number), number, Kind.TextField));
                continue;
            }
            var pos = 0;
            while (pos < line.Length)
            {
                var c = line[pos];
                if (char.IsWhiteSpace(c)) { pos++; continue; }
                if (c == '#') break;
                if (c is '\'' or '"')
                {
                    var end = pos + 1;
                    while (end < line.Length && !(line[end] == c && (end + 1 == line.Length || char.IsWhiteSpace(line[end + 1])))) end++;
                    if (end >= line.Length) throw source.Error(number, $"quoted value {line[pos..].Trim()} is not closed on its line");
                    tokens.Add(new Token(line[(pos + 1)..end], number, Kind.Quoted));
                    pos = end + 1;
                    continue;
                }
                var stop = pos;
                while (stop < line.Length && !char.IsWhiteSpace(line[stop])) stop++;
                tokens.Add(new Token(line[pos..stop], number, Kind.Bare));
                pos = stop;
            }
        }
        return tokens;
    }

    private static string ReadTextField(TextSource source, string first, int startLine)
    {
        var lines = new List<string> { first[1..] };
        while (true)
        {
            if (source.AtEnd) throw source.Error(startLine, "text field opened with ';' is never closed");
            var line = source.Next("the end of a text field");
            if (line.StartsWith(';')) return string.Join('\n', lines).Trim();
            lines.Add(line);
        }
    }
}
