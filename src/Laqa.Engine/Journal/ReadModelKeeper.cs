using System.Data.Common;
using Laqa.Crystal;

namespace Laqa.Engine.Journal;

/// <summary>
/// Catches a campaign's read model up with its journal every interval while the campaign runs, so that `laqa status`
/// finds only a short tail to fold. Every campaign node of a PostgreSQL campaign keeps one: they take turns
/// (<see cref="ReadModelUpdater"/>), so any may stop or take over. A catch-up that fails (the database busy for long,
/// unreachable for a moment) is left to the next one, or to the reader, which catches up itself. Disposing waits for a
/// catch-up under way.
/// </summary>
public sealed class ReadModelKeeper : IDisposable
{
    private readonly CampaignJournal _journal;
    private readonly Action<string> _note;
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <param name="note">receives the line saying the model was rebuilt from the journal (a folder from before the read model)</param>
    public ReadModelKeeper(CampaignJournal journal, TimeSpan every, Action<string> note)
    {
        (_journal, _note) = (journal, note);
        _timer = new Timer(_ => CatchUp(), null, every, every);
    }

    private void CatchUp()
    {
        // A tick during a long catch-up (a rebuild) is skipped, not queued: it would hold a pool thread the actors need.
        if (!_gate.TryEnter()) return;
        try
        {
            if (_disposed || !_journal.Exists) return;
            using var model = ReadModelUpdater.Connect(_journal);
            if (ReadModelUpdater.CatchUp(_journal, model) is { } rebuilt) _note(rebuilt);
        }
        catch (Exception e) when (e is DbException or LaqaInputException)
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
