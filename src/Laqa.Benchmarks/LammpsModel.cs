using System.Globalization;
using System.Text;
using Laqa.Calculators.Potentials;

namespace Laqa.Benchmarks;

/// <summary>
/// How LAMMPS models a benchmark cell: the species of atom types 1, 2, ... in order, the pair
/// (and kspace) commands, and the charge per species when atom_style charge is needed.
/// </summary>
public sealed record LammpsModel(IReadOnlyList<string> Types, string Commands, IReadOnlyDictionary<string, double>? Charges = null)
{
    public const string PotentialDirectory = "/usr/share/lammps/potentials";

    /// <summary>pair_style tersoff with the Si(C) entry of SiCGe.tersoff, the set the si-tersoff preset mirrors.</summary>
    public static LammpsModel SiliconTersoff { get; } =
        new(["Si"], $"pair_style tersoff\npair_coeff * * {PotentialDirectory}/SiCGe.tersoff Si(C)");

    /// <summary>pair_style sw with Si.sw, the set the si-sw preset mirrors.</summary>
    public static LammpsModel SiliconStillingerWeber { get; } =
        new(["Si"], $"pair_style sw\npair_coeff * * {PotentialDirectory}/Si.sw Si");

    /// <summary>
    /// pair_style born/coul/long at the potential's short-range cut-off, shifted like ours, and
    /// kspace_style ewald at <paramref name="relativeForceAccuracy"/> (LAMMPS's measure: r.m.s. force
    /// error over the force between two unit charges 1 Å apart), with LAMMPS's default erfc table.
    /// </summary>
    public static LammpsModel BornMayerHugginsEwald(RigidIonPotential potential, string cation, string anion, double relativeForceAccuracy)
    {
        string[] types = [cation, anion];
        var commands = new StringBuilder();
        commands.AppendLine(CultureInfo.InvariantCulture, $"pair_style born/coul/long {potential.ShortRangeCutoff:R}");
        for (var i = 0; i < types.Length; i++)
        for (var j = i; j < types.Length; j++)
        {
            if (!potential.TryGetPair(types[i], types[j], out var p)) throw new ArgumentException($"no {types[i]}–{types[j]} pair in {potential.Name}");
            // LAMMPS's born adds +D/r⁸ where Tosi–Fumi subtract D/r⁸.
            commands.AppendLine(CultureInfo.InvariantCulture, $"pair_coeff {i + 1} {j + 1} {p.A:R} {p.Rho:R} {p.Sigma:R} {p.C:R} {-p.D:R}");
        }
        commands.AppendLine("pair_modify shift yes");
        commands.AppendLine(CultureInfo.InvariantCulture, $"kspace_style ewald {relativeForceAccuracy:R}");
        return new LammpsModel(types, commands.ToString(), types.ToDictionary(t => t, t => potential.Charges[t]));
    }
}
