using System.Runtime.InteropServices;

namespace Laqa.Calculators.Lammps;

/// <summary>
/// The messages between a <see cref="LammpsSession"/> and its host process (binary, over the host's
/// stdin and stdout): Setup (script, atom count, whether there is a kspace style, charges) answered by
/// Ready; Evaluate followed by the raw doubles of the box (lx ly lz xy xz yz) and positions answered by
/// Result followed by the raw doubles of energy, pressure (xx yy zz xy xz yz) and forces. Both ends keep
/// one buffer per direction, so an evaluation is one write and one read on each side.
/// </summary>
public static class LammpsHostProtocol
{
    public const byte Setup = (byte)'S';
    public const byte Evaluate = (byte)'E';
    public const byte Ready = (byte)'K';
    public const byte Result = (byte)'R';

    public const int BufferBytes = 1 << 16;

    /// <summary>Doubles after an Evaluate: the box, then x y z per atom.</summary>
    public static int RequestLength(int atoms) => 6 + 3 * atoms;

    /// <summary>Doubles after a Result: energy, the pressure tensor, then the force per atom.</summary>
    public static int ReplyLength(int atoms) => 7 + 3 * atoms;

    /// <summary>Serves requests from <paramref name="input"/> until it ends; the entry point of the host process.</summary>
    public static void Serve(Stream input, Stream output)
    {
        using var requests = new BufferedStream(input, BufferBytes);
        using var replies = new BufferedStream(output, BufferBytes);
        using var reader = new BinaryReader(requests);
        using var lammps = new LammpsInstance();
        double[] request = [], reply = [];
        while (true)
        {
            var kind = requests.ReadByte();
            if (kind < 0) return;
            if (kind == Setup)
            {
                var script = reader.ReadString();
                var atoms = reader.ReadInt32();
                var hasKSpace = reader.ReadBoolean();
                var charges = ReadDoubles(reader);
                lammps.Setup(script, atoms, charges, hasKSpace);
                (request, reply) = (new double[RequestLength(atoms)], new double[ReplyLength(atoms)]);
                replies.WriteByte(Ready);
            }
            else if (kind == Evaluate)
            {
                requests.ReadExactly(MemoryMarshal.AsBytes(request.AsSpan()));
                lammps.Evaluate(request.AsSpan(0, 6), request.AsSpan(6), reply);
                replies.WriteByte(Result);
                replies.Write(MemoryMarshal.AsBytes(reply.AsSpan()));
            }
            else throw new InvalidDataException($"unknown request {kind}");
            replies.Flush();
        }
    }

    public static void WriteDoubles(BinaryWriter writer, double[] values)
    {
        writer.Write(values.Length);
        foreach (var v in values) writer.Write(v);
    }

    public static double[] ReadDoubles(BinaryReader reader)
    {
        var values = new double[reader.ReadInt32()];
        for (var i = 0; i < values.Length; i++) values[i] = reader.ReadDouble();
        return values;
    }
}
