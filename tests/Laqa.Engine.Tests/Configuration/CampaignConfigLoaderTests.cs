using Xunit;
using Laqa.Crystal;
using Laqa.Engine.Configuration;
using Laqa.Search;
using Laqa.Search.Campaign;

namespace Laqa.Engine.Tests.Configuration;

public class CampaignConfigLoaderTests
{
    private static string[] Errors(string hocon)
    {
        var e = Assert.Throws<LaqaInputException>(() => CampaignConfigLoader.Load(hocon));
        return e.Message.Split('\n');
    }

    [Theory]
    [InlineData("laqa.relaxer.fmx = 0.1", "laqa.relaxer.fmx: unknown key (did you mean fmax?)")]
    [InlineData("laqa.generation.volume { factr = 1.2 }", "laqa.generation.volume.factr: unknown key (did you mean factor?)")]
    [InlineData("laqa.search.nselect = ten", "laqa.search.nselect: expected an integer, got \"ten\"")]
    [InlineData("laqa.search.nselect = 2.5", "laqa.search.nselect: expected an integer, got \"2.5\"")]
    [InlineData("laqa.relaxer.fmax = small", "laqa.relaxer.fmax: expected a number, got \"small\"")]
    [InlineData("laqa.relaxer = 5", "laqa.relaxer: expected a block { ... }")]
    [InlineData("laqa.seed = [1, 2]", "laqa.seed: expected a single value, got a list")]
    [InlineData("laqa.seed = []", "laqa.seed: expected a single value, got a list")]
    [InlineData("laqa.seed { value = 1 }", "laqa.seed: expected a value, got a block { ... }")]
    [InlineData("laqa.initial-structures = 0", "laqa.initial-structures: must be between 1 and 100000, got 0")]
    [InlineData("laqa.initial-structures = 5\nlaqa.search.nselect = 6", "laqa.search.nselect: 6 is more than laqa.initial-structures (5)")]
    [InlineData("laqa.search.weights.force = -0.1", "laqa.search.weights.force: must be at least 0, got -0.1")]
    [InlineData("laqa.search.weights.stress = -1", "laqa.search.weights.stress: must be at least 0, got -1")]
    [InlineData("laqa.relaxer.fmax = 0", "laqa.relaxer.fmax: must be greater than 0, got 0")]
    [InlineData("laqa.calculator.preset = si-tersof", "laqa.calculator.preset: unknown calculator preset \"si-tersof\" (did you mean si-tersoff?); known: al2o3-bush, lj-airss, nacl-bmh, si-sw, si-tersoff")]
    [InlineData("laqa.relaxer.algorithm = lbfgs", "laqa.relaxer.algorithm: unknown value \"lbfgs\" (did you mean bfgs?); expected one of fire, bfgs")]
    [InlineData("laqa.search.mode = asnyc", "laqa.search.mode: unknown value \"asnyc\" (did you mean async?); expected one of sync, async")]
    [InlineData("laqa.search.algorithm = rac", "laqa.search.algorithm: unknown value \"rac\" (did you mean race?); expected one of rs, laqa, race")]
    [InlineData("laqa.generation.space-groups = [1, 231]", "laqa.generation.space-groups[1]: \"231\" is not within space groups 1-230")]
    [InlineData("laqa.generation.space-groups = \"20-10\"", "laqa.generation.space-groups: \"20-10\" is not within space groups 1-230")]
    [InlineData("laqa.generation.space-groups = [\"1-x\"]", "laqa.generation.space-groups[0]: expected a space group number or a range \"a-b\", got \"1-x\"")]
    [InlineData("laqa.generation.space-groups = []", "laqa.generation.space-groups: empty list: no space group allowed")]
    [InlineData("laqa.generation.min-distance.pairs { \"Si-O\" = 1.5 }", "laqa.generation.min-distance.pairs.\"Si-O\": O not in the composition Si8")]
    [InlineData("laqa.generation.min-distance.pairs { \"Si-Si\" = -2 }", "laqa.generation.min-distance.pairs.\"Si-Si\": must be greater than 0, got -2")]
    [InlineData("laqa.generation.min-distance.pairs { Si = 2 }", "laqa.generation.min-distance.pairs.\"Si\": expected a pair of elements such as \"Si-O\"")]
    [InlineData("laqa.generation.volume.sigma-per-atom = 2", "laqa.generation.volume.sigma-per-atom: is set but laqa.generation.volume.mean-per-atom is 0; set the mean too, or use volume.factor alone")]
    [InlineData("laqa.generation.cell = primative", "laqa.generation.cell: unknown value \"primative\" (did you mean primitive?); expected one of conventional, primitive")]
    [InlineData("laqa.workers.count = -1", "laqa.workers.count: expected auto or a number of workers (0 to 1024), got \"-1\"")]
    [InlineData("laqa.workers.batch-timeout = soon", "laqa.workers.batch-timeout: expected a duration such as 90s, 10m or 2h, got \"soon\"")]
    [InlineData("laqa.workers.max-retries = -1", "laqa.workers.max-retries: must be between 0 and 100, got -1")]
    [InlineData("laqa.workers.prefetch = -1", "laqa.workers.prefetch: must be between 0 and 100, got -1")]
    [InlineData("laqa.stop.max-total-steps = -5", "laqa.stop.max-total-steps: expected none or a number of steps (at least 1), got \"-5\"")]
    [InlineData("laqa.stop.no-improvement-selections = 0", "laqa.stop.no-improvement-selections: expected none or a number of selections (1 to 2147483647), got \"0\"")]
    [InlineData("laqa.stop.max-wall-time = -5m", "laqa.stop.max-wall-time: expected a duration such as 90s, 10m or 2h, got \"-5m\"")]
    [InlineData("laqa.stop.max-wall-time = soon", "laqa.stop.max-wall-time: expected a duration such as 90s, 10m or 2h, got \"soon\"")]
    [InlineData("laqa.stop.max-wall-time = 10", "laqa.stop.max-wall-time: a duration needs a unit, e.g. 10s, 10m or 10h, got \"10\"")]
    [InlineData("laqa.workers.batch-timeout = 5", "laqa.workers.batch-timeout: a duration needs a unit, e.g. 5s, 5m or 5h, got \"5\"")]
    [InlineData("laqa.stop.target-enthalpy = low", "laqa.stop.target-enthalpy: expected a number, got \"low\"")]
    [InlineData("laqa.persistence.postgresql-connection-string = \"Host=db;Password=x\"", "laqa.persistence.postgresql-connection-string: a connection string is never read from the config file: put it in the environment variable that laqa.persistence.postgresql-connection-env names (default LAQA_POSTGRES)")]
    [InlineData("laqa.persistence.postgresql-connection-env = \"my-var\"", "laqa.persistence.postgresql-connection-env: 'my-var' is not an environment variable's name (letters, digits and _)")]
    [InlineData("laqa.cluster.tls.password-env = \"my password\"", "laqa.cluster.tls.password-env: 'my password' is not an environment variable's name (letters, digits and _)")]
    [InlineData("laqa.persistence.lease-time = 500ms", "laqa.persistence.lease-time: must be at least 1 s, got 0.5 s")]
    [InlineData("laqa.persistence.lease-time = 2h", "laqa.persistence.lease-time: must be at most 10 min, got \"2h\"")]
    [InlineData("laqa.persistence.campaign-name = Si16", "laqa.persistence.campaign-name: 'Si16' is not a campaign name (1 to 50 characters of a-z, 0-9 and _)")]
    [InlineData("laqa.calculator.lennard-jones.pairs { Si-Si { epsilon = 1, sigma = big, cutoff = 5 } }", "laqa.calculator.lennard-jones.pairs.\"Si-Si\".sigma: expected a number, got \"big\"")]
    [InlineData("laqa.initial-structures = 2000000000", "laqa.initial-structures: must be between 1 and 100000, got 2000000000")]
    [InlineData("laqa.generation.max-attempts = 2000000000", "laqa.generation.max-attempts: must be between 1 and 1000000, got 2000000000")]
    [InlineData("laqa.generation.min-distance.factor = 1e300", "laqa.generation.min-distance.factor: must be at most 3, got 1e300")]
    [InlineData("laqa.generation.min-distance.pairs { \"Si-Si\" = 1e300 }", "laqa.generation.min-distance.pairs.\"Si-Si\": must be at most 10, got 1e300")]
    [InlineData("laqa.generation.volume.factor = 1e300", "laqa.generation.volume.factor: must be at most 100, got 1e300")]
    [InlineData("laqa.generation.volume.mean-per-atom = 1e9", "laqa.generation.volume.mean-per-atom: must be at most 10000, got 1e9")]
    [InlineData("laqa.generation.rattle.displacement = 2", "laqa.generation.rattle.displacement: must be at most 1, got 2")]
    [InlineData("laqa.generation.rattle.strain = 0.5", "laqa.generation.rattle.strain: must be at most 0.2, got 0.5")]
    [InlineData("laqa.generation.rattle.displacement = -0.05", "laqa.generation.rattle.displacement: must be at least 0, got -0.05")]
    [InlineData("laqa.relaxer.steps-per-batch = 1000000", "laqa.relaxer.steps-per-batch: must be between 1 and 10000, got 1000000")]
    [InlineData("laqa.relaxer.fmax = 1e300", "laqa.relaxer.fmax: must be at most 100, got 1e300")]
    [InlineData("laqa.relaxer.smax = Infinity", "laqa.relaxer.smax: expected a number, got \"Infinity\"")]
    [InlineData("laqa.relaxer.pressure = 1e300", "laqa.relaxer.pressure: must be at most 1000 in magnitude, got 1e300")]
    [InlineData("laqa.relaxer.pressure = -1001", "laqa.relaxer.pressure: must be at most 1000 in magnitude, got -1001")]
    [InlineData("laqa.relaxer.pressure = NaN", "laqa.relaxer.pressure: expected a number, got \"NaN\"")]
    [InlineData("laqa.search.max-steps-per-candidate = 2000000000", "laqa.search.max-steps-per-candidate: must be between 1 and 1000000, got 2000000000")]
    [InlineData("laqa.search.weights.stress = 1e300", "laqa.search.weights.stress: must be at most 1000, got 1e300")]
    [InlineData("laqa.workers.count = 100000", "laqa.workers.count: expected auto or a number of workers (0 to 1024), got \"100000\"")]
    [InlineData("laqa.workers.prefetch = 1000000", "laqa.workers.prefetch: must be between 0 and 100, got 1000000")]
    [InlineData("laqa.workers.max-retries = 1000000", "laqa.workers.max-retries: must be between 0 and 100, got 1000000")]
    [InlineData("laqa.workers.batch-timeout = 3650d", "laqa.workers.batch-timeout: must be at most 7 days, got \"3650d\"")]
    [InlineData("laqa.calculator.lennard-jones.pairs { Si-Si { epsilon = 1e300, sigma = 2, cutoff = 5 } }", "laqa.calculator.lennard-jones.pairs.\"Si-Si\".epsilon: must be at most 100, got 1e300")]
    [InlineData("laqa.calculator.lennard-jones.pairs { Si-Si { epsilon = 1, sigma = 2, cutoff = 1e6 } }", "laqa.calculator.lennard-jones.pairs.\"Si-Si\".cutoff: must be at most 30, got 1e6")]
    [InlineData("laqa.relaxer.fmax = null", "laqa.relaxer.fmax: null is not a value; leave the key out to take its default")]
    [InlineData("laqa.generation.space-groups = null", "laqa.generation.space-groups: null is not a value; leave the key out to take its default")]
    [InlineData("laqa.cluster.seed-nodes = [\"a:1\", null]", "laqa.cluster.seed-nodes[1]: null is not a value; leave the key out to take its default")]
    [InlineData("laqa.generation.min-distance.pairs { \"Si-Si\" = null }", "laqa.generation.min-distance.pairs.Si-Si: null is not a value; leave the key out to take its default")]
    public void EachErrorIsReportedWithItsKeyPath(string snippet, string expected)
    {
        Assert.Equal([expected], Errors("laqa.composition = Si8\n" + snippet));
    }

