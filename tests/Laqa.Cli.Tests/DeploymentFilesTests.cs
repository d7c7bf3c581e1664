using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Laqa.Cli.Tests;

/// <summary>
/// The laqa command lines of docker/Dockerfile, docker/compose.yml and docs/slurm/laqa-workers.sbatch
/// name a subcommand and flags the built `laqa` has: a renamed or removed flag fails here, not on a cluster.
/// </summary>
public class DeploymentFilesTests
{
    private const string Dockerfile = "docker/Dockerfile";
    private const string Compose = "docker/compose.yml";
    private const string Slurm = "docs/slurm/laqa-workers.sbatch";

    public static TheoryData<string> CommandLines => ["Dockerfile CMD", "compose.yml campaign", "compose.yml worker", "laqa-workers.sbatch srun"];

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void CommandLineNamesASubcommandAndFlagsThatLaqaHas(string line)
    {
        var arguments = line switch
        {
            "Dockerfile CMD" => DockerfileInstruction("CMD"),
            "compose.yml campaign" => ComposeCommand("campaign"),
            "compose.yml worker" => ComposeCommand("worker"),
            "laqa-workers.sbatch srun" => SlurmWorkerCommand(),
            _ => throw new ArgumentOutOfRangeException(nameof(line)),
        };
        var subcommand = arguments[0];
        Assert.False(subcommand.StartsWith('-'), $"{line}: {string.Join(' ', arguments)} names no subcommand");

        using var folder = new TempFolder();
        var help = LaqaProcess.Start(folder.Path, [.. arguments, "--help"]);
        Assert.True(help.ExitCode == 0, $"{line}: laqa {string.Join(' ', arguments)} --help ended with {help.ExitCode}:\n{help.Error}");
        // An unknown subcommand prints the help of laqa itself, also with exit code 0.
        Assert.True(Regex.IsMatch(help.Output, $@"^\s*laqa {Regex.Escape(subcommand)}\b", RegexOptions.Multiline),
            $"{line}: laqa has no subcommand '{subcommand}'; laqa --help says:\n{help.Output}");

        var missing = new List<string>();
        for (var i = 1; i < arguments.Length; i++)
        {
            var flag = arguments[i];
            if (!flag.StartsWith("--", StringComparison.Ordinal)) continue;
            var takesValue = i + 1 < arguments.Length && !arguments[i + 1].StartsWith('-');
            // The option's line in the help: "--flag <value>" for one that takes a value, "--flag" alone for a switch.
            var pattern = $@"(?<![\w-]){Regex.Escape(flag)}" + (takesValue ? @" <" : @"(?![\w-]| <)");
            if (!Regex.IsMatch(help.Output, pattern)) missing.Add(takesValue ? $"{flag} VALUE" : flag);
        }
        Assert.True(missing.Count == 0, $"{line}: laqa {subcommand} has no {string.Join(", ", missing)}; its help says:\n{help.Output}");
    }

    [Fact]
    public void DockerfileEntrypointIsTheBuiltLaqaInExecForm()
    {
        // Exec form: laqa itself is process 1 and gets docker stop's SIGTERM (a shell in between would not pass it on).
        var entrypoint = DockerfileInstruction("ENTRYPOINT");
        Assert.Equal(new[] { "dotnet", "/app/" + Path.GetFileName(LaqaProcess.LaqaDll) }, entrypoint);
        Assert.Contains(DockerfileLines(), l => Regex.IsMatch(l, @"^RUN dotnet publish src/Laqa\.Cli\b.* -o /app\b"));
    }

