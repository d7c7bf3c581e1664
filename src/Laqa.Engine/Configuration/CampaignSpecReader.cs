using System.Globalization;
using System.Text.RegularExpressions;
using Laqa.Crystal;
using Laqa.Crystal.Generation;
using Laqa.Search;
using Laqa.Engine.Hosting;
using Laqa.Engine.Journal;
using Laqa.Search.Campaign;

namespace Laqa.Engine.Configuration;

/// <summary>Builds a CampaignSpec from a merged config, one section at a time, collecting errors.</summary>
internal static class CampaignSpecReader
{
    private const int SpaceGroupCount = 230;

    /// <summary>The spec, or null when errors were collected (the caller reports them all).</summary>
    /// <remarks>Relative paths in the config (laqa.calculator.lammps-file) are taken from <paramref name="baseDirectory"/>.</remarks>
    public static CampaignSpec? Read(ConfigReader r, string baseDirectory)
    {
        var composition = ReadComposition(r);
        var initialStructures = r.Int("laqa.initial-structures", 1, 1, CampaignLimits.InitialStructures);
        var seed = r.Long("laqa.seed", long.MinValue, 0);
        var generation = ReadGeneration(r, composition);
        var calculator = CalculatorSpecReader.Read(r, composition, baseDirectory);
        var relaxer = ReadRelaxer(r);
        var search = ReadSearch(r, initialStructures);
        var duplicates = ReadDuplicates(r);
        var workers = ReadWorkers(r);
        var persistence = ReadPersistence(r);
        var stop = ReadStop(r);
        var cluster = ReadCluster(r, baseDirectory);
        if (composition is null || r.Errors.Any) return null;
        return new CampaignSpec(composition, initialStructures, seed, generation, calculator, relaxer, search, workers, persistence, stop) { Cluster = cluster, Duplicates = duplicates };
    }

    private static Composition? ReadComposition(ConfigReader r)
    {
        const string path = "laqa.composition";
        var text = r.Scalar(path);
        if (text is null) return null;
        if (text.Trim().Length == 0)
        {
            r.Errors.Add(path, "required, e.g. composition = Si16");
            return null;
        }
        try
        {
            return Composition.Parse(text);
        }
        catch (LaqaInputException e)
        {
            r.Errors.Add(path, e.Message);
            return null;
        }
    }

    private static GenerationSpec ReadGeneration(ConfigReader r, Composition? composition)
    {
        var d = GenerationSpec.Default;
        var spaceGroups = ReadSpaceGroups(r, "laqa.generation.space-groups");
        var minDistanceFactor = r.Double("laqa.generation.min-distance.factor", d.MinDistanceFactor, min: 0, minExclusive: true, max: CampaignLimits.MinDistanceFactor);
        var pairs = ReadPairDistances(r, "laqa.generation.min-distance.pairs", composition);
        var volumeFactor = r.Double("laqa.generation.volume.factor", d.Volume.Factor, min: 0, minExclusive: true, max: CampaignLimits.VolumeFactor);
        var mean = r.Double("laqa.generation.volume.mean-per-atom", d.Volume.MeanPerAtom, min: 0, max: CampaignLimits.VolumePerAtom);
        var sigma = r.Double("laqa.generation.volume.sigma-per-atom", d.Volume.SigmaPerAtom, min: 0, max: CampaignLimits.VolumePerAtom);
        if (sigma > 0 && mean == 0 && !r.Errors.Has("laqa.generation.volume.mean-per-atom"))
            r.Errors.Add("laqa.generation.volume.sigma-per-atom", "is set but laqa.generation.volume.mean-per-atom is 0; set the mean too, or use volume.factor alone");
        var rattle = new Rattle(
            r.Double("laqa.generation.rattle.displacement", d.Rattle.DisplacementSigma, min: 0, max: CampaignLimits.RattleDisplacement),
            r.Double("laqa.generation.rattle.strain", d.Rattle.StrainSigma, min: 0, max: CampaignLimits.RattleStrain));
        return new GenerationSpec(spaceGroups, minDistanceFactor, pairs, new VolumeSpec(volumeFactor, mean, sigma),
            r.Int("laqa.generation.max-attempts", 1, d.MaxAttempts, CampaignLimits.MaxAttempts), r.Enum("laqa.generation.cell", d.Cell), rattle);
    }