    [Theory]
    [InlineData("laqa.composition = \"\"", "laqa.composition: required, e.g. composition = Si16")]
    [InlineData("laqa.composition = Si16x", "laqa.composition: composition 'Si16x': 'x' must start with an uppercase letter (element symbols are written like Si, Cl)")]
    [InlineData("laqa.composition = Si0", "laqa.composition: composition 'Si0': count '0' of Si is zero; counts must be positive")]
    [InlineData("laqa.composition = Si4O8Si4", "laqa.composition: composition 'Si4O8Si4': element 'Si' appears twice; give each element once")]
    [InlineData("laqa.composition = Si100000000", "laqa.composition: composition 'Si100000000': 100000000 atoms in the cell; at most 500 atoms per cell")]
    [InlineData("akka.loglevel = INFO", "the campaign config: no laqa { } block (a campaign's settings go inside laqa { ... })")]
    [InlineData("", "the campaign config: no laqa { } block (a campaign's settings go inside laqa { ... })")]
    [InlineData("laqa.composition = null", "laqa.composition: null is not a value; leave the key out to take its default")]
    public void CompositionErrors(string hocon, string expected)
    {
        Assert.Equal([expected], Errors(hocon));
    }

    [Fact]
    public void AllErrorsAreReportedTogetherInOrder()
    {
        const string hocon = """
            laqa {
              composition = Si8
              initial-structures = 4
              seeed = 3
              relaxer { fmax = -1, algorithm = lbfgs }
              search { nselect = 5, weights.force = -2 }
              workers.count = none
            }
            """;

        Assert.Equal(
        [
            "laqa.seeed: unknown key (did you mean seed?)",
            "laqa.relaxer.algorithm: unknown value \"lbfgs\" (did you mean bfgs?); expected one of fire, bfgs",
            "laqa.relaxer.fmax: must be greater than 0, got -1",
            "laqa.search.nselect: 5 is more than laqa.initial-structures (4)",
            "laqa.search.weights.force: must be at least 0, got -2",
            "laqa.workers.count: expected auto or a number of workers (0 to 1024), got \"none\"",
        ], Errors(hocon));
    }

