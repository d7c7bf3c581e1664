using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Laqa.Calculators.External;
using Laqa.Crystal;

namespace Laqa.Calculators.Ase;

/// <summary>
/// One Python interpreter running laqa_ase_bridge.py with a built ASE calculator, spoken to over
/// its stdin and stdout, one JSON line each way per structure (doubles written and read so that they
/// round-trip exactly). It runs in a session of its own, as <see cref="ExternalProcess"/>: a guard
/// passes our requests on to Python and kills the session when our end of the pipe closes (this
/// process ended, even by SIGKILL, or <see cref="Dispose"/>), and the shell that waits for Python
/// kills the session when Python ends, so that its end is seen at once. Not thread-safe: one
/// caller at a time.
/// </summary>
public sealed class AseBridgeProcess : IDisposable
{
    // $1 is the session id, then the interpreter and its arguments. Left of the pipe the guard copies
    // our stdin to Python's until end-of-file; right of it a shell runs Python and then (Python ended or
    // crashed: its signal is reported on our stderr) ends the session, which closes our stdout.
    private const string Script = $$"""
        sh -c 'exec 2>/dev/null; session=$1; cat
        {{ExternalProcess.KillSessionButSelf}}' laqa-ase-guard $$ | sh -c 'session=$1; shift; "$@"; exec 2>/dev/null
        {{ExternalProcess.KillSessionButSelf}}' laqa-ase $$ "$@"
        """;

    private const int StderrLines = 20;

