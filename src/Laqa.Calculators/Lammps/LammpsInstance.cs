using System.Globalization;
using System.Text.Unicode;

namespace Laqa.Calculators.Lammps;

/// <summary>
/// One LAMMPS instance of the library in this process, kept across evaluations: <see cref="Setup"/>
/// runs a model's script (box, masses, pair style) and creates the atoms, then each <see cref="Evaluate"/>
/// sets the box (when it changed) and positions and runs LAMMPS. An error in LAMMPS ends this process
/// (see <see cref="LammpsLibrary"/>); the screen goes to stderr, where LAMMPS writes its ERROR line.
/// </summary>
internal sealed class LammpsInstance : IDisposable
{
    // The full set-up: re-initialises the whole force field (EAM rebuilds its splines from the file's
    // tables, kspace its g_ewald and k-vectors), then builds ghosts and lists and evaluates.
    private const string FullRun = "run 0 post no";

    // One step without motion and without LAMMPS's set-up: the script makes every step re-neighbour
    // (neigh_modify check no) and marks the box as changing (fix box/relax), so that this step redoes
    // the periodic wrap, communication cut-offs, bins, ghosts and lists for the current box and positions
    // before it evaluates, as a step of `fix npt` does. Only kspace needs its set-up after a box change.
    private const string QuickRun = "run 1 pre no post no";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] PressureKeywords = ["pxx", "pyy", "pzz", "pxy", "pxz", "pyz"];

    private readonly nint handle;
    private readonly double[] box = new double[6];
    private int atoms;
    private bool kspace;
    private bool fullRunDone;

    public LammpsInstance()
    {
        string[] arguments = ["laqa", "-log", "none", "-screen", "/dev/stderr", "-nocite"];
        handle = LammpsLibrary.OpenNoMpi(arguments.Length, arguments, 0);
        if (handle == 0) throw new InvalidOperationException("lammps_open_no_mpi returned no instance");
    }

    /// <summary>
    /// Runs the model's script (which creates <paramref name="atomCount"/> atoms) and sets their charges if
    /// given; <paramref name="hasKSpace"/> says whether the model has a kspace style.
    /// </summary>
    public unsafe void Setup(string script, int atomCount, double[] charges, bool hasKSpace)
    {
        LammpsLibrary.CommandsString(handle, script);
        atoms = atomCount;
        kspace = hasKSpace;
        fullRunDone = false;
        Array.Fill(box, double.NaN);
        var created = LammpsLibrary.GetNatoms(handle);
        if (created != atoms) throw new InvalidOperationException($"LAMMPS created {created} atoms, expected {atoms}");
        if (charges.Length > 0)
            fixed (double* q = charges) LammpsLibrary.ScatterAtoms(handle, "q", LammpsLibrary.DoubleType, 1, q);
    }

    /// <summary>
    /// Evaluates the atoms at <paramref name="positions"/> in the box [lx, ly, lz, xy, xz, yz] (LAMMPS's
    /// frame) into <paramref name="result"/>: energy (eV), pressure tensor (bar: xx yy zz xy xz yz), then
    /// forces (eV/Å, atoms in creation order). The full set-up runs on the first evaluation and, with
    /// kspace, whenever the box changed; otherwise the quick run.
    /// </summary>
    public unsafe void Evaluate(ReadOnlySpan<double> newBox, ReadOnlySpan<double> positions, Span<double> result)
    {
        if (positions.Length != 3 * atoms || result.Length != 7 + 3 * atoms)
            throw new ArgumentException($"expected {atoms} atoms, got {positions.Length} coordinates and room for {result.Length} results");
        var boxChanged = !newBox.SequenceEqual(box);
        if (boxChanged)
        {
            ChangeBox(newBox);
            newBox.CopyTo(box);
        }
        fixed (double* x = positions) LammpsLibrary.ScatterAtoms(handle, "x", LammpsLibrary.DoubleType, 3, x);
        LammpsLibrary.Command(handle, !fullRunDone || (kspace && boxChanged) ? FullRun : QuickRun);
        fullRunDone = true;
        result[0] = LammpsLibrary.GetThermo(handle, "pe");
        for (var k = 0; k < PressureKeywords.Length; k++) result[1 + k] = LammpsLibrary.GetThermo(handle, PressureKeywords[k]);
        fixed (double* f = result[7..]) LammpsLibrary.GatherAtoms(handle, "f", LammpsLibrary.DoubleType, 3, f);
    }

    /// <summary>change_box, formatted into a stack buffer (no allocation per evaluation).</summary>
    private unsafe void ChangeBox(ReadOnlySpan<double> b)
    {
        Span<byte> command = stackalloc byte[512];
        if (!Utf8.TryWrite(command[..^1], Invariant,
                $"change_box all x final 0 {b[0]:R} y final 0 {b[1]:R} z final 0 {b[2]:R} xy final {b[3]:R} xz final {b[4]:R} yz final {b[5]:R} units box",
                out var length))
            throw new InvalidOperationException("change_box command does not fit its buffer");
        command[length] = 0;
        fixed (byte* text = command) LammpsLibrary.Command(handle, text);
    }

    public void Dispose() => LammpsLibrary.Close(handle);
}
