using System.Collections.Concurrent;
using Laqa.Crystal;

namespace Laqa.Calculators.Lammps;

/// <summary>
/// Energy, forces and stress from LAMMPS's library with any pair style it has. The campaign shares one
/// calculator among its workers, so each evaluation borrows an idle <see cref="LammpsSession"/> (one
/// LAMMPS instance, started on first need) and returns it: as many instances as evaluations run at
/// once, each kept across steps and batches. A LAMMPS error fails that evaluation with LAMMPS's message
/// and drops the instance.
/// </summary>
public sealed class LammpsCalculator(LammpsSettings settings) : ICalculator, IDisposable
{
    /// <summary>Debian's liblammps0, the build behind <c>lmp</c>.</summary>
    public const string LibraryPath = LammpsLibrary.Path;

    private readonly ConcurrentBag<LammpsSession> idle = [];

    public string Name => $"lammps {settings.PairStyle}";

    public LammpsSettings Settings => settings;

    public CalculationResult Calculate(Structure structure, CancellationToken cancellationToken = default)
    {
        if (structure.Species.FirstOrDefault(s => settings.TypeOf(s) == 0) is { } missing)
            return CalculationResult.Failed($"{missing} has no LAMMPS atom type (types: {string.Join(" ", settings.Types)})");
        if (!IsFinite(structure))
            return CalculationResult.Failed("the structure has a coordinate or lattice vector that is not a finite number");
        LammpsSession? session = null;
        try
        {
            session = idle.TryTake(out var kept) ? kept : new LammpsSession();
            var result = session.Evaluate(structure, settings);
            idle.Add(session);
            return result;
        }
        catch (LammpsException e)
        {
            session?.Dispose();
            return CalculationResult.Failed($"LAMMPS: {e.Message}");
        }
    }

    /// <summary>
    /// Evaluates one cell of <paramref name="composition"/> (atoms on a simple cubic grid 2.5 Å apart) in
    /// an instance of its own, so that an unknown pair style, a missing file or an element the potential
    /// lacks shows up before any candidate. Returns LAMMPS's message, or null when it ran.
    /// </summary>
    public string? Problem(Composition composition)
    {
        if (composition.Symbols.FirstOrDefault(s => settings.TypeOf(s) == 0) is { } missing)
            return $"{missing} has no LAMMPS atom type (types: {string.Join(" ", settings.Types)})";
        var symbols = composition.AtomSymbols().ToArray();
        var side = (int)Math.Ceiling(Math.Cbrt(symbols.Length));
        const double spacing = 2.5;
        var lattice = new Lattice(new Vec3(side * spacing, 0, 0), new Vec3(0, side * spacing, 0), new Vec3(0, 0, side * spacing));
        var sites = Enumerable.Range(0, symbols.Length).Select(i => new Vec3(i % side, i / side % side, i / (side * side)) * (1.0 / side));
        try
        {
            using var session = new LammpsSession();
            session.Evaluate(new Structure(lattice, symbols, sites), settings);
            return null;
        }
        catch (LammpsException e)
        {
            return e.Message;
        }
    }

    public void Dispose()
    {
        while (idle.TryTake(out var session)) session.Dispose();
    }

    private static bool IsFinite(Structure structure) =>
        structure.Fractional.All(f => double.IsFinite(f.X) && double.IsFinite(f.Y) && double.IsFinite(f.Z))
        && ((Vec3[])[structure.Lattice.A, structure.Lattice.B, structure.Lattice.C]).All(v => double.IsFinite(v.X) && double.IsFinite(v.Y) && double.IsFinite(v.Z));
}
