using Laqa.Calculators.Lammps;
using Laqa.Calculators.Potentials;
using Laqa.Calculators.Tests.Potentials;
using Laqa.Crystal;
using Xunit;

namespace Laqa.Calculators.Tests.Lammps;

/// <summary>
/// The in-process LAMMPS calculator (the library behind a host process) against `lmp` run on a data
/// file of the same structure with the same pair commands: energy, forces and stress to 1e-10 relative.
/// </summary>
public class LammpsCalculatorTests
{
    private const double Relative = 1e-10;

    private static readonly string CopperEam = PotentialCases.LammpsFile("Cu_zhou.eam.alloy");
    private static readonly string SiliconTersoff = PotentialCases.LammpsFile("SiCGe.tersoff");

    [Fact]
    public void EamAlloyMatchesLmpOnDistortedTriclinicCells()
    {
        var fcc = Fcc(3.615, "Cu");
        Structure[] structures = [TestStructures.Rattled(TestStructures.Skewed(fcc), 1, 0.15, 0.06), TestStructures.Rattled(TestStructures.Supercell(fcc, 2), 2, 0.2, 0.08)];
        var settings = Settings(["Cu"], "eam/alloy", [$"* * {CopperEam} Cu"]);
        AssertMatchesLmp(structures, settings, new LammpsSetup(["Cu"], settings.ModelCommands()));
    }

    [Fact]
    public void TersoffMatchesLmpAndTheEmbeddedTersoff()
    {
        var structure = TestStructures.Rattled(TestStructures.Skewed(TestStructures.Diamond(5.43)), 3, 0.1, 0.05);
        var settings = Settings(["Si"], "tersoff", [$"* * {SiliconTersoff} Si(C)"]);
        using var calculator = new LammpsCalculator(settings);
        var result = calculator.Calculate(structure);
        AssertClose(LammpsReference.Run(structure, new LammpsSetup(["Si"], settings.ModelCommands())), result);
        PotentialAssert.Matches(LammpsReference.Run(structure, new LammpsSetup(["Si"], settings.ModelCommands())), PotentialPresets.Create("si-tersoff").Calculate(structure), structure.Count);
        var embedded = PotentialPresets.Create("si-tersoff").Calculate(structure);
        Assert.True(Math.Abs(embedded.Energy - result.Energy) < 1e-9 * Math.Abs(result.Energy), $"embedded {embedded.Energy:R}, library {result.Energy:R}");
    }

    [Fact]
    public void BuckinghamWithEwaldMatchesLmpOnAnIonicCell()
    {
        var structure = TestStructures.Rattled(IonicStructures.RockSaltPrimitive(5.64), 4, 0.1, 0.05);
        var charges = new Dictionary<string, double> { ["Na"] = 1, ["Cl"] = -1 };
        var settings = Settings(["Na", "Cl"], "buck/coul/long 7.0",
            ["1 1 7895.4 0.1709 29.06", "1 2 1795.6 0.3145 0", "2 2 3535.0 0.3072 72.4"], charges, "ewald 1e-10");
        AssertMatchesLmp([structure, TestStructures.Supercell(structure, 2)], settings, new LammpsSetup(["Na", "Cl"], settings.ModelCommands(), charges));
    }

    [Fact]
    public void ForcesAreMinusTheEnergyGradient()
    {
        var structure = TestStructures.Rattled(Fcc(3.615, "Cu"), 5, 0.2, 0.05);
        using var calculator = new LammpsCalculator(Settings(["Cu"], "eam/alloy", [$"* * {CopperEam} Cu"]));
        var forces = calculator.Calculate(structure).Forces;
        var numeric = FiniteDifference.Forces(calculator, structure, step: 1e-5);
        for (var k = 0; k < forces.Length; k++)
            Assert.True(Math.Abs(numeric[k] - forces[k]) < 1e-6, $"atom {k / 3} axis {k % 3}: force {forces[k]:R}, −dE/dx {numeric[k]:R}");
    }

    [Fact]
    public void LammpsErrorFailsTheEvaluationWithLammpsMessageAndTheNextOneRuns()
    {
        var structure = Fcc(3.615, "Cu");
        using var broken = new LammpsCalculator(Settings(["Cu"], "eam/alloy", ["* * /nonexistent/Cu.eam.alloy Cu"]));
        var failed = broken.Calculate(structure);
        Assert.False(failed.Succeeded);
        Assert.Contains("ERROR on proc 0: cannot open eam/alloy potential file", failed.Failure);
        Assert.Contains("/nonexistent/Cu.eam.alloy", failed.Failure);
        Assert.False(broken.Calculate(structure).Succeeded);

        using var calculator = new LammpsCalculator(Settings(["Cu"], "eam/alloy", [$"* * {CopperEam} Cu"]));
        Assert.True(calculator.Calculate(structure).Succeeded);
    }

