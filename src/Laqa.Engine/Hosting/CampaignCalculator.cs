using Laqa.Calculators;
using Laqa.Calculators.Ase;
using Laqa.Calculators.External;
using Laqa.Calculators.Lammps;
using Laqa.Calculators.Potentials;
using Laqa.Calculators.Relaxation;
using Laqa.Calculators.Qe;
using Laqa.Calculators.Vasp;
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
        QeCalculatorSpec qe => new QeCalculator(QeSettings(qe), WorkFolders(qe.KeepFiles, campaignDirectory)),
        VaspCalculatorSpec vasp => new VaspCalculator(VaspSettings(vasp), WorkFolders(vasp.KeepFiles, campaignDirectory)),
        AseCalculatorSpec ase => new AseCalculator(AseSettings(ase)),
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
        // Checked when the config was loaded: reading it again cannot fail.
        Template = spec.Template is { } template ? PwTemplateReader.Parse(template.Text, template.Path) : null,
    };

    /// <summary>The settings the VASP relaxer and calculator take.</summary>
    public static VaspSettings VaspSettings(VaspCalculatorSpec spec) => new()
    {
        Command = spec.Command,
        MpiCommand = spec.MpiCommand,
        PotcarDir = spec.PotcarDir,
        Potcars = spec.Potcars.ToDictionary(p => p.Element, p => p.Subfolder),
        IncarTemplate = spec.IncarTemplate,
        KSpacing = spec.KSpacing,
        Energy = spec.Energy == VaspCalculatorSpec.SigmaZeroEnergy ? VaspEnergy.SigmaZero : VaspEnergy.FreeEnergy,
    };

    /// <summary>The work folders of an external code's batches: calc/ in the campaign folder, kept as keep-files says.</summary>
    public static WorkFolders WorkFolders(string keepFiles, string? campaignDirectory) =>
        new(Path.Combine(campaignDirectory ?? Directory.GetCurrentDirectory(), WorkFolder), Enum.Parse<KeepFiles>(keepFiles, ignoreCase: true));

    /// <summary>Makes relaxers that use an external code's own optimizer (QE vc-relax, VASP IBRION = 2); null for an embedded calculator.</summary>
    public static Func<IExternalRelaxer>? ExternalRelaxers(CalculatorSpec spec, RelaxationOptions options, string? campaignDirectory) => spec switch
    {
        QeCalculatorSpec qe => () => new QeRelaxer(QeSettings(qe), options, WorkFolders(qe.KeepFiles, campaignDirectory)),
        VaspCalculatorSpec vasp => () => new VaspRelaxer(VaspSettings(vasp), options, WorkFolders(vasp.KeepFiles, campaignDirectory)),
        _ => null,
    };

    /// <summary>The settings of the ASE bridge: the interpreter, the calculator or the user file's text, the arguments.</summary>
    public static AseSettings AseSettings(AseCalculatorSpec spec) => new()
    {
        Python = spec.Python,
        Calculator = spec.Calculator,
        File = spec.CalculatorFile,
        FileSource = spec.CalculatorFileSource,
        Arguments = spec.Arguments.ToDictionary(a => a.Key, a => a.Value),
    };

    private static LennardJonesForm Form(string form) => form switch
    {
        "plain" => LennardJonesForm.Plain,
        "shifted" => LennardJonesForm.Shifted,
        "shifted-force" => LennardJonesForm.ShiftedForce,
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, $"expected one of {string.Join(", ", LennardJonesCalculatorSpec.Forms)}"),
    };
}
