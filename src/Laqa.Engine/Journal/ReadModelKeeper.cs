using Laqa.Crystal;
using Microsoft.Data.Sqlite;

namespace Laqa.Engine.Journal;

/// <summary>
/// Catches a campaign's read model up with its journal every interval while the campaign runs, so that `laqa status`
/// finds only a short tail to fold. A catch-up that fails (the database busy for long) is left to the next one, or to
/// the reader, which catches up itself. Disposing waits for a catch-up under way.
/// </summary>
public sealed class ReadModelKeeper : IDisposable
{
    private readonly string _database;
    private readonly Action<string> _note;
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <param name="note">receives the line saying the model was rebuilt from the journal (a folder from before the read model)</param>
    public ReadModelKeeper(string database, TimeSpan every, Action<string> note)
    {
        (_database, _note) = (database, note);
        _timer = new Timer(_ => CatchUp(), null, every, every);
    }

    private void CatchUp()
    {
        // A tick during a long catch-up (a rebuild) is skipped, not queued: it would hold a pool thread the actors need.
        if (!_gate.TryEnter()) return;
        try
        {
            if (_disposed || !File.Exists(_database)) return;
            using var model = ReadModelUpdater.Connect(_database);
            if (ReadModelUpdater.CatchUp(new SqliteJournal(_database), model) is { } rebuilt) _note(rebuilt);
        }
        catch (Exception e) when (e is SqliteException or LaqaInputException)
        {
            // Left to the next catch-up, or to the reader.
        }
        finally
        {
            _gate.Exit();
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate) _disposed = true;
    }
}
