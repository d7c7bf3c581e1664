using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Laqa.Cli.Tests;

public sealed class LaqaTableTests(CampaignFolder campaign) : IClassFixture<CampaignFolder>
{
    private sealed record LaqaTsvRow(int Id, string Score, double EnergyPerAtom, double Bias, int Steps, int TimesSelected, string Status);

    [Fact]
    public void LaqaTsvHoldsEveryCandidateWithTheBiasOfItsLastBatchFromTheJournal()
    {
        var rows = File.ReadAllLines(Path.Combine(campaign.Dir, "laqa.tsv")).Skip(1).Select(l => l.Split('\t')).Select(f => new LaqaTsvRow(
            int.Parse(f[0], CultureInfo.InvariantCulture), f[1], double.Parse(f[2], CultureInfo.InvariantCulture),
            double.Parse(f[3], CultureInfo.InvariantCulture), int.Parse(f[4], CultureInfo.InvariantCulture),
            int.Parse(f[5], CultureInfo.InvariantCulture), f[6])).ToList();
        var results = campaign.Results;
        var lastBatches = LastBatches(Path.Combine(campaign.Dir, "campaign.db"));

        // Every candidate converged, so every score is -inf and the rows follow the energy order of results.tsv.
        Assert.Equal(results.Select(r => r.Id), rows.Select(r => r.Id));
        foreach (var (row, result) in rows.Zip(results))
        {
            Assert.Equal("-Infinity", row.Score);
            Assert.Equal("Converged", row.Status);
            Assert.Equal(result.EnergyPerAtom, row.EnergyPerAtom);
            Assert.Equal(result.Steps, row.Steps);
            Assert.Equal(result.TimesSelected, row.TimesSelected);
            // By hand, from the raw journal: bias = wF F² / (2 dF) + wS S with CrySPY's weights 0.1 and 10.
            var batch = lastBatches[row.Id];
            var forces = batch.GetProperty("MeanForceNorms").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var stress = batch.GetProperty("MeanAbsStresses").EnumerateArray().Last().GetDouble();
            var dF = forces.Length == 1 ? 1.0 : Math.Max(Math.Abs(forces[^1] - forces[^2]), 1e-6);
            Assert.Equal(0.1 * forces[^1] * forces[^1] / (2 * dF) + 10 * stress, row.Bias, 1e-12);
        }
    }

    [Fact]
    public void ARandomSearchCampaignWritesTheTableTooWithTheConfigsWeights()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("rs.conf"), CampaignFolder.Config
            .Replace("initial-structures = 6", "initial-structures = 2")
            .Replace("algorithm = laqa, mode = sync, nselect = 2, max-steps-per-candidate = 300",
                "algorithm = rs, max-steps-per-candidate = 300, weights { force = 0, stress = 0 }"));
        var run = LaqaProcess.Start(folder.Path, "run", "rs.conf", "--dir", "rs");
        Assert.Equal(0, run.ExitCode);
        var rows = File.ReadAllLines(folder.File("rs/laqa.tsv")).Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("0", r[3]));
    }

    /// <summary>Each candidate's last BatchCompleted event, straight from the journal table.</summary>
    private static Dictionary<int, JsonElement> LastBatches(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT persistence_id, message FROM journal WHERE manifest = 'BatchCompleted' ORDER BY persistence_id, sequence_number";
        using var reader = command.ExecuteReader();
        var last = new Dictionary<int, JsonElement>();
        while (reader.Read())
            last[int.Parse(reader.GetString(0)["candidate-".Length..], CultureInfo.InvariantCulture)] = JsonDocument.Parse((byte[])reader[1]).RootElement.Clone();
        return last;
    }
}