    [Fact]
    public void CampaignConfigsOfTheImageAndOfComposeAreRepositoryFiles()
    {
        // The image copies config/ (COPY config /config); compose mounts the repository's config/ over it.
        var copies = DockerfileLines().Select(l => Regex.Match(l, @"^COPY (?!--)(\S+) (\S+)$")).Where(m => m.Success)
            .Select(m => (Repository: RepositoryFiles.PathOf(m.Groups[1].Value), Container: m.Groups[2].Value)).ToArray();
        AssertIsRepositoryFile(DockerfileInstruction("CMD")[1], copies, Dockerfile);

        var mounts = ComposeList("campaign", "volumes").Select(v => v.Split(':')).Where(v => v[0].StartsWith('.'))
            .Select(v => (Repository: Path.GetFullPath(Path.Combine(RepositoryFiles.PathOf("docker"), v[0])), Container: v[1])).ToArray();
        AssertIsRepositoryFile(ComposeCommand("campaign")[1], mounts, Compose);
    }

    [Fact]
    public void ComposeWorkersJoinTheCampaignAtTheAddressItAdvertises()
    {
        var campaign = ComposeCommand("campaign");
        var worker = ComposeCommand("worker");
        Assert.Equal("run", campaign[0]);
        Assert.Equal("worker", worker[0]);
        Assert.Equal("0.0.0.0", ValueOf(campaign, "--hostname"));
        Assert.Equal("0.0.0.0", ValueOf(worker, "--hostname"));
        // The campaign's service name is the host name the other containers reach it by.
        Assert.Equal("campaign", ValueOf(campaign, "--public-hostname"));
        Assert.Equal($"campaign:{ValueOf(campaign, "--port")}", ValueOf(worker, "--join"));
        Assert.Null(ValueOf(worker, "--public-hostname"));
    }

    [Fact]
    public void ComposeTlsCertificateIsASecretKeptOutOfGitAndOfTheImage()
    {
        var secrets = Map(Map(ComposeFile(), "secrets"), "laqa-tls");
        var file = Path.GetFullPath(Path.Combine(RepositoryFiles.PathOf("docker"), (string)secrets["file"]));
        Assert.StartsWith(RepositoryFiles.PathOf("docker/tls") + "/", file);
        Assert.Contains("/docker/tls/", File.ReadAllLines(RepositoryFiles.PathOf(".gitignore")));
        var dockerignore = File.ReadAllLines(RepositoryFiles.PathOf(".dockerignore"));
        Assert.Contains("docker/tls/", dockerignore);
        Assert.Contains("**/*.p12", dockerignore);

        foreach (var service in new[] { "campaign", "worker" })
        {
            var command = ComposeCommand(service);
            var secret = Assert.Single((Service(service)["secrets"] as List<object> ?? []).OfType<Dictionary<object, object>>(), s => "laqa-tls".Equals(s["source"]));
            Assert.Equal("/run/secrets/" + secret["target"], ValueOf(command, "--tls-certificate"));
            // The password comes from the environment, by name; the command line holds only the name.
            var variable = ValueOf(command, "--tls-password-env");
            Assert.NotNull(variable);
            Assert.Contains(variable, ComposeList(service, "environment"));
        }
    }

    [Fact]
    public void ComposePostgresPasswordIsASecretThatOnlyTheCampaignNodeReads()
    {
        var secrets = Map(Map(ComposeFile(), "secrets"), "postgres-password");
        var file = Path.GetFullPath(Path.Combine(RepositoryFiles.PathOf("docker"), (string)secrets["file"]));
        Assert.StartsWith(RepositoryFiles.PathOf("docker/secrets") + "/", file);
        Assert.Contains("/docker/secrets/", File.ReadAllLines(RepositoryFiles.PathOf(".gitignore")));
        Assert.Contains("docker/secrets/", File.ReadAllLines(RepositoryFiles.PathOf(".dockerignore")));

        Assert.Contains("POSTGRES_PASSWORD_FILE=/run/secrets/postgres-password", ComposeList("postgres", "environment"));
        Assert.Contains("postgres-password", ComposeList("postgres", "secrets"));
        Assert.Contains("postgres-password", (Service("campaign")["secrets"] as List<object> ?? []).OfType<string>());
        Assert.DoesNotContain("postgres-password", (Service("worker")["secrets"] as List<object> ?? []).OfType<string>());
        // The connection string is made from the secret inside the container, into the variable the config names.
        var entrypoint = string.Join(' ', ComposeList("campaign", "entrypoint"));
        Assert.Contains("LAQA_POSTGRES=", entrypoint);
        Assert.Contains("Password=$$(cat /run/secrets/postgres-password)", entrypoint);
        Assert.Contains("exec dotnet /app/laqa.dll", entrypoint);
        var config = RepositoryConfig(ComposeCommand("campaign")[1]);
        Assert.Contains("provider = postgresql", config);
        Assert.Contains("postgresql-connection-env = \"LAQA_POSTGRES\"", config);
    }

