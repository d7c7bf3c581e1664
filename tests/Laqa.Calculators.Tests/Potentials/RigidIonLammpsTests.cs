using System.Globalization;
using System.Text;
using Laqa.Calculators.Potentials;
using Laqa.Calculators.Tests.Lammps;
using Xunit;

namespace Laqa.Calculators.Tests.Potentials;

/// <summary>
/// The rigid-ion presets against LAMMPS's born/coul/long and buck/coul/long with kspace_style ewald
/// converged far beyond our default accuracy, the same short-range cut-off and pair_modify shift yes.
/// LAMMPS's real-space erfc, not its k-space sum, is what limits its energies here.
/// </summary>
public class RigidIonLammpsTests
{
    // Even with a 2¹⁶-point table LAMMPS's corundum energies scatter by ~1e-6 eV/atom with its cut-off
    // and α (our tight reference scatters by 1e-8), so energies are held to 1e-5 eV/atom here.
    private const double EnergyPerAtomTolerance = 1e-5;

    [Theory]
    [InlineData("nacl-bmh", "Na", "Cl")]
    [InlineData("al2o3-bush", "Al", "O")]
    public void PresetMatchesLammpsEwald(string preset, string cation, string anion)
    {
        var potential = RigidIonCases.Potential(preset);
        var structures = RigidIonCases.Structures(preset);
        var reference = LammpsReference.Run(structures, Setup(potential, cation, anion));
        var calculator = PotentialPresets.Create(preset);
        for (var k = 0; k < structures.Length; k++)
        {
            var result = calculator.Calculate(structures[k]);
            Assert.True(result.Succeeded, result.Failure);
            var energyError = Math.Abs(result.Energy - reference[k].Energy) / structures[k].Count;
            Assert.True(energyError < EnergyPerAtomTolerance, $"structure {k}: energy {result.Energy:R} eV, LAMMPS {reference[k].Energy:R} eV");
            for (var i = 0; i < result.Forces.Length; i++)
                Assert.True(Math.Abs(result.Forces[i] - reference[k].Forces[i]) < PotentialAssert.ForceTolerance,
                    $"structure {k} force component {i}: {result.Forces[i]:R}, LAMMPS {reference[k].Forces[i]:R}");
            for (var i = 0; i < 9; i++)
                Assert.True(Math.Abs(result.Stress[i] - reference[k].Stress[i]) < PotentialAssert.StressTolerance,
                    $"structure {k} stress component {i}: {result.Stress[i]:R}, LAMMPS {reference[k].Stress[i]:R}");
        }
    }

    private static LammpsSetup Setup(RigidIonPotential potential, string cation, string anion)
    {
        string[] types = [cation, anion];
        // born when any pair uses σ or D, otherwise buck; both styles take the pairs in type order.
        var pairs = new List<(int I, int J, ShortRangePair Pair)>();
        for (var i = 0; i < types.Length; i++)
        for (var j = i; j < types.Length; j++)
        {
            Assert.True(potential.TryGetPair(types[i], types[j], out var pair));
            pairs.Add((i + 1, j + 1, pair));
        }
        var born = pairs.Any(p => p.Pair.Sigma != 0 || p.Pair.D != 0);
        var commands = new StringBuilder();
        commands.AppendLine(CultureInfo.InvariantCulture, $"pair_style {(born ? "born" : "buck")}/coul/long {potential.ShortRangeCutoff:R}");
        foreach (var (i, j, p) in pairs)
        {
            // LAMMPS's born adds +D/r⁸ where Tosi–Fumi subtract D/r⁸; a Coulomb-only pair gets A = 0.
            var rho = p.IsZero ? 1.0 : p.Rho;
            commands.AppendLine(born
                ? FormattableString.Invariant($"pair_coeff {i} {j} {p.A:R} {rho:R} {p.Sigma:R} {p.C:R} {-p.D:R}")
                : FormattableString.Invariant($"pair_coeff {i} {j} {p.A:R} {rho:R} {p.C:R}"));
        }
        // LAMMPS tabulates erfc for the real-space Coulomb (2¹² points by default, or an approximation good
        // to ~1e-7 without a table): either alone errs by 1e-5 eV per corundum cell; 2¹⁶ points come close.
        commands.AppendLine("pair_modify shift yes table 16");
        commands.AppendLine("kspace_style ewald 1e-10");
        var charges = types.ToDictionary(t => t, t => potential.Charges[t]);
        return new LammpsSetup(types, commands.ToString(), charges);
    }
}
