using System.Globalization;

namespace Laqa.Calculators.Lammps;

/// <summary>
/// One LAMMPS instance of the library in this process, kept across evaluations: <see cref="Setup"/>
/// runs a model's script (box, masses, pair style) and creates the atoms, then each <see cref="Evaluate"/>
/// sets the box and positions and runs <c>run 0</c>. An error in LAMMPS ends this process (see
/// <see cref="LammpsLibrary"/>); the screen goes to stderr, where LAMMPS writes its ERROR line.
/// </summary>
internal sealed class LammpsInstance : IDisposable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly nint handle;
    private int atoms;

    public LammpsInstance()
    {
        string[] arguments = ["laqa", "-log", "none", "-screen", "/dev/stderr", "-nocite"];
        handle = LammpsLibrary.OpenNoMpi(arguments.Length, arguments, 0);
        if (handle == 0) throw new InvalidOperationException("lammps_open_no_mpi returned no instance");
    }

    /// <summary>Runs the model's script (which creates <paramref name="atomCount"/> atoms) and sets their charges if given.</summary>
    public void Setup(string script, int atomCount, double[] charges)
    {
        LammpsLibrary.CommandsString(handle, script);
        atoms = atomCount;
        var created = LammpsLibrary.GetNatoms(handle);
        if (created != atoms) throw new InvalidOperationException($"LAMMPS created {created} atoms, expected {atoms}");
        if (charges.Length > 0) LammpsLibrary.ScatterAtoms(handle, "q", LammpsLibrary.DoubleType, 1, charges);
    }

    /// <summary>
    /// Energy (eV), pressure tensor (bar: xx yy zz xy xz yz) and forces (eV/Å, atoms in creation order)
    /// of the atoms at <paramref name="positions"/> in the box [lx, ly, lz, xy, xz, yz], all in LAMMPS's frame.
    /// </summary>
    public (double Energy, double[] Pressure, double[] Forces) Evaluate(double[] box, double[] positions)
    {
        LammpsLibrary.Command(handle, string.Create(Invariant,
            $"change_box all x final 0 {box[0]:R} y final 0 {box[1]:R} z final 0 {box[2]:R} xy final {box[3]:R} xz final {box[4]:R} yz final {box[5]:R} units box"));
        LammpsLibrary.ScatterAtoms(handle, "x", LammpsLibrary.DoubleType, 3, positions);
        LammpsLibrary.Command(handle, "run 0 post no");
        var energy = LammpsLibrary.GetThermo(handle, "pe");
        double[] pressure = [.. ((string[])["pxx", "pyy", "pzz", "pxy", "pxz", "pyz"]).Select(k => LammpsLibrary.GetThermo(handle, k))];
        var forces = new double[3 * atoms];
        LammpsLibrary.GatherAtoms(handle, "f", LammpsLibrary.DoubleType, 3, forces);
        return (energy, pressure, forces);
    }

    public void Dispose() => LammpsLibrary.Close(handle);
}
