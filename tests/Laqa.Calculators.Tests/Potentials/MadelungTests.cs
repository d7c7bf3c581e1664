using Laqa.Calculators.Potentials;
using Laqa.Crystal;
using Xunit;

namespace Laqa.Calculators.Tests.Potentials;

/// <summary>Point charges ±1 only: the Ewald energy against the known Madelung constants.</summary>
public class MadelungTests
{
    private const double CoulombConstant = 14.399645; // eV·Å, independent of the code's constant

    // Madelung constants referred to the nearest-neighbour distance (e.g. Kittel, Introduction to Solid State Physics).
    private const double RockSaltMadelung = 1.747564594633;
    private const double CaesiumChlorideMadelung = 1.762674773070;

    private static RigidIonCalculator PointCharges(string cation, string anion) => new(new RigidIonPotential(
        "point-charges", "charges ±1 only",
        new Dictionary<string, double> { [cation] = 1.0, [anion] = -1.0 },
        [(cation, cation, ShortRangePair.None), (cation, anion, ShortRangePair.None), (anion, anion, ShortRangePair.None)],
        shortRangeCutoff: 1.0));

    public static IEnumerable<object[]> RockSaltCells() =>
    [
        [IonicStructures.RockSalt(5.64)],
        [IonicStructures.RockSaltPrimitive(5.64)],
        [TestStructures.Skewed(IonicStructures.RockSalt(5.64))],
        [TestStructures.Supercell(IonicStructures.RockSaltPrimitive(5.64), 3)],
        [IonicStructures.RockSalt(4.2)],
    ];

    [Theory]
    [MemberData(nameof(RockSaltCells))]
    public void RockSaltCoulombEnergyPerIonPairIsTheMadelungEnergy(Structure rockSalt)
    {
        var a = Math.Cbrt(8 * rockSalt.Lattice.Volume / rockSalt.Count);
        var result = PointCharges("Na", "Cl").Calculate(rockSalt);
        Assert.True(result.Succeeded, result.Failure);
        var perPair = result.Energy / (rockSalt.Count / 2);
        var expected = -RockSaltMadelung * CoulombConstant / (a / 2);
        Assert.True(Math.Abs(perPair - expected) < 2e-6, $"per ion pair {perPair:R} eV, Madelung {expected:R} eV");
        Assert.True(result.MaxForce < 1e-5, $"max force {result.MaxForce} in a centrosymmetric crystal");
    }

    [Theory]
    [InlineData(4.11)]
    [InlineData(3.0)]
    public void CaesiumChlorideCoulombEnergyPerIonPairIsTheMadelungEnergy(double a)
    {
        var result = PointCharges("Cs", "Cl").Calculate(IonicStructures.CaesiumChloride(a));
        Assert.True(result.Succeeded, result.Failure);
        var expected = -CaesiumChlorideMadelung * CoulombConstant / (a * Math.Sqrt(3) / 2);
        Assert.True(Math.Abs(result.Energy - expected) < 2e-6, $"per ion pair {result.Energy:R} eV, Madelung {expected:R} eV");
    }

    [Fact]
    public void CubicCoulombStressIsTheMadelungPressure()
    {
        // E = −M ke N/(2 r0) ∝ 1/r0, so a uniform strain e gives dE/de = −E = 3V σ_xx in a cubic cell.
        const double a = 5.64;
        var result = PointCharges("Na", "Cl").Calculate(IonicStructures.RockSalt(a));
        var energy = -RockSaltMadelung * CoulombConstant / (a / 2) * 4;
        var expected = -energy / (3 * a * a * a);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(Math.Abs(result.Stress[4 * i] - expected) < 1e-7, $"σ{i}{i} = {result.Stress[4 * i]:R}, expected {expected:R}");
            for (var j = 0; j < 3; j++)
                if (i != j) Assert.True(Math.Abs(result.Stress[3 * i + j]) < 1e-8, $"σ{i}{j} = {result.Stress[3 * i + j]:R}");
        }
    }
}