    /// <summary>all, a number, a range "a-b", or a list of numbers and ranges; sorted and unique.</summary>
    private static EquatableList<int> ReadSpaceGroups(ConfigReader r, string path)
    {
        var all = new EquatableList<int>(Enumerable.Range(1, SpaceGroupCount));
        var node = r.Node(path);
        if (node is null || node.IsObject())
        {
            r.Errors.Add(path, "expected all, a number, a range \"a-b\" or a list of them");
            return all;
        }
        var list = ConfigReader.List(node);
        var items = list is null
            ? [(Path: path, Value: node)]
            : list.Select((v, i) => (Path: $"{path}[{i}]", Value: v)).ToList();
        if (list is null && node.IsString() && node.GetString().Trim() == "all")
            return all;
        var numbers = new SortedSet<int>();
        foreach (var (itemPath, value) in items)
        {
            if (!value.IsString() || ConfigReader.List(value) is not null)
            {
                r.Errors.Add(itemPath, "expected a space group number or a range \"a-b\"");
                continue;
            }
            var text = value.GetString().Trim();
            var parts = text.Split('-');
            if (parts.Length > 2 || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                r.Errors.Add(itemPath, $"expected a space group number or a range \"a-b\", got \"{text}\"");
                continue;
            }
            var from = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var to = int.Parse(parts[^1], CultureInfo.InvariantCulture);
            if (from < 1 || to > SpaceGroupCount || from > to)
            {
                r.Errors.Add(itemPath, $"\"{text}\" is not within space groups 1-{SpaceGroupCount}");
                continue;
            }
            for (var n = from; n <= to; n++) numbers.Add(n);
        }
        if (items.Count == 0)
            r.Errors.Add(path, "empty list: no space group allowed");
        return numbers.Count == 0 ? all : new EquatableList<int>(numbers);
    }

    private static EquatableList<PairDistance> ReadPairDistances(ConfigReader r, string path, Composition? composition)
    {
        var symbols = composition?.Symbols.ToHashSet() ?? [];
        var pairs = new SortedDictionary<(string, string), PairDistance>();
        foreach (var (key, value) in r.Block(path))
        {
            var pairPath = $"{path}.\"{key}\"";
            var elements = key.Split('-');
            if (elements.Length != 2 || elements.Any(e => e.Length == 0))
            {
                r.Errors.Add(pairPath, "expected a pair of elements such as \"Si-O\"");
                continue;
            }
            var missing = elements.Where(e => !symbols.Contains(e)).Distinct().ToList();
            if (missing.Count > 0 && symbols.Count > 0)
            {
                r.Errors.Add(pairPath, $"{string.Join(" and ", missing)} not in the composition {composition}");
                continue;
            }
            if (!value.IsString() || ConfigReader.List(value) is not null)
            {
                r.Errors.Add(pairPath, "expected a distance in Å");
                continue;
            }
            var distance = r.ParseDouble(pairPath, value.GetString(), 0, min: 0, minExclusive: true, max: CampaignLimits.PairDistance);
            if (distance <= 0) continue;
            var pair = PairDistance.Of(new(key, distance));
            if (!pairs.TryAdd((pair.ElementA, pair.ElementB), pair))
                r.Errors.Add(pairPath, $"the pair {pair.ElementA}-{pair.ElementB} is given twice");
        }
        return new EquatableList<PairDistance>(pairs.Values);
    }

