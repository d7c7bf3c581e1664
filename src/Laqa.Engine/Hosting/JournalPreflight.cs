using System.Data.Common;
using Laqa.Crystal;
using Laqa.Engine.Journal;
using Npgsql;

namespace Laqa.Engine.Hosting;

/// <summary>
/// Checks, before anything is written (no campaign folder, no schema), that a run can use its
/// journal: a SQLite file that can be written, that no process runs and that holds no other campaign; a PostgreSQL database that
/// answers, lets the user create the campaign's tables, holds no other campaign of that name (a
/// live lease is joined, <see cref="CampaignLease"/>); and a campaign folder keeps the journal it was first run with. Each refusal is one
/// line naming the file, or the campaign and the variable.
/// </summary>
public static class JournalPreflight
{
    public static void Require(CampaignJournal journal, EngineSettings settings, string campaignDir)
    {
        RequireSameJournal(journal, campaignDir);
        switch (journal)
        {
            case SqliteJournal sqlite:
                WritableLocation.Require(sqlite.File, "laqa.persistence.sqlite-file");
                if (CampaignLock.IsHeld(sqlite.File)) throw new LaqaInputException($"{campaignDir}: the campaign is being run by another process");
                CampaignFolderGuard.Check(sqlite, settings);
                break;
            case PostgresJournal pg:
                Require(pg);
                CampaignFolderGuard.Check(pg, settings);
                break;
        }
    }

    /// <summary>A folder that holds a campaign (its SQLite file, or its pointer to a PostgreSQL campaign) is run with that journal only.</summary>
    private static void RequireSameJournal(CampaignJournal journal, string campaignDir)
    {
        if (!Directory.Exists(campaignDir)) return;
        var there = CampaignJournal.OfFolder(campaignDir);
        var same = (there, journal) switch
        {
            // The variable's name may change between runs, the campaign may not.
            (PostgresJournal a, PostgresJournal b) => a.Campaign == b.Campaign,
            (PostgresJournal, _) => false,
            (SqliteJournal a, PostgresJournal) => !a.Exists,
            _ => true,
        };
        if (!same)
            throw new LaqaInputException($"{campaignDir} holds the campaign of {there.Name}, this config's journal is {journal.Name}: " +
                                         "run the folder with its own config or choose another --dir");
    }

    private static void Require(PostgresJournal journal)
    {
        using var connection = journal.Open();
        try
        {
            var schemaExists = CampaignLease.SchemaExists(connection, journal.Schema);
            var mayCreate = schemaExists
                ? Ask(connection, "SELECT has_schema_privilege(@schema, 'CREATE')", journal.Schema)
                : Ask(connection, "SELECT has_database_privilege(current_database(), 'CREATE')", journal.Schema);
            if (!mayCreate)
                throw new LaqaInputException($"{journal.Name}: the database user may not create the campaign's tables " +
                                             $"(it needs CREATE on the database, or on the schema {journal.Schema})");
        }
        catch (DbException e)
        {
            throw journal.Unreadable(e);
        }
    }

    private static bool Ask(NpgsqlConnection connection, string sql, string schema)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("schema", schema);
        return (bool)command.ExecuteScalar()!;
    }
}
