using Laqa.Calculators.Potentials;
using Laqa.Crystal;

namespace Laqa.Calculators.Tests.Potentials;

/// <summary>The rigid-ion presets with the structures their tests share: ideal, rattled, random, skewed and smaller than every cut-off.</summary>
public static class RigidIonCases
{
    public static RigidIonPotential Potential(string preset) => preset switch
    {
        "nacl-bmh" => RigidIonPresets.NaClTosiFumiPotential,
        "al2o3-bush" => RigidIonPresets.Al2O3BushPotential,
        _ => throw new ArgumentException(preset),
    };

    public static Structure[] Structures(string preset) => preset switch
    {
        "nacl-bmh" =>
        [
            IonicStructures.RockSalt(5.64),
            TestStructures.Rattled(IonicStructures.RockSaltPrimitive(5.64), 1, 0.15, 0.08),
            TestStructures.Rattled(IonicStructures.RockSalt(5.64), 2, 0.2, 0.06),
            TestStructures.Random(3, 8, ["Na", "Cl"], 30, 2.4, maxAngleDeviation: 30),
            TestStructures.Skewed(TestStructures.Rattled(IonicStructures.RockSaltPrimitive(5.5), 4, 0.1, 0.05)),
        ],
        "al2o3-bush" =>
        [
            IonicStructures.Corundum(),
            TestStructures.Rattled(IonicStructures.Corundum(), 5, 0.1, 0.05),
            TestStructures.Random(6, 10, ["Al", "O", "Al", "O", "O"], 9.5, 1.75, maxAngleDeviation: 30),
            TestStructures.Skewed(TestStructures.Rattled(IonicStructures.Corundum(), 7, 0.08, 0.04)),
        ],
        _ => throw new ArgumentException(preset),
    };

    public static IEnumerable<object[]> All()
    {
        foreach (var preset in new[] { "nacl-bmh", "al2o3-bush" })
            for (var k = 0; k < Structures(preset).Length; k++)
                yield return [preset, k];
    }

    public static double ChargeSquareSum(RigidIonPotential potential, Structure structure) =>
        structure.Species.Sum(s => potential.Charges[s] * potential.Charges[s]);

    /// <summary>
    /// Ewald parameters converged far beyond the default (1e-12 eV/atom by the estimates) and with
    /// α moved by 30 % from that choice: the converged sum does not depend on α, truncation does.
    /// </summary>
    public static EwaldParameters Reference(RigidIonPotential potential, Structure structure)
    {
        var tight = EwaldParameters.ForAccuracy(structure.Lattice.Volume, structure.Count, ChargeSquareSum(potential, structure), 1e-12);
        const double shift = 0.7;
        return new EwaldParameters(tight.Alpha * shift, tight.RealCutoff / shift, tight.ReciprocalCutoff * shift);
    }
}
