namespace Laqa.Calculators.Qe;

/// <summary>
/// How to run pw.x and what to compute (config laqa.calculator.qe): the command (program and
/// arguments) and an MPI launcher put before it (empty: none), the pseudopotential folder and one
/// file per element, the cutoffs (Ry; EcutRho null: pw.x's default 4 × ecutwfc), the k-points as a
/// spacing (Å⁻¹, mesh per cell) or a fixed mesh, optional smearing (name and width in Ry), the charge
/// mixing and SCF iteration limit, and extra namelist keys passed through as Fortran values
/// (namelist → key → value). With a <see cref="Template"/> the namelists, and species and k-points when it
/// has those cards, come from it instead of the cutoffs, smearing, extra keys, pseudopotential files and k-points here
/// (MixingBeta and ElectronMaxstep then hold the template's values or pw.x's defaults).
/// </summary>
public sealed record QeSettings
{
    public IReadOnlyList<string> Command { get; init; } = ["pw.x"];
    public IReadOnlyList<string> MpiCommand { get; init; } = [];
    public string PseudoDir { get; init; } = "/usr/share/espresso/pseudo";
    public IReadOnlyDictionary<string, string> Pseudopotentials { get; init; } = new Dictionary<string, string>();
    public double Ecutwfc { get; init; } = 30;
    public double? EcutRho { get; init; }
    public double? KSpacing { get; init; } = 0.5;
    public IReadOnlyList<int>? KPoints { get; init; }
    public string? Smearing { get; init; }
    public double Degauss { get; init; } = 0.01;
    public double MixingBeta { get; init; } = 0.7;
    public int ElectronMaxstep { get; init; } = 100;
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Extra { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();
    public PwTemplate? Template { get; init; }

    /// <summary>The namelists extra keys may go to.</summary>
    public static readonly IReadOnlyList<string> Namelists = ["control", "system", "electrons", "ions", "cell"];

    /// <summary>Keys laqa writes itself (per structure, per batch or from other settings): not accepted in Extra.</summary>
    public static readonly IReadOnlyList<string> ReservedKeys =
    [
        "calculation", "prefix", "outdir", "pseudo_dir", "tprnfor", "tstress", "nstep", "forc_conv_thr", "ibrav", "nat", "ntyp",
        "celldm", "a", "b", "c", "cosab", "cosac", "cosbc", "ecutwfc", "ecutrho", "occupations", "smearing", "degauss", "mixing_beta",
        "electron_maxstep", "ion_dynamics", "cell_dynamics", "press", "press_conv_thr",
    ];

    /// <summary>The full command line: the MPI launcher, then pw.x and its arguments, then the input file.</summary>
    public IReadOnlyList<string> CommandLine(string inputFile) => [.. MpiCommand, .. Command, "-in", inputFile];
}