    [Fact]
    public void LammpsErrorOnOneStructureFailsOnlyThatEvaluation()
    {
        using var calculator = new LammpsCalculator(Settings(["Cu"], "eam/alloy", [$"* * {CopperEam} Cu"]));
        var good = TestStructures.Rattled(Fcc(3.615, "Cu"), 8, 0.1, 0.05);
        // Collapsed to 0.25 Å³ per atom: thousands of neighbours within the cut-off, more than LAMMPS's lists hold.
        var collapsed = Fcc(1.0, "Cu");

        var before = calculator.Calculate(good);
        var failed = calculator.Calculate(collapsed);
        var after = calculator.Calculate(good);

        Assert.False(failed.Succeeded);
        Assert.StartsWith("LAMMPS: ERROR on proc 0: Neighbor list overflow, boost neigh_modify one", failed.Failure);
        Assert.True(after.Succeeded, after.Failure);
        Assert.Equal(before.Energy, after.Energy);
        Assert.Equal(before.Forces, after.Forces);
    }

    [Fact]
    public void ConcurrentEvaluationsEachGetAnInstanceAndAgreeWithSequentialOnes()
    {
        var fcc = Fcc(3.615, "Cu");
        var structures = Enumerable.Range(0, 12).Select(seed => TestStructures.Rattled(fcc, seed, 0.2, 0.05)).ToArray();
        using var calculator = new LammpsCalculator(Settings(["Cu"], "eam/alloy", [$"* * {CopperEam} Cu"]));
        ConcurrencyAssert.ParallelCallsMatchSequentialOnes(calculator, structures, threads: 3);
    }

    [Fact]
    public void ProblemNamesAnUnknownPairStyleAndAnElementTheFileLacks()
    {
        var copper = new Composition([("Cu", 2)]);
        using var unknown = new LammpsCalculator(Settings(["Cu"], "no/such/style", ["* *"]));
        Assert.Contains("Unrecognized pair style 'no/such/style'", unknown.Problem(copper));
        using var silver = new LammpsCalculator(Settings(["Ag"], "eam/alloy", [$"* * {CopperEam} Ag"]));
        Assert.NotNull(silver.Problem(new Composition([("Ag", 2)])));
        using var good = new LammpsCalculator(Settings(["Cu"], "eam/alloy", [$"* * {CopperEam} Cu"]));
        Assert.Null(good.Problem(copper));
    }

    [Fact]
    public void InstanceIsKeptAcrossEvaluationsAndRebuiltWhenTheAtomsChange()
    {
        var settings = Settings(["Cu"], "eam/alloy", [$"* * {CopperEam} Cu"]);
        var fcc = Fcc(3.615, "Cu");
        Structure[] structures = [TestStructures.Rattled(fcc, 6, 0.1, 0.05), TestStructures.Supercell(fcc, 2), TestStructures.Rattled(fcc, 7, 0.1, 0.05)];
        using var kept = new LammpsCalculator(settings);
        var sequential = structures.Select(s => kept.Calculate(s)).ToArray();
        for (var k = 0; k < structures.Length; k++)
        {
            using var fresh = new LammpsCalculator(settings);
            var alone = fresh.Calculate(structures[k]);
            Assert.Equal(alone.Energy, sequential[k].Energy);
            Assert.Equal(alone.Forces, sequential[k].Forces);
            Assert.Equal(alone.Stress, sequential[k].Stress);
        }
    }

    [Fact]
    public void EvaluationsAlongARelaxationLikeWalkMatchAFreshInstanceAtEveryStep()
    {
        var copper = Settings(["Cu"], "eam/alloy", [$"* * {CopperEam} Cu"]);
        AssertWalkMatchesFreshInstances(TestStructures.Rattled(TestStructures.Skewed(Fcc(3.615, "Cu")), 11, 0.1, 0.03), copper);
        var silicon = Settings(["Si"], "tersoff", [$"* * {SiliconTersoff} Si(C)"]);
        AssertWalkMatchesFreshInstances(TestStructures.Rattled(TestStructures.Diamond(5.43), 12, 0.1, 0.03), silicon);
        // With kspace, a step that keeps the cell runs without LAMMPS's set-up, one that changes it with it.
        var charges = new Dictionary<string, double> { ["Na"] = 1, ["Cl"] = -1 };
        var rockSalt = Settings(["Na", "Cl"], "buck/coul/long 7.0",
            ["1 1 7895.4 0.1709 29.06", "1 2 1795.6 0.3145 0", "2 2 3535.0 0.3072 72.4"], charges, "ewald 1e-10");
        AssertWalkMatchesFreshInstances(TestStructures.Rattled(TestStructures.Supercell(IonicStructures.RockSaltPrimitive(5.64), 2), 13, 0.1, 0.03), rockSalt);
    }