    private static string RepositoryConfig(string containerPath) =>
        File.ReadAllText(RepositoryFiles.PathOf(containerPath.Replace("/config/", "config/", StringComparison.Ordinal)));

    [Fact]
    public void SlurmScriptRunsOneWorkerPerNodeAndAsksForSigtermBeforeTheWallTime()
    {
        var directives = File.ReadAllLines(RepositoryFiles.PathOf(Slurm)).Where(l => l.StartsWith("#SBATCH ", StringComparison.Ordinal)).ToArray();
        Assert.Contains("#SBATCH --ntasks-per-node=1", directives);
        Assert.Contains(directives, d => Regex.IsMatch(d, @"^#SBATCH --signal=TERM@\d+$"));
        var worker = SlurmWorkerCommand();
        Assert.Equal("worker", worker[0]);
        Assert.Equal("0.0.0.0", ValueOf(worker, "--hostname"));
        Assert.Equal(SlurmCpusPerTask(), ValueOf(worker, "--workers"));
    }

    // --- docker/Dockerfile

    private static string[] DockerfileLines() => File.ReadAllLines(RepositoryFiles.PathOf(Dockerfile));

    /// <summary>The one exec-form (JSON array) ENTRYPOINT or CMD of the Dockerfile.</summary>
    private static string[] DockerfileInstruction(string instruction)
    {
        var line = Assert.Single(DockerfileLines(), l => l.StartsWith(instruction + " ", StringComparison.Ordinal));
        var json = line[(instruction.Length + 1)..].Trim();
        Assert.True(json.StartsWith('['), $"{Dockerfile}: {instruction} is not in exec form: {line}");
        return JsonSerializer.Deserialize<string[]>(json)!;
    }

    // --- docker/compose.yml

    private static Dictionary<string, object> ComposeFile()
    {
        // MergingParser: the services take their common keys from the x-laqa anchor with "<<: *laqa".
        using var reader = new StringReader(File.ReadAllText(RepositoryFiles.PathOf(Compose)));
        return new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(new MergingParser(new Parser(reader)));
    }

    private static Dictionary<object, object> Map(IDictionary<string, object> map, string key) =>
        Assert.IsType<Dictionary<object, object>>(map.TryGetValue(key, out var value) ? value : null);

    private static Dictionary<object, object> Map(IDictionary<object, object> map, string key) =>
        Assert.IsType<Dictionary<object, object>>(map.TryGetValue(key, out var value) ? value : null);

    private static Dictionary<object, object> Service(string name) => Map(Map(ComposeFile(), "services"), name);

    private static string[] ComposeList(string service, string key) =>
        [.. Assert.IsType<List<object>>(Service(service).TryGetValue(key, out var value) ? value : null).Cast<string>()];

    /// <summary>The service's command (a YAML list), with compose's ${NAME:-default} as its default.</summary>
    private static string[] ComposeCommand(string service) =>
        [.. ComposeList(service, "command").Select(a => Expand(a, new Dictionary<string, string>(), $"{Compose} {service}"))];

    // --- docs/slurm/laqa-workers.sbatch

