using System.Diagnostics;
using System.Runtime.InteropServices;
using Laqa.Crystal;

namespace Laqa.Calculators.Lammps;

/// <summary>
/// One LAMMPS instance, kept alive across evaluations in a host process of its own (Laqa.LammpsHost,
/// which calls the library through <see cref="LammpsInstance"/>): the library ends its process on any
/// error, and every instance in one process would share MPI_COMM_WORLD. The box and atoms are set up
/// again only when the species sequence changes; otherwise an evaluation is one message with the box and
/// positions and one answer (<see cref="LammpsHostProtocol"/>), through buffers kept for the same atoms.
/// When the host dies (or cannot start), <see cref="LammpsException"/> carries LAMMPS's ERROR line from its screen (stderr).
/// Not thread-safe: one session per worker.
/// </summary>
public sealed class LammpsSession : IDisposable
{
    public const string HostAssembly = "Laqa.LammpsHost.dll";

    // LAMMPS's own conversion for units metal (force->nktv2p): pressure in bar = this × eV/Å³.
    private const double BarPerEvPerCubicAngstrom = 1.6021765e6;
    // The last bytes of LAMMPS's screen: enough for its ERROR line and the command after it.
    private const int ScreenBytesKept = 8192;

    private readonly Process process;
    private readonly BufferedStream requests;
    private readonly BufferedStream replies;
    private readonly BinaryWriter writer;
    private readonly byte[] screen = new byte[ScreenBytesKept];
    private int screenLength;
    private readonly Thread screenReader;
    private string[]? species;
    // Reused for every evaluation of the same atoms: box and positions out, energy, pressure and forces back.
    private double[] request = [];
    private double[] reply = [];

    public LammpsSession()
    {
        var host = Path.Combine(AppContext.BaseDirectory, HostAssembly);
        if (!File.Exists(host)) throw new LammpsException($"the LAMMPS host {host} is missing");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [host])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["OMP_NUM_THREADS"] = "1";
        try
        {
            process = Process.Start(start) ?? throw new LammpsException("could not start the LAMMPS host");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new LammpsException($"could not start the LAMMPS host with {start.FileName}: {e.Message}");
        }
        // Raw reads of whole buffers, not an event per line: the screen gets some ten lines per evaluation.
        screenReader = new Thread(() => KeepScreenTail(process.StandardError.BaseStream)) { IsBackground = true, Name = "lammps-screen" };
        screenReader.Start();
        requests = new BufferedStream(process.StandardInput.BaseStream, LammpsHostProtocol.BufferBytes);
        replies = new BufferedStream(process.StandardOutput.BaseStream, LammpsHostProtocol.BufferBytes);
        writer = new BinaryWriter(requests);
    }

    /// <summary>The host process's id (benchmarks read its CPU clock).</summary>
    public int HostProcessId => process.Id;

    /// <summary>Energy, forces and stress of <paramref name="structure"/> in our frame and units; throws <see cref="LammpsException"/> if LAMMPS stopped.</summary>
    public CalculationResult Evaluate(Structure structure, LammpsSettings settings)
    {
        var cell = new LammpsCell(structure.Lattice);
        try
        {
            if (species is null || !species.SequenceEqual(structure.Species))
            {
                writer.Write(LammpsHostProtocol.Setup);
                writer.Write(settings.Script(structure, cell));
                writer.Write(structure.Count);
                writer.Write(settings.KSpaceStyle is not null);
                LammpsHostProtocol.WriteDoubles(writer, settings.AtomCharges(structure));
                writer.Flush();
                Expect(LammpsHostProtocol.Ready);
                species = [.. structure.Species];
                request = new double[LammpsHostProtocol.RequestLength(structure.Count)];
                reply = new double[LammpsHostProtocol.ReplyLength(structure.Count)];
            }
            (request[0], request[1], request[2], request[3], request[4], request[5]) = (cell.Lx, cell.Ly, cell.Lz, cell.Xy, cell.Xz, cell.Yz);
            WritePositions(structure, cell, request.AsSpan(6));
            requests.WriteByte(LammpsHostProtocol.Evaluate);
            requests.Write(MemoryMarshal.AsBytes(request.AsSpan()));
            requests.Flush();
            Expect(LammpsHostProtocol.Result);
            replies.ReadExactly(MemoryMarshal.AsBytes(reply.AsSpan()));
            // LAMMPS orders the pressure xx yy zz xy xz yz; σ = −P, row-major 3×3.
            double[] stress = [reply[1], reply[4], reply[5], reply[4], reply[2], reply[6], reply[5], reply[6], reply[3]];
            for (var k = 0; k < stress.Length; k++) stress[k] = -stress[k] / BarPerEvPerCubicAngstrom;
            return new CalculationResult(reply[0], cell.ForcesToOurFrame(reply.AsSpan(7)), cell.TensorToOurFrame(stress));
        }
        catch (IOException)
        {
            throw Stopped();
        }
    }

    /// <summary>Cartesian positions in LAMMPS's frame, from fractional coordinates wrapped into [0, 1), into <paramref name="x"/>.</summary>
    private static void WritePositions(Structure structure, LammpsCell cell, Span<double> x)
    {
        for (var i = 0; i < structure.Count; i++)
        {
            var f = structure.Fractional[i];
            var r = cell.Lattice.ToCartesian(new Vec3(f.X - Math.Floor(f.X), f.Y - Math.Floor(f.Y), f.Z - Math.Floor(f.Z)));
            (x[3 * i], x[3 * i + 1], x[3 * i + 2]) = (r.X, r.Y, r.Z);
        }
    }

    private void Expect(byte expected)
    {
        var answer = replies.ReadByte();
        if (answer < 0) throw Stopped();
        if (answer != expected) throw new InvalidOperationException($"the LAMMPS host answered {answer}, expected {expected}");
    }

    private void KeepScreenTail(Stream stream)
    {
        var buffer = new byte[ScreenBytesKept];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            var keep = Math.Min(screenLength, ScreenBytesKept - read);
            Array.Copy(screen, screenLength - keep, screen, 0, keep);
            Array.Copy(buffer, 0, screen, keep, read);
            screenLength = keep + read;
        }
    }

    /// <summary>The host has died: LAMMPS's ERROR line and the command it was running.</summary>
    private LammpsException Stopped()
    {
        process.WaitForExit();
        screenReader.Join();
        var lines = System.Text.Encoding.UTF8.GetString(screen, 0, screenLength).Split('\n', StringSplitOptions.TrimEntries);
        var error = Array.FindLastIndex(lines, l => l.StartsWith("ERROR", StringComparison.Ordinal));
        if (error < 0)
            return new LammpsException($"LAMMPS stopped (exit code {process.ExitCode}) without an ERROR line; last output: {string.Join(" | ", lines.Where(l => l.Length > 0).TakeLast(3))}");
        var command = lines.Skip(error + 1).FirstOrDefault(l => l.StartsWith("Last command:", StringComparison.Ordinal));
        return new LammpsException(command is null ? lines[error] : $"{lines[error]} ({command})");
    }

    public void Dispose()
    {
        try { writer.Dispose(); }
        catch (IOException) { }
        if (!process.WaitForExit(TimeSpan.FromSeconds(5))) process.Kill();
        process.Dispose();
    }
}
