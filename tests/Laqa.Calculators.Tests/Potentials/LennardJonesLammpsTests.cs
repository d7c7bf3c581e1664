using Laqa.Calculators.Potentials;
using Laqa.Calculators.Tests.Lammps;
using Xunit;

namespace Laqa.Calculators.Tests.Potentials;

public class LennardJonesLammpsTests
{
    public static IEnumerable<object[]> Forms() =>
    [
        [LennardJonesForm.Plain, PotentialCases.ArgonNeonLammps("lj/cut")],
        [LennardJonesForm.Shifted, PotentialCases.ArgonNeonLammps("lj/cut") + "\npair_modify shift yes"],
        [LennardJonesForm.ShiftedForce, PotentialCases.ArgonNeonLammps("lj/smooth/linear")],
    ];

    [Theory]
    [MemberData(nameof(Forms))]
    public void EnergyForcesAndStressMatchLammps(LennardJonesForm form, string commands)
    {
        var structures = PotentialCases.ArgonNeonStructures();
        var lj = new LennardJones(PotentialCases.ArgonNeon, form);
        var reference = LammpsReference.Run(structures, new LammpsSetup(["Ar", "Ne"], commands));
        for (var k = 0; k < structures.Length; k++)
            PotentialAssert.Matches(reference[k], lj.Calculate(structures[k]), structures[k].Count);
    }

    [Fact]
    public void AirssPresetMatchesLammpsShiftedForceForAnySpeciesLabel()
    {
        var structures = PotentialCases.ArgonNeonStructures();
        var commands = "pair_style lj/smooth/linear 5.0\npair_coeff * * 1.0 2.0 5.0";
        var reference = LammpsReference.Run(structures, new LammpsSetup(["Ar", "Ne"], commands));
        var airss = PotentialPresets.Create("lj-airss");
        for (var k = 0; k < structures.Length; k++)
            PotentialAssert.Matches(reference[k], airss.Calculate(structures[k]), structures[k].Count);
    }
}