    /// <summary>The arguments after `laqa` of the script's one `srun ... laqa ...` line, with its variables set as in a job.</summary>
    private static string[] SlurmWorkerCommand()
    {
        var variables = new Dictionary<string, string>
        {
            ["LAQA_CAMPAIGN"] = "campaign.example.org:4053",
            ["SLURM_CPUS_PER_TASK"] = SlurmCpusPerTask(),
            ["LAQA_TLS_CERTIFICATE"] = "/home/user/.laqa/laqa.p12",
        };
        var lines = Regex.Replace(File.ReadAllText(RepositoryFiles.PathOf(Slurm)), @"\\\r?\n", " ").Split('\n');
        var words = Assert.Single(lines.Where(l => l.StartsWith("srun ", StringComparison.Ordinal)).Select(l => ShellWords(l, variables)), w => w.Contains("laqa"));
        return words[(Array.IndexOf(words, "laqa") + 1)..];
    }

    private static string SlurmCpusPerTask() => Assert.Single(File.ReadAllLines(RepositoryFiles.PathOf(Slurm))
        .Select(l => Regex.Match(l, @"^#SBATCH --cpus-per-task=(\d+)$")), m => m.Success).Groups[1].Value;

    /// <summary>A shell line split into words as bash does, for what a plain command line holds: quotes, $NAME, ${NAME}, ${NAME:-default}.</summary>
    private static string[] ShellWords(string line, IReadOnlyDictionary<string, string> variables)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else if (c == '#' && !inWord) break;
            else if (c == '\'')
            {
                var end = line.IndexOf('\'', i + 1);
                word.Append(line, i + 1, end - i - 1);
                i = end;
                inWord = true;
            }
            else if (c == '"')
            {
                var end = line.IndexOf('"', i + 1);
                word.Append(Expand(line[(i + 1)..end], variables, Slurm));
                i = end;
                inWord = true;
            }
            else
            {
                var m = Regex.Match(line[i..], @"^(\$\{[^}]*\}|\$\w+|\\.|[^\s'""$\\]+)");
                var text = m.Success ? m.Value : c.ToString();
                word.Append(text.StartsWith('\\') ? text[1..] : Expand(text, variables, Slurm));
                i += text.Length - 1;
                inWord = true;
            }
        }
        if (inWord) words.Add(word.ToString());
        return [.. words];
    }

    /// <summary>$NAME, ${NAME} and ${NAME:-default} from variables; a variable neither set there nor defaulted fails the test.</summary>
    private static string Expand(string text, IReadOnlyDictionary<string, string> variables, string where) =>
        Regex.Replace(text, @"\$\{(\w+)(?::-([^}]*))?\}|\$(\w+)", m =>
        {
            var name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[3].Value;
            if (variables.TryGetValue(name, out var value)) return value;
            if (m.Groups[2].Success) return m.Groups[2].Value;
            Assert.Fail($"{where}: this test gives ${name} no value; add a plausible one");
            return "";
        });

    // --- helpers

    /// <summary>The word after flag, or null when the flag is not there.</summary>
    private static string? ValueOf(string[] arguments, string flag)
    {
        var i = Array.IndexOf(arguments, flag);
        return i >= 0 && i + 1 < arguments.Length ? arguments[i + 1] : null;
    }

    private static void AssertIsRepositoryFile(string containerPath, (string Repository, string Container)[] mounts, string where)
    {
        var under = mounts.Where(m => containerPath.StartsWith(m.Container.TrimEnd('/') + "/", StringComparison.Ordinal)).ToArray();
        Assert.True(under.Length > 0, $"{where}: {containerPath} is in no folder taken from the repository");
        var mount = under.MaxBy(m => m.Container.Length);
        var file = Path.Combine(mount.Repository, containerPath[(mount.Container.TrimEnd('/').Length + 1)..]);
        Assert.True(File.Exists(file), $"{where}: {containerPath} is {file}, which does not exist");
    }
}
