using Laqa.Calculators;
using Laqa.Calculators.External;
using Laqa.Calculators.Lammps;
using Laqa.Calculators.Potentials;
using Laqa.Calculators.Qe;
using Laqa.Search.Campaign;

namespace Laqa.Engine.Hosting;

/// <summary>
/// Builds the calculator a campaign's <see cref="CalculatorSpec"/> describes; bad parameters are
/// <see cref="Laqa.Crystal.LaqaInputException"/>. An external code's work folders go to calc/ under
/// the campaign folder (default: the working directory); nothing is created before a calculation.
/// </summary>
public static class CampaignCalculator
{
    public const string WorkFolder = "calc";

    public static ICalculator Create(CalculatorSpec spec, string? campaignDirectory = null) => spec switch
    {
        QeCalculatorSpec qe => new QeCalculator(QeSettings(qe), WorkFolders(qe, campaignDirectory)),
        LammpsCalculatorSpec lammps => new LammpsCalculator(new LammpsSettings(
            [.. lammps.Types.Select(t => t.Element)], lammps.Types.ToDictionary(t => t.Element, t => t.Mass), lammps.PairStyle, lammps.PairCoeff,
            lammps.Charges?.ToDictionary(q => q.Species, q => q.Charge), lammps.KSpaceStyle)),
        PresetCalculatorSpec preset => PotentialPresets.Create(preset.Name),
        LammpsFileCalculatorSpec file => LammpsPotentialFile.Parse(file.Contents, file.Path),
        LennardJonesCalculatorSpec lj => new LennardJones(
            lj.Pairs.Select(p => new LennardJonesPair(p.SpeciesA, p.SpeciesB, p.Epsilon, p.Sigma, p.Cutoff)), Form(lj.Form), "lennard-jones"),
        RigidIonCalculatorSpec ions => new RigidIonCalculator(new RigidIonPotential("rigid-ion",
            $"rigid ions of {string.Join(", ", ions.Charges.Select(q => q.Species))} with charges and Born–Mayer–Huggins short-range terms from the config, Ewald Coulomb",
            ions.Charges.ToDictionary(q => q.Species, q => q.Charge),
            ions.Pairs.Select(p => (p.SpeciesA, p.SpeciesB, ShortRangePair.BornMayerHuggins(p.A, p.Rho, p.Sigma, p.C, p.D))),
            ions.Cutoff)),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec, "unknown kind of calculator spec"),
    };

    /// <summary>The settings the QE relaxer and calculator take.</summary>
    public static QeSettings QeSettings(QeCalculatorSpec spec) => new()
    {
        Command = spec.Command,
        MpiCommand = spec.MpiCommand,
        PseudoDir = spec.PseudoDir,
        Pseudopotentials = spec.Pseudopotentials.ToDictionary(p => p.Element, p => p.File),
        Ecutwfc = spec.Ecutwfc,
        EcutRho = spec.EcutRho,
        KSpacing = spec.KSpacing,
        KPoints = spec.KPoints,
        Smearing = spec.Smearing,
        Degauss = spec.Degauss,
        MixingBeta = spec.MixingBeta,
        ElectronMaxstep = spec.ElectronMaxstep,
        Extra = spec.Extra.GroupBy(e => e.Namelist)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, string>)g.ToDictionary(e => e.Key, e => e.Value)),
    };

    /// <summary>The work folders of an external code's batches: calc/ in the campaign folder.</summary>
    public static WorkFolders WorkFolders(QeCalculatorSpec spec, string? campaignDirectory) =>
        new(Path.Combine(campaignDirectory ?? Directory.GetCurrentDirectory(), WorkFolder), Enum.Parse<KeepFiles>(spec.KeepFiles, ignoreCase: true));

    private static LennardJonesForm Form(string form) => form switch
    {
        "plain" => LennardJonesForm.Plain,
        "shifted" => LennardJonesForm.Shifted,
        "shifted-force" => LennardJonesForm.ShiftedForce,
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, $"expected one of {string.Join(", ", LennardJonesCalculatorSpec.Forms)}"),
    };
}