    private static RelaxerSpec ReadRelaxer(ConfigReader r)
    {
        var d = RelaxerSpec.Default;
        return new RelaxerSpec(
            r.Enum("laqa.relaxer.algorithm", d.Algorithm),
            r.Int("laqa.relaxer.steps-per-batch", 1, d.StepsPerBatch, CampaignLimits.StepsPerBatch),
            r.Double("laqa.relaxer.fmax", d.MaxForce, min: 0, minExclusive: true, max: CampaignLimits.MaxForce),
            PressureUnits.FromGPa(r.Double("laqa.relaxer.smax", 0.1, min: 0, minExclusive: true, max: CampaignLimits.MaxStress)),
            PressureUnits.FromGPa(r.Double("laqa.relaxer.pressure", 0, max: CampaignLimits.Pressure)));
    }

    private static SearchSpec ReadSearch(ConfigReader r, int initialStructures)
    {
        var d = SearchSpec.Default;
        var algorithm = r.Enum("laqa.search.algorithm", d.Algorithm);
        var maxSteps = r.Int("laqa.search.max-steps-per-candidate", 1, d.MaxStepsPerCandidate, CampaignLimits.MaxStepsPerCandidate);
        var nselect = r.Int("laqa.search.nselect", 1, d.Laqa.NSelect, CampaignLimits.InitialStructures);
        if (algorithm == SearchAlgorithm.Laqa && nselect > initialStructures && !r.Errors.Has("laqa.initial-structures"))
            r.Errors.Add("laqa.search.nselect", $"{nselect} is more than laqa.initial-structures ({initialStructures})");
        var mode = r.Enum("laqa.search.mode", d.Laqa.Mode);
        var weights = new LaqaWeights(
            r.Double("laqa.search.weights.force", d.Laqa.Weights.Force, min: 0, max: CampaignLimits.Weight),
            r.Double("laqa.search.weights.stress", d.Laqa.Weights.Stress, min: 0, max: CampaignLimits.Weight));
        return new SearchSpec(algorithm, new LaqaOptions(nselect, mode, weights), maxSteps);
    }

    private static DuplicateSpec ReadDuplicates(ConfigReader r)
    {
        var d = DuplicateSpec.Default;
        return new DuplicateSpec(
            r.Bool("laqa.duplicates.enabled", d.Enabled),
            r.Double("laqa.duplicates.energy-tolerance", d.EnergyTolerance, min: 0, minExclusive: true, max: CampaignLimits.DuplicateEnergyTolerance),
            r.Double("laqa.duplicates.distance-tolerance", d.DistanceTolerance, min: 0, minExclusive: true, max: CampaignLimits.DuplicateDistanceTolerance));
    }

    private static WorkerSpec ReadWorkers(ConfigReader r)
    {
        var d = WorkerSpec.Default;
        var count = ReadCountOrWord(r, "laqa.workers.count", "auto", "a number of workers", CampaignLimits.Workers, min: 0);
        return new WorkerSpec((int?)count,
            r.Duration("laqa.workers.batch-timeout", d.BatchTimeout, CampaignLimits.BatchTimeout), r.Int("laqa.workers.max-retries", 0, d.MaxRetries, CampaignLimits.MaxRetries),
            r.Int("laqa.workers.prefetch", 0, d.Prefetch, CampaignLimits.Prefetch))
        {
            StopGracePeriod = r.Duration("laqa.workers.stop-grace-period", d.StopGracePeriod, CampaignLimits.StopGracePeriod),
            ResendInterval = r.Duration("laqa.workers.resend-interval", d.ResendInterval, CampaignLimits.ResendInterval),
        };
    }

