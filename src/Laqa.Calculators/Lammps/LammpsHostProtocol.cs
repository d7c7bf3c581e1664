namespace Laqa.Calculators.Lammps;

/// <summary>
/// The messages between a <see cref="LammpsSession"/> and its host process (binary, over the host's
/// stdin and stdout): Setup (script, atom count, charges) answered by Ready, and Evaluate (box
/// lx ly lz xy xz yz, positions) answered by Result (energy, pressure xx yy zz xy xz yz, forces).
/// </summary>
public static class LammpsHostProtocol
{
    public const byte Setup = (byte)'S';
    public const byte Evaluate = (byte)'E';
    public const byte Ready = (byte)'K';
    public const byte Result = (byte)'R';

    /// <summary>Serves requests from <paramref name="input"/> until it ends; the entry point of the host process.</summary>
    public static void Serve(Stream input, Stream output)
    {
        using var reader = new BinaryReader(input);
        using var writer = new BinaryWriter(new BufferedStream(output));
        using var lammps = new LammpsInstance();
        while (true)
        {
            int kind;
            try { kind = reader.ReadByte(); }
            catch (EndOfStreamException) { return; }
            if (kind == Setup)
            {
                var script = reader.ReadString();
                var atoms = reader.ReadInt32();
                var charges = ReadDoubles(reader);
                lammps.Setup(script, atoms, charges);
                writer.Write(Ready);
            }
            else if (kind == Evaluate)
            {
                var box = ReadDoubles(reader);
                var positions = ReadDoubles(reader);
                var (energy, pressure, forces) = lammps.Evaluate(box, positions);
                writer.Write(Result);
                writer.Write(energy);
                WriteDoubles(writer, pressure);
                WriteDoubles(writer, forces);
            }
            else throw new InvalidDataException($"unknown request {kind}");
            writer.Flush();
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
