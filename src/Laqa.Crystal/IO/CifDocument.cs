namespace Laqa.Crystal.IO;

/// <summary>A value in a CIF file with the line it starts on; <see cref="IsMissing"/> for the bare '?' and '.' placeholders.</summary>
internal sealed record CifValue(string Text, int Line, bool Quoted)
{
    public bool IsMissing => !Quoted && Text is "?" or ".";
}

/// <summary>A loop_: its tags (lower case) and rows of values, one value per tag.</summary>
internal sealed record CifLoop(IReadOnlyList<string> Tags, IReadOnlyList<CifValue[]> Rows, int Line)
{
    public int Column(string tag)
    {
        for (var i = 0; i < Tags.Count; i++)
            if (Tags[i] == tag) return i;
        return -1;
    }
}

/// <summary>One data_ block: single-valued items and loops, tags in lower case with '.' read as '_' (DDL2 names).</summary>
internal sealed class CifBlock(string name, int line)
{
    public string Name { get; } = name;
    public int Line { get; } = line;
    public Dictionary<string, CifValue> Items { get; } = [];
    public List<CifLoop> Loops { get; } = [];

    public CifLoop? LoopWith(string tag) => Loops.FirstOrDefault(l => l.Column(tag) >= 0);

    /// <summary>All values of a tag, whether it is a single item or a loop column.</summary>
    public IReadOnlyList<CifValue> Values(string tag)
    {
        if (Items.TryGetValue(tag, out var value)) return [value];
        var loop = LoopWith(tag);
        if (loop is null) return [];
        var column = loop.Column(tag);
        return [.. loop.Rows.Select(r => r[column])];
    }
}
