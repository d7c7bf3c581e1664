using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace Laqa.Cli.Tests;

/// <summary>One row of results.tsv as `laqa run` wrote it from the result the actors returned.</summary>
internal sealed record ResultsTsvRow(int Id, string InitialSpaceGroup, string RelaxedSpaceGroup, double EnergyPerAtom, int Steps, int TimesSelected, string Status,
    string GeneratedSpaceGroup)
{
    public static IReadOnlyList<ResultsTsvRow> Read(string path) =>
        [.. File.ReadAllLines(path).Skip(1).Select(l => l.Split('\t')).Select(f => new ResultsTsvRow(
            int.Parse(f[0], CultureInfo.InvariantCulture), f[1], f[2], double.Parse(f[3], CultureInfo.InvariantCulture),
            int.Parse(f[4], CultureInfo.InvariantCulture), int.Parse(f[5], CultureInfo.InvariantCulture), f[6], f[^1]))];
}

/// <summary>A small Si8 Tersoff campaign run once by `laqa run` for the tests of the commands that read campaign folders.</summary>
public sealed class CampaignFolder : IDisposable
{
    /// <summary>As config/examples/si8-small.conf, with six candidates.</summary>
    public const string Config = """
        laqa {
          composition = Si8
          initial-structures = 6
          seed = 8
          calculator.preset = si-tersoff
          relaxer { steps-per-batch = 5, fmax = 0.05, smax = 0.2 }
          search { algorithm = laqa, mode = sync, nselect = 2, max-steps-per-candidate = 300 }
          workers.count = 1
        }
        """;

    private readonly TempFolder _folder = new();

    public CampaignFolder()
    {
        File.WriteAllText(_folder.File("si8.conf"), Config);
        Run = LaqaProcess.Start(_folder.Path, "run", "si8.conf", "--dir", "si8");
        Assert.Equal(0, Run.ExitCode);
    }

    public string Root => _folder.Path;

    public string Dir => _folder.File("si8");

    internal LaqaProcess.Run Run { get; }

    internal IReadOnlyList<ResultsTsvRow> Results => ResultsTsvRow.Read(Path.Combine(Dir, "results.tsv"));

    /// <summary>X and Y of the run's "best found after X of Y steps".</summary>
    public (long StepsToBest, long Steps) BestFoundAfter()
    {
        var match = Regex.Match(Run.Output, @"best found after (\d+) of (\d+) steps");
        Assert.True(match.Success, Run.Output);
        return (long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    public void Dispose() => _folder.Dispose();
}
