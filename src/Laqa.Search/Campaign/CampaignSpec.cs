using Laqa.Crystal;
namespace Laqa.Search.Campaign;

/// <summary>
/// A whole campaign, typed and validated (built by Laqa.Engine's CampaignConfigLoader from HOCON).
/// Candidates have ids 0 .. InitialStructures-1; candidate i's structure depends only on (Seed, i).
/// </summary>
public sealed record CampaignSpec(
    Composition Composition,
    int InitialStructures,
    long Seed,
    GenerationSpec Generation,
    CalculatorSpec Calculator,
    RelaxerSpec Relaxer,
    SearchSpec Search,
    WorkerSpec Workers,
    PersistenceSpec Persistence,
    StopCriteria Stop)
{
    /// <summary>Where the campaign node listens for worker nodes; may change between runs.</summary>
    public ClusterSpec Cluster { get; init; } = ClusterSpec.Default;

    /// <summary>Duplicate pruning (laqa.duplicates), off by default.</summary>
    public DuplicateSpec Duplicates { get; init; } = DuplicateSpec.Default;

    /// <summary>The config this spec was read from, as HOCON text with includes resolved (what a worker node that joins reads).</summary>
    public string SourceText { get; init; } = "";

    /// <summary>The folder relative paths in <see cref="SourceText"/> are taken from.</summary>
    public string SourceDirectory { get; init; } = "";

    /// <summary>The campaign-defining settings, one "key = value" line each (see <see cref="CampaignFingerprint"/>).</summary>
    public IReadOnlyList<string> DefiningSettings => CampaignFingerprint.Settings(this);

    /// <summary>SHA-256 (hex) of <see cref="DefiningSettings"/>: equal exactly when a campaign folder may be resumed with this spec.</summary>
    public string Fingerprint => CampaignFingerprint.Of(this);
}
