using Laqa.Calculators;
using Laqa.Calculators.Potentials;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal.Generation;
using Laqa.Search.Campaign;

namespace Laqa.Engine.Hosting;

/// <summary>
/// The pure pieces a campaign spec names, built and checked before anything is created on disk:
/// the engine settings, the structure generator and the relaxer factory. An external code (QE, VASP) works
/// in calc/ under the campaign folder (default: the working directory).
/// </summary>
public sealed record CampaignComponents(EngineSettings Settings, StructureGenerator Generator, ICalculator Calculator, Func<IRelaxer> RelaxerFactory)
{
    public static CampaignComponents From(CampaignSpec spec, string? campaignDirectory = null)
    {
        var request = spec.Generation.RequestFor(spec.Composition);
        var generator = new StructureGenerator(request, spec.Seed, new GenerationSettingNames("laqa.generation.cell = {0}", "laqa.generation.space-groups"));

        var calculator = CampaignCalculator.Create(spec.Calculator, campaignDirectory);
        if (calculator is IPotential potential) potential.RequireSpecies([.. spec.Composition.Symbols]);

        var options = new RelaxationOptions { Fmax = spec.Relaxer.MaxForce, Smax = spec.Relaxer.MaxStress, Pressure = spec.Relaxer.ExternalPressure };
        options.Validate();
        Func<IRelaxer> relaxers = CampaignCalculator.ExternalRelaxers(spec.Calculator, options, campaignDirectory) is { } external
            ? external
            : spec.Relaxer.Algorithm == RelaxerAlgorithm.Bfgs
                ? () => new BfgsRelaxer(calculator, options)
                : () => new FireRelaxer(calculator, options);
        return new CampaignComponents(EngineSettings.From(spec), generator, calculator, relaxers);
    }

    /// <summary>Candidate i's initial structure, from (seed, i) only.</summary>
    public IStructureSource Structures => new GeneratedStructures(Generator);

    private sealed class GeneratedStructures(StructureGenerator generator) : IStructureSource
    {
        public InitialStructure Generate(int candidateId, CancellationToken cancellationToken)
        {
            var generated = generator.Generate(candidateId);
            return new InitialStructure(generated.Structure, generated.SpaceGroup);
        }
    }
}