    [Fact]
    public void ValuesAreReadIntoTheSpec()
    {
        var spec = CampaignConfigLoader.Load("""
            akka.loglevel = INFO
            laqa {
              composition = "Al4O6"
              initial-structures = 30
              seed = -7
              generation {
                space-groups = [2, "10-12", 12, 227]
                min-distance { factor = 0.6, pairs { "O-Al" = 1.7, "O-O" = 2.2 } }
                volume { mean-per-atom = 10.5, sigma-per-atom = 1.5 }
                max-attempts = 50
                cell = primitive
              }
              calculator { preset = al2o3-bush }
              relaxer { algorithm = bfgs, steps-per-batch = 4, fmax = 0.02 }
              search { algorithm = laqa, mode = async, nselect = 30, weights { force = 0.2, stress = 0 } }
              workers { count = 3, batch-timeout = 90s, max-retries = 0, prefetch = 2 }
              persistence { provider = postgresql, postgresql-connection-env = DB, campaign-name = al4o6, lease-time = 30s }
              stop { max-total-steps = 50000, max-wall-time = 1430m, no-improvement-selections = 40, target-enthalpy = -6.5 }
            }
            """);

        Assert.Equal([("Al", 4), ("O", 6)], spec.Composition.Species.ToArray());
        Assert.Equal(10, spec.Composition.TotalAtoms);
        Assert.Equal((30, -7L), (spec.InitialStructures, spec.Seed));
        Assert.Equal([2, 10, 11, 12, 227], spec.Generation.SpaceGroups);
        Assert.Equal(0.6, spec.Generation.MinDistanceFactor);
        Assert.Equal([new PairDistance("Al", "O", 1.7), new PairDistance("O", "O", 2.2)], spec.Generation.MinDistancePairs);
        Assert.Equal(1.7, spec.Generation.MinDistanceOverride("O", "Al"));
        Assert.Null(spec.Generation.MinDistanceOverride("Al", "Al"));
        Assert.Equal(new VolumeSpec(1.1, 10.5, 1.5), spec.Generation.Volume);
        Assert.True(spec.Generation.Volume.UsesMeanAndSigma);
        Assert.Equal((50, CellChoice.Primitive), (spec.Generation.MaxAttempts, spec.Generation.Cell));
        Assert.Equal(new PresetCalculatorSpec("al2o3-bush"), spec.Calculator);
        Assert.Equal((RelaxerAlgorithm.Bfgs, 4, 0.02), (spec.Relaxer.Algorithm, spec.Relaxer.StepsPerBatch, spec.Relaxer.MaxForce));
        Assert.Equal(new SearchSpec(SearchAlgorithm.Laqa, new LaqaOptions(30, LaqaMode.Async, new LaqaWeights(0.2, 0)), 1000), spec.Search);
        Assert.Equal(new WorkerSpec(3, TimeSpan.FromSeconds(90), 0, 2), spec.Workers);
        Assert.Equal(new PersistenceSpec(PersistenceProvider.PostgreSql, "campaign.db", "DB", "al4o6") { LeaseTime = TimeSpan.FromSeconds(30) }, spec.Persistence);
        Assert.Equal(TimeSpan.FromSeconds(30), EngineSettings.From(spec).LeaseTime);
        Assert.Equal(new StopCriteria(50000, TimeSpan.FromMinutes(1430), 40, -6.5), spec.Stop);
    }

