using Laqa.Calculators.Potentials;
using Laqa.Crystal;
using Xunit;
using Xunit.Abstractions;

namespace Laqa.Calculators.Tests.Potentials;

/// <summary>Known structure of the NaCl preset, and the inputs the rigid-ion calculator refuses.</summary>
public class RigidIonPresetTests(ITestOutputHelper output)
{
    private const double ExperimentalRockSaltA = 5.640; // Å, room temperature

    // Converged far enough that E(a) is smooth on the scale the minimum is located at.
    private static readonly RigidIonCalculator TightNaCl = new(RigidIonPresets.NaClTosiFumiPotential.WithCoulombAccuracy(1e-10));

    [Fact]
    public void RockSaltMinimumLiesNearExperimentAndAtZeroStress()
    {
        var (aMinimum, energy) = GoldenSection.Minimise(a => TightNaCl.Calculate(IonicStructures.RockSalt(a)).Energy, 5.3, 6.0, 1e-6);
        var aZeroStress = ZeroStressLatticeParameter(5.3, 6.0);
        output.WriteLine($"nacl-bmh rock salt: E minimal at a = {aMinimum:F4} Å ({energy / 4:F4} eV per NaCl), σ = 0 at a = {aZeroStress:F4} Å; experiment {ExperimentalRockSaltA} Å");

        // A rigid-ion fit at 0 K should land within ~1.5 % of the room-temperature value (thermal expansion to 300 K is ~0.7 %).
        Assert.InRange(aMinimum, 5.55, 5.72);
        Assert.True(Math.Abs(aMinimum - aZeroStress) < 1e-4, $"dE/da = 0 at {aMinimum:F6} Å but σ = 0 at {aZeroStress:F6} Å");
        var atMinimum = TightNaCl.Calculate(IonicStructures.RockSalt(aMinimum));
        Assert.True(atMinimum.MaxAbsStress < 1e-5, $"stress {atMinimum.MaxAbsStress:E2} eV/Å³ at the energy minimum");
    }

    [Fact]
    public void RockSaltIsLowerThanTheCaesiumChlorideArrangement()
    {
        var rockSalt = GoldenSection.Minimise(a => TightNaCl.Calculate(IonicStructures.RockSaltPrimitive(a)).Energy, 5.0, 6.5, 1e-5).Value;
        var caesiumChloride = GoldenSection.Minimise(a => TightNaCl.Calculate(IonicStructures.CaesiumChloride(a, "Na", "Cl")).Energy, 3.0, 4.2, 1e-5).Value;
        output.WriteLine($"per NaCl: rock salt {rockSalt:F4} eV, CsCl type {caesiumChloride:F4} eV");
        Assert.True(rockSalt < caesiumChloride - 0.1, $"rock salt {rockSalt:F4} eV vs CsCl type {caesiumChloride:F4} eV");
    }

    [Theory]
    [InlineData("nacl-bmh")]
    [InlineData("al2o3-bush")]
    public void ParallelCallsMatchSequentialOnes(string preset)
    {
        var calculator = PotentialPresets.Create(preset);
        var structures = RigidIonCases.Structures(preset);
        ConcurrencyAssert.ParallelCallsMatchSequentialOnes(calculator, structures, threads: 4);
    }

    [Fact]
    public void SpeciesPairWithoutParametersIsNamed()
    {
        var potential = new RigidIonPotential("partial", "Na–Na missing", new Dictionary<string, double> { ["Na"] = 1, ["Cl"] = -1 },
            [("Na", "Cl", ShortRangePair.Buckingham(1000, 0.3, 0)), ("Cl", "Cl", ShortRangePair.None)], 10.0);
        var calculator = new RigidIonCalculator(potential);

        var result = calculator.Calculate(IonicStructures.RockSalt(5.64));
        Assert.False(result.Succeeded);
        Assert.Contains("Na-Na", result.Failure);
        var error = Assert.Throws<LaqaInputException>(() => ((IPotential)calculator).RequireSpecies(["Na", "Cl"]));
        Assert.Contains("Na-Na", error.Message);
        Assert.Contains("'partial'", error.Message);
        Assert.Null(calculator.MissingParameters(["Cl"]));
    }

    [Fact]
    public void SpeciesWithoutChargeIsNamed()
    {
        var calculator = PotentialPresets.Create("nacl-bmh");
        var result = calculator.Calculate(IonicStructures.RockSalt(6.3, "K", "Cl"));
        Assert.False(result.Succeeded);
        Assert.Contains("species K", result.Failure);
        Assert.Contains("no charge for species Si", ((IPotential)PotentialPresets.Create("al2o3-bush")).MissingParameters(["O", "Al", "Si"]) ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void ChargedCellIsRefused()
    {
        var rockSalt = IonicStructures.RockSalt(5.64);
        var sodiumExcess = new Structure(rockSalt.Lattice, [.. rockSalt.Species.Take(7), "Na"], rockSalt.Fractional);
        var result = PotentialPresets.Create("nacl-bmh").Calculate(sodiumExcess);
        Assert.False(result.Succeeded);
        Assert.Contains("net charge of 2", result.Failure);
    }

    [Fact]
    public void CoincidentAtomsFailInsteadOfThrowing()
    {
        var lattice = Lattice.Cubic(5.64);
        var structure = new Structure(lattice, ["Na", "Cl", "Na", "Cl"], [new Vec3(0, 0, 0), new Vec3(0.5, 0, 0), new Vec3(0, 0, 0), new Vec3(0, 0.5, 0)]);
        var result = PotentialPresets.Create("nacl-bmh").Calculate(structure);
        Assert.False(result.Succeeded);
        Assert.Contains("coincide", result.Failure);
    }

    [Theory]
    [InlineData(-0.3, "ρ must be positive")]
    [InlineData(double.NaN, "ρ must be positive")]
    public void NonPositiveRhoIsBadInput(double rho, string message)
    {
        var error = Assert.Throws<LaqaInputException>(() => ShortRangePair.Buckingham(1000, rho, 0));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void PairGivenTwiceIsBadInput()
    {
        var pair = ShortRangePair.Buckingham(1000, 0.3, 0);
        var error = Assert.Throws<LaqaInputException>(() => new RigidIonPotential("twice", "", new Dictionary<string, double> { ["Na"] = 1, ["Cl"] = -1 },
            [("Na", "Cl", pair), ("Cl", "Na", pair)], 10.0));
        Assert.Contains("Cl-Na", error.Message);
    }

    // Bisection on σ_xx, which rises through zero as the cell expands past equilibrium.
    private static double ZeroStressLatticeParameter(double low, double high)
    {
        double Stress(double a) => TightNaCl.Calculate(IonicStructures.RockSalt(a)).Stress[0];
        Assert.True(Stress(low) < 0 && Stress(high) > 0, "σ_xx does not change sign over the bracket");
        while (high - low > 1e-7)
        {
            var middle = 0.5 * (low + high);
            if (Stress(middle) < 0) low = middle;
            else high = middle;
        }
        return 0.5 * (low + high);
    }
}