    private static readonly Lazy<string> BridgeSource = new(() =>
    {
        using var stream = typeof(AseBridgeProcess).Assembly.GetManifestResourceStream("laqa_ase_bridge.py")
                           ?? throw new InvalidOperationException("laqa_ase_bridge.py is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private readonly Process _process;
    private readonly Queue<string> _stderr = new();
    private readonly StringBuilder _request = new();
    private bool _ended;

    private AseBridgeProcess(Process process)
    {
        _process = process;
        Session = process.Id;
    }

    /// <summary>The session's id: setsid made the first process (the shell that starts the guard and the interpreter) its leader.</summary>
    public int Session { get; }

    /// <summary>Whether the interpreter has ended (crashed, killed, or after an answer could not be read).</summary>
    public bool HasEnded => _ended;

    /// <summary>
    /// Starts the interpreter and has it build the calculator. Throws <see cref="AseBridgeException"/>
    /// with Python's last line (or the shell's, when the interpreter cannot be started).
    /// </summary>
    public static AseBridgeProcess Start(AseSettings settings)
    {
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in (string[])["sh", "-c", Script, "laqa-ase-session", settings.Python, "-u", "-c", BridgeSource.Value, Setup(settings)])
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start setsid");
        var bridge = new AseBridgeProcess(process);
        process.ErrorDataReceived += (_, e) => bridge.KeepStderr(e.Data);
        process.BeginErrorReadLine();
        ExternalProcess.WaitForSession(process);
        var first = process.StandardOutput.ReadLine();
        using var reply = first is null ? null : Reply(first);
        if (reply is { RootElement.ValueKind: JsonValueKind.Object } && reply.RootElement.TryGetProperty("ready", out _)) return bridge;
        var reason = first is null
            ? $"{settings.Python} ended before building the calculator: {bridge.EndReason()}"
            : Error(reply) ?? $"unexpected first line from the bridge: {Shorten(first)}";
        bridge.Dispose();
        throw new AseBridgeException(reason);
    }

    /// <summary>
    /// Energy, forces and stress of the structure; a Python exception is a failed result with the
    /// exception's last line, and so is the end of the interpreter (after which <see cref="HasEnded"/>).
    /// Cancellation kills the interpreter and throws OperationCanceledException.
    /// </summary>
    public CalculationResult Evaluate(Structure structure, CancellationToken cancellationToken = default)
    {
        if (_ended) return CalculationResult.Failed("the Python interpreter of the ASE bridge has ended");
        cancellationToken.ThrowIfCancellationRequested();
        string? line;
        using (cancellationToken.Register(() => ExternalProcess.KillSession(Session)))
        {
            try
            {
                _process.StandardInput.Write(Request(structure));
                _process.StandardInput.Flush();
                line = _process.StandardOutput.ReadLine();
            }
            catch (IOException)
            {
                line = null;
            }
        }
        if (line is null)
        {
            var reason = $"the Python interpreter of the ASE bridge ended: {EndReason()}";
            // Python is gone; so is the rest of its session once our end of the pipe closes.
            Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            return CalculationResult.Failed(reason);
        }
        using var reply = Reply(line);
        if (reply is null) return CalculationResult.Failed($"the ASE bridge wrote a line that is not JSON: {Shorten(line)}");
        if (Error(reply) is { } error) return CalculationResult.Failed(error);
        return Result(reply.RootElement, structure.Count);
    }

    /// <summary>Ends the interpreter: our end of its pipe closes, and the guard kills its session.</summary>
    public void Dispose()
    {
        _ended = true;
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The guard is already gone, and with it the session.
        }
        _process.Dispose();
    }

    private string Request(Structure structure)
    {
        var b = _request.Clear();
        b.Append("{\"numbers\": [");
        for (var i = 0; i < structure.Count; i++)
            b.Append(i == 0 ? "" : ", ").Append(Elements.Get(structure.Species[i]).AtomicNumber.ToString(CultureInfo.InvariantCulture));
        b.Append("], \"cell\": [");
        for (var i = 0; i < 3; i++) Append(b, structure.Lattice[i], i == 0);
        b.Append("], \"positions\": [");
        var cartesian = structure.Cartesian();
        for (var i = 0; i < cartesian.Length; i++) Append(b, cartesian[i], i == 0);
        return b.Append("]}\n").ToString();
    }

    private static void Append(StringBuilder b, Vec3 v, bool first)
    {
        // "R": the shortest text that reads back as the same double, in Python as here.
        b.Append(first ? "" : ", ").Append(v.X.ToString("R", CultureInfo.InvariantCulture))
            .Append(", ").Append(v.Y.ToString("R", CultureInfo.InvariantCulture))
            .Append(", ").Append(v.Z.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>The reply as numbers; ASE's Voigt stress [xx, yy, zz, yz, xz, xy] (eV/Å³, our sign) becomes the row-major 3×3.</summary>
    private static CalculationResult Result(JsonElement reply, int atoms)
    {
        var forces = Numbers(reply, "forces");
        var voigt = Numbers(reply, "stress");
        if (!reply.TryGetProperty("energy", out var energy) || energy.ValueKind != JsonValueKind.Number || forces?.Length != 3 * atoms || voigt?.Length != 6)
            return CalculationResult.Failed($"the ASE bridge's answer lacks the energy, {3 * atoms} force components or 6 stress components");
        double[] stress = [voigt[0], voigt[5], voigt[4], voigt[5], voigt[1], voigt[3], voigt[4], voigt[3], voigt[2]];
        return new CalculationResult(energy.GetDouble(), forces, stress);
    }

    private static double[]? Numbers(JsonElement reply, string name) =>
        reply.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array && array.EnumerateArray().All(x => x.ValueKind == JsonValueKind.Number)
            ? [.. array.EnumerateArray().Select(x => x.GetDouble())]
            : null;

    private static JsonDocument? Reply(string line)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Error(JsonDocument? reply) =>
        reply is not null && reply.RootElement.ValueKind == JsonValueKind.Object && reply.RootElement.TryGetProperty("error", out var error) ? error.GetString() : null;

    private static string Setup(AseSettings settings)
    {
        var setup = new Dictionary<string, object?> { ["arguments"] = settings.Arguments };
        if (settings.FileSource is not null)
        {
            setup["file"] = settings.File;
            setup["source"] = settings.FileSource;
        }
        else setup["calculator"] = settings.Calculator;
        return JsonSerializer.Serialize(setup);
    }

    private void KeepStderr(string? line)
    {
        if (string.IsNullOrWhiteSpace(line)) return;
        lock (_stderr)
        {
            _stderr.Enqueue(line.Trim());
            if (_stderr.Count > StderrLines) _stderr.Dequeue();
        }
    }

    /// <summary>The last line the interpreter (or the shell that ran it) wrote on stderr, after a short wait for it to arrive.</summary>
    private string EndReason()
    {
        // The stderr reader may still be on its way with the last line.
        if (_process.WaitForExit(TimeSpan.FromSeconds(2))) _process.WaitForExit();
        lock (_stderr)
            return _stderr.Count > 0 ? _stderr.Last() : "no message on stderr";
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