    [Theory]
    [InlineData("si16-tersoff.conf", "Si16", SearchAlgorithm.Laqa, 60)]
    [InlineData("si16-tersoff-rs.conf", "Si16", SearchAlgorithm.Rs, 60)]
    [InlineData("si8-small.conf", "Si8", SearchAlgorithm.Laqa, 8)]
    [InlineData("si16-tersoff-race.conf", "Si16", SearchAlgorithm.Race, 60)]
    public void ExamplesLoad(string file, string composition, SearchAlgorithm algorithm, int structures)
    {
        var spec = CampaignConfigLoader.LoadFile(RepositoryFiles.PathOf(Path.Combine("config", "examples", file)));

        Assert.Equal((composition, algorithm, structures), (spec.Composition.ToString(), spec.Search.Algorithm, spec.InitialStructures));
        Assert.Equal(new PresetCalculatorSpec("si-tersoff"), spec.Calculator);
    }

    [Fact]
    public void EveryExampleInTheFolderLoads()
    {
        var files = Directory.GetFiles(RepositoryFiles.PathOf(Path.Combine("config", "examples")), "*.conf");
        Assert.NotEmpty(files);
        foreach (var file in files) CampaignConfigLoader.LoadFile(file);
    }

    [Fact]
    public void TheRsExampleIsTheLaqaExampleWithAnotherAlgorithm()
    {
        var laqa = CampaignConfigLoader.LoadFile(RepositoryFiles.PathOf("config/examples/si16-tersoff.conf"));
        var rs = CampaignConfigLoader.LoadFile(RepositoryFiles.PathOf("config/examples/si16-tersoff-rs.conf"));

        Assert.Equal(laqa with { Search = rs.Search, SourceText = rs.SourceText }, rs);
    }

    [Fact]
    public void AMissingFileIsAnInputError()
    {
        var e = Assert.Throws<LaqaInputException>(() => CampaignConfigLoader.LoadFile("/nonexistent/campaign.conf"));
        Assert.Contains("/nonexistent/campaign.conf", e.Message);
    }
}
