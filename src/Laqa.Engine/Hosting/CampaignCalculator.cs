using Laqa.Calculators;
using Laqa.Calculators.Potentials;
using Laqa.Search.Campaign;

namespace Laqa.Engine.Hosting;

/// <summary>Builds the calculator a campaign's <see cref="CalculatorSpec"/> describes; bad parameters are <see cref="Laqa.Crystal.LaqaInputException"/>.</summary>
public static class CampaignCalculator
{
    public static ICalculator Create(CalculatorSpec spec) => spec switch
    {
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

    private static LennardJonesForm Form(string form) => form switch
    {
        "plain" => LennardJonesForm.Plain,
        "shifted" => LennardJonesForm.Shifted,
        "shifted-force" => LennardJonesForm.ShiftedForce,
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, $"expected one of {string.Join(", ", LennardJonesCalculatorSpec.Forms)}"),
    };
}
