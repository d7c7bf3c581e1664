using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Laqa.Search.Replay;

namespace Laqa.Benchmarks.Search;

/// <summary>
/// Recorded trajectories on disk, one JSON file per campaign text (config with the seed and settings
/// appended), named by its SHA-256, so policies can be replayed again without relaxing.
/// </summary>
internal sealed class StepCache(string folder)
{
    public IReadOnlyList<StepTrajectory> GetOrRecord(string campaignText, Func<IReadOnlyList<StepTrajectory>> record, out bool recorded)
    {
        var path = Path.Combine(folder, $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(campaignText)))[..20]}.json");
        if (File.Exists(path))
        {
            recorded = false;
            return JsonSerializer.Deserialize<StepTrajectory[]>(File.ReadAllBytes(path)) ?? throw new InvalidDataException($"{path} holds no trajectories");
        }
        var trajectories = record();
        Directory.CreateDirectory(folder);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(trajectories));
        File.Move(temporary, path, overwrite: true);
        recorded = true;
        return trajectories;
    }
}
