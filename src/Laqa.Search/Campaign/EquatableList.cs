using System.Collections;

namespace Laqa.Search.Campaign;

/// <summary>An immutable list compared by its elements, so that records holding lists compare by value.</summary>
public sealed class EquatableList<T> : IReadOnlyList<T>, IEquatable<EquatableList<T>>
{
    public static readonly EquatableList<T> Empty = new([]);

    private readonly T[] items;

    public EquatableList(IEnumerable<T> items) => this.items = [.. items];

    public int Count => items.Length;
    public T this[int index] => items[index];

    public bool Equals(EquatableList<T>? other) => other is not null && items.AsSpan().SequenceEqual(other.items);
    public override bool Equals(object? obj) => Equals(obj as EquatableList<T>);
    public override int GetHashCode() => items.Aggregate(items.Length, (h, x) => HashCode.Combine(h, x));
    public override string ToString() => $"[{string.Join(", ", items)}]";

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();
}