    private static PersistenceSpec ReadPersistence(ConfigReader r)
    {
        var d = PersistenceSpec.Default;
        var provider = r.Enum("laqa.persistence.provider", d.Provider);
        var file = r.String("laqa.persistence.sqlite-file", d.SqliteFile);
        var env = r.String("laqa.persistence.postgresql-connection-env", d.PostgreSqlConnectionEnv);
        var name = r.String("laqa.persistence.campaign-name", d.CampaignName);
        var leaseTime = r.Duration("laqa.persistence.lease-time", d.LeaseTime, CampaignLimits.LeaseTime);
        if (leaseTime < CampaignLimits.MinLeaseTime)
            r.Errors.Add("laqa.persistence.lease-time", $"must be at least {CampaignLimits.MinLeaseTime.TotalSeconds:0} s, got {leaseTime.TotalSeconds:0.###} s");
        if (provider == PersistenceProvider.Sqlite && file.Trim().Length == 0)
            r.Errors.Add("laqa.persistence.sqlite-file", "required with provider = sqlite");
        if (!EnvironmentVariableName.IsMatch(env))
            r.Errors.Add("laqa.persistence.postgresql-connection-env", $"'{env}' is not an environment variable's name (letters, digits and _)");
        if (name.Length > 0 && !CampaignNames.IsValid(name))
            r.Errors.Add("laqa.persistence.campaign-name", $"'{name}' is not a campaign name ({CampaignNames.Rule})");
        return new PersistenceSpec(provider, file, env, name) { LeaseTime = leaseTime };
    }

    private static readonly Regex EnvironmentVariableName = new("^[A-Za-z_][A-Za-z0-9_]*$");

    private static ClusterSpec ReadCluster(ConfigReader r, string baseDirectory)
    {
        var d = ClusterSpec.Default;
        var seeds = new List<string>();
        if (r.Node("laqa.cluster.seed-nodes") is { } node)
        {
            if (ConfigReader.List(node) is not { } list) r.Errors.Add("laqa.cluster.seed-nodes", "expected a list of \"host:port\"");
            else
                for (var i = 0; i < list.Count; i++)
                {
                    var text = list[i].IsString() ? list[i].GetString().Trim() : "";
                    if (ClusterAddress.TryParse(text, out _)) seeds.Add(text);
                    else r.Errors.Add($"laqa.cluster.seed-nodes[{i}]", $"expected \"host:port\" with a port 1-65535, got \"{text}\"");
                }
        }
        var passwordEnv = r.String("laqa.cluster.tls.password-env", d.TlsPasswordEnv).Trim();
        if (!EnvironmentVariableName.IsMatch(passwordEnv))
            r.Errors.Add("laqa.cluster.tls.password-env", $"'{passwordEnv}' is not an environment variable's name (letters, digits and _)");
        return new ClusterSpec(
            r.String("laqa.cluster.hostname", d.Hostname).Trim(),
            r.Int("laqa.cluster.port", 0, d.Port, ClusterAddress.MaxPort),
            r.String("laqa.cluster.public-hostname", d.PublicHostname).Trim(),
            new EquatableList<string>(seeds),
            r.String("laqa.cluster.tls.certificate", "").Trim() is { Length: > 0 } certificate ? Path.GetFullPath(certificate, baseDirectory) : "",
            passwordEnv);
    }

    private static StopCriteria ReadStop(ConfigReader r) => new(
        ReadCountOrWord(r, "laqa.stop.max-total-steps", "none", "a number of steps", long.MaxValue),
        r.Scalar("laqa.stop.max-wall-time")?.Trim() is null or "none" ? null : r.Duration("laqa.stop.max-wall-time", TimeSpan.Zero, CampaignLimits.WallTime),
        (int?)ReadCountOrWord(r, "laqa.stop.no-improvement-selections", "none", "a number of selections", int.MaxValue),
        r.Scalar("laqa.stop.target-enthalpy")?.Trim() is null or "none" ? null : r.Double("laqa.stop.target-enthalpy", 0, max: CampaignLimits.Enthalpy));

    /// <summary>A whole number from min (default 1), or a word standing for "no number" (auto, none) read as null.</summary>
    private static long? ReadCountOrWord(ConfigReader r, string path, string word, string what, long max, long min = 1)
    {
        var text = r.Scalar(path)?.Trim();
        if (text is null || text == word) return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        r.Errors.Add(path, max == long.MaxValue
            ? $"expected {word} or {what} (at least {min}), got \"{text}\""
            : $"expected {word} or {what} ({min} to {max}), got \"{text}\"");
        return null;
    }
}