    /// <summary>
    /// One instance walked as a relaxation moves it (small strains and displacements, steps that keep the
    /// cell, every atom moved by half a cell, the cell grown by 15 % then shrunk to 86 % of its size, a
    /// shear) against a fresh instance per step, whose only evaluation has LAMMPS's full set-up: to 1e-10
    /// relative, and in fact bit for bit, since the quick run redoes the wrap, communication cut-offs,
    /// bins, ghosts and lists for the new box in the order the set-up does. (Without the box marked as
    /// changing, bins and cut-offs stay those of the first box: the same sums to about 1e-13, in another order.)
    /// </summary>
    private static void AssertWalkMatchesFreshInstances(Structure start, LammpsSettings settings)
    {
        var walk = new List<Structure> { start };
        Structure Last() => walk[^1];
        for (var k = 0; k < 3; k++) walk.Add(TestStructures.Rattled(Last(), 20 + k, 0.03, 0.004));
        walk.Add(Last().WithFractional(Last().Fractional.Select((f, i) => f + new Vec3(0.01 * (i % 3), -0.008, 0.005))));
        walk.Add(Last().WithFractional(Last().Fractional.Select(f => f + new Vec3(0.5, 0.25, 0))));
        walk.Add(Last().WithLattice(Last().Lattice.Scaled(1.15)));
        walk.Add(TestStructures.Rattled(Last(), 30, 0.03, 0.004));
        walk.Add(Last().WithLattice(Last().Lattice.Scaled(0.75)));
        walk.Add(Last().WithLattice(Last().Lattice.Deformed(new[,] { { 1, 0.08, 0 }, { 0, 1, -0.05 }, { 0, 0, 1 } })));
        walk.Add(TestStructures.Rattled(Last(), 31, 0.03, 0.004));

        using var kept = new LammpsCalculator(settings);
        for (var k = 0; k < walk.Count; k++)
        {
            var result = kept.Calculate(walk[k]);
            using var fresh = new LammpsCalculator(settings);
            var alone = fresh.Calculate(walk[k]);
            Assert.True(alone.Succeeded, alone.Failure);
            AssertClose(new LammpsResult(alone.Energy, alone.Forces, alone.Stress), result);
            Assert.Equal(alone.Energy, result.Energy);
            Assert.Equal(alone.Forces, result.Forces);
            Assert.Equal(alone.Stress, result.Stress);
        }
    }

    private static LammpsSettings Settings(string[] types, string pairStyle, string[] pairCoeff,
        IReadOnlyDictionary<string, double>? charges = null, string? kspace = null) =>
        new(types, types.ToDictionary(t => t, t => Elements.Get(t).Mass), pairStyle, pairCoeff, charges, kspace);

    private static Structure Fcc(double a, string species) =>
        new(Lattice.Cubic(a), Enumerable.Repeat(species, 4), [new(0, 0, 0), new(0, 0.5, 0.5), new(0.5, 0, 0.5), new(0.5, 0.5, 0)]);

    private static void AssertMatchesLmp(Structure[] structures, LammpsSettings settings, LammpsSetup setup)
    {
        var reference = LammpsReference.Run(structures, setup);
        using var calculator = new LammpsCalculator(settings);
        for (var k = 0; k < structures.Length; k++) AssertClose(reference[k], calculator.Calculate(structures[k]));
    }

    /// <summary>Each quantity to <see cref="Relative"/> of its largest component (energy: of itself).</summary>
    private static void AssertClose(LammpsResult expected, CalculationResult actual)
    {
        Assert.True(actual.Succeeded, actual.Failure);
        Assert.True(Math.Abs(expected.Energy - actual.Energy) <= Relative * Math.Abs(expected.Energy), $"energy {actual.Energy:R}, lmp {expected.Energy:R}");
        var forceScale = expected.Forces.Max(Math.Abs);
        for (var i = 0; i < expected.Forces.Length; i++)
            Assert.True(Math.Abs(expected.Forces[i] - actual.Forces[i]) <= Relative * forceScale, $"force {i}: {actual.Forces[i]:R}, lmp {expected.Forces[i]:R}");
        var stressScale = expected.Stress.Max(Math.Abs);
        for (var i = 0; i < 9; i++)
            Assert.True(Math.Abs(expected.Stress[i] - actual.Stress[i]) <= Relative * stressScale, $"stress {i}: {actual.Stress[i]:R}, lmp {expected.Stress[i]:R}");
    }
}
