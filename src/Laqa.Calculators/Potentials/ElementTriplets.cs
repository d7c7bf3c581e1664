using Laqa.Crystal;

namespace Laqa.Calculators.Potentials;

/// <summary>Parameter entries of a three-body potential keyed by element triplet (i, j, k), as LAMMPS's elem3param.</summary>
internal sealed class ElementTriplets<T> where T : class, ITripletParameters
{
    private readonly Dictionary<(string, string, string), T> _entries = [];
    private readonly string _potential;

    /// <summary>Every entry's values are checked before any triplet given twice is reported.</summary>
    public ElementTriplets(IEnumerable<T> entries, string potential)
    {
        _potential = potential;
        var list = entries.ToList();
        foreach (var e in list)
            if (e.Problem() is { } problem)
                throw new LaqaInputException($"{potential} entry {e.Element1} {e.Element2} {e.Element3}: {problem}");
        foreach (var entry in list)
        {
            var k = (entry.Element1, entry.Element2, entry.Element3);
            if (!_entries.TryAdd(k, entry))
                throw new LaqaInputException($"{potential} entry {k.Item1} {k.Item2} {k.Item3} is given more than once");
        }
        if (_entries.Count == 0) throw new LaqaInputException($"{potential} potential needs at least one parameter entry");
        Elements = [.. _entries.Keys.SelectMany(k => new[] { k.Item1, k.Item2, k.Item3 }).Distinct()];
    }

    /// <summary>Elements named anywhere in the entries.</summary>
    public string[] Elements { get; }

    public IEnumerable<T> Entries => _entries.Values;

    /// <summary>The first species with no parameters, or triplet without an entry, or null.</summary>
    public string? Missing(IReadOnlyList<string> species)
    {
        foreach (var s in species)
            if (Array.IndexOf(Elements, s) < 0) return $"no {_potential} parameters for species {s}";
        foreach (var a in species)
        foreach (var b in species)
        foreach (var c in species)
            if (!_entries.ContainsKey((a, b, c))) return $"no {_potential} entry for the triplet {a} {b} {c}";
        return null;
    }

    /// <summary>The entry of every triplet of the species, flattened as [(a · n + b) · n + c]; call after <see cref="Missing"/> returned null.</summary>
    public T[] Table(IReadOnlyList<string> species)
    {
        var n = species.Count;
        var table = new T[n * n * n];
        for (var a = 0; a < n; a++)
        for (var b = 0; b < n; b++)
        for (var c = 0; c < n; c++)
            table[(a * n + b) * n + c] = _entries[(species[a], species[b], species[c])];
        return table;
    }
}
