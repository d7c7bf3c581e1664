using Laqa.Calculators.Potentials;
using Laqa.Crystal;
using Xunit;
using Xunit.Abstractions;

namespace Laqa.Calculators.Tests.Potentials;

/// <summary>The automatically chosen Ewald parameters deliver the promised accuracy, judged against a far tighter sum with a different α.</summary>
public class EwaldAccuracyTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(RigidIonCases.All), MemberType = typeof(RigidIonCases))]
    public void DefaultAccuracyHoldsAgainstATightReference(string preset, int structureIndex)
    {
        var potential = RigidIonCases.Potential(preset);
        var structure = RigidIonCases.Structures(preset)[structureIndex];
        AssertWithinAccuracy(potential, structure);
    }

    [Fact]
    public void DefaultAccuracyHoldsForALargerCell()
    {
        var structure = TestStructures.Rattled(TestStructures.Supercell(IonicStructures.RockSalt(5.64), 2), 8, 0.15, 0.04);
        AssertWithinAccuracy(RigidIonPresets.NaClTosiFumiPotential, structure);
    }

    [Theory]
    [InlineData(1e-4)]
    [InlineData(1e-8)]
    public void OtherAccuraciesHoldToo(double accuracy)
    {
        var potential = RigidIonPresets.Al2O3BushPotential.WithCoulombAccuracy(accuracy);
        AssertWithinAccuracy(potential, RigidIonCases.Structures("al2o3-bush")[1]);
    }

    private void AssertWithinAccuracy(RigidIonPotential potential, Structure structure)
    {
        var automatic = new RigidIonCalculator(potential);
        var chosen = automatic.EwaldParametersFor(structure)!;
        var reference = RigidIonCases.Reference(potential, structure);
        var result = automatic.Calculate(structure);
        var expected = new RigidIonCalculator(potential, reference).Calculate(structure);
        Assert.True(result.Succeeded && expected.Succeeded, result.Failure ?? expected.Failure);

        var energyError = Math.Abs(result.Energy - expected.Energy) / structure.Count;
        var forceError = result.Forces.Zip(expected.Forces, (a, b) => Math.Abs(a - b)).Max();
        var stressError = result.Stress.Zip(expected.Stress, (a, b) => Math.Abs(a - b)).Max();
        output.WriteLine($"{structure}: chosen {chosen}, reference {reference}");
        output.WriteLine($"errors: energy {energyError:E2} eV/atom, force {forceError:E2} eV/Å, stress {stressError:E2} eV/Å³");

        var accuracy = potential.CoulombAccuracy;
        Assert.True(energyError < accuracy, $"energy error {energyError:E2} eV/atom exceeds {accuracy:E0}");
        // Forces and stress are held to what the comparison with LAMMPS needs at the default accuracy, scaled with it.
        Assert.True(forceError < 10 * accuracy, $"force error {forceError:E2} eV/Å");
        Assert.True(stressError < accuracy, $"stress error {stressError:E2} eV/Å³");
    }
}
