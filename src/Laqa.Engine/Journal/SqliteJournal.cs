using System.Data.Common;
using Laqa.Crystal;
using Laqa.Engine.Hosting;
using Microsoft.Data.Sqlite;

namespace Laqa.Engine.Journal;

/// <summary>A campaign's journal in a SQLite file, read read-only and unpooled (in WAL mode a consistent snapshot beside the writer).</summary>
public sealed record SqliteJournal(string File) : CampaignJournal
{
    public override string Name => File;

    public override bool Exists => System.IO.File.Exists(File);

    public override string JournalTable => "journal";

    public override string OtherChoice => "choose another --dir";

    public override DbConnection OpenForReading()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = File, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public override bool IsRunning() => CampaignLock.IsHeld(File);

    public override bool IsMissingTable(DbException e) => e.Message.Contains("no such table", StringComparison.Ordinal);

    public override LaqaInputException Unreadable(Exception e) => new($"{File}: not a campaign journal ({e.Message})");
}
