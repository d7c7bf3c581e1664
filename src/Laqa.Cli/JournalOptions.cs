using System.CommandLine;
using Laqa.Crystal;
using Laqa.Engine.Journal;
using Laqa.Search.Campaign;

namespace Laqa.Cli;

/// <summary>
/// Which campaign `laqa status` and `laqa export` read: a campaign folder (its campaign.db, or the
/// PostgreSQL campaign it remembers), or `--campaign NAME` in the PostgreSQL database whose connection
/// string is in the environment variable `--postgres-env` (default LAQA_POSTGRES).
/// </summary>
public sealed class JournalOptions
{
    private readonly Argument<string?> _dir = new("dir") { Description = "campaign folder (or its campaign.db); not with --campaign", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string?> _campaign = new("--campaign") { Description = "a campaign's name in a PostgreSQL database (laqa.persistence.campaign-name)" };
    private readonly Option<string> _env = new("--postgres-env")
    {
        Description = "with --campaign: the environment variable holding the PostgreSQL connection string",
        DefaultValueFactory = _ => PersistenceSpec.Default.PostgreSqlConnectionEnv,
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(_dir);
        command.Options.Add(_campaign);
        command.Options.Add(_env);
    }

    public CampaignJournal Journal(ParseResult parsed)
    {
        var dir = parsed.GetValue(_dir);
        if (parsed.GetValue(_campaign) is not { } name)
            return dir is not null ? CampaignJournal.OfFolder(dir) : throw new LaqaInputException("give a campaign folder, or --campaign NAME (with --postgres-env VAR)");
        if (dir is not null) throw new LaqaInputException("give a campaign folder or --campaign, not both");
        if (!CampaignNames.IsValid(name)) throw new LaqaInputException($"--campaign: '{name}' is not a campaign name ({CampaignNames.Rule})");
        return new PostgresJournal(parsed.GetValue(_env)!, name);
    }

    /// <summary>How messages name the campaign: its folder, or its name.</summary>
    public string Title(ParseResult parsed) => parsed.GetValue(_dir) ?? parsed.GetValue(_campaign) ?? "";
}
