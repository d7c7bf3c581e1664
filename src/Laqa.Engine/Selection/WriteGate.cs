namespace Laqa.Engine.Selection;

/// <summary>
/// Holds items (the selector's jobs) until every journal write issued before each was held has committed:
/// a selection is in the journal before any batch it chose can leave. Write callbacks run in the order the
/// writes were issued, so counting commits is enough. Plain state; <see cref="SelectorActor"/> writes and sends.
/// </summary>
public sealed class WriteGate<T>
{
    private readonly Queue<(long AfterWrites, T Item)> _held = new();
    private long _issued;
    private long _committed;

    /// <summary>Writes issued and not yet committed.</summary>
    public long Pending => _issued - _committed;

    public void Issue(int writes = 1) => _issued += writes;

    /// <summary>Holds the item behind every write issued so far.</summary>
    public void Hold(T item) => _held.Enqueue((_issued, item));

    /// <summary>The next write committed; gives the items it frees.</summary>
    public List<T> Commit()
    {
        _committed++;
        return Release();
    }

    /// <summary>In the order held, the items whose preceding writes have all committed.</summary>
    public List<T> Release()
    {
        var ready = new List<T>();
        while (_held.TryPeek(out var next) && next.AfterWrites <= _committed) ready.Add(_held.Dequeue().Item);
        return ready;
    }
}
