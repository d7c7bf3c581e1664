using System.Globalization;
using Laqa.Calculators.Ase;
using Laqa.Calculators.Tests.External;
using Laqa.Calculators.Tests.Relaxation;
using Laqa.Crystal;
using Xunit;

namespace Laqa.Calculators.Tests.Ase;

/// <summary>ASE's EMT through the bridge against EMT run by ASE itself, finite differences, and the ways a calculator or its interpreter fails.</summary>
public class AseCalculatorTests
{
    [Fact]
    public void EmtThroughTheBridgeEqualsEmtInAse()
    {
        var structure = AseBridge.PerturbedCopper();
        using var calculator = new AseCalculator(AseBridge.Emt);
        var ours = calculator.Calculate(structure);
        Assert.True(ours.Succeeded, ours.Failure);

        var ase = AsePython.RunNumbers(AsePython.AtomsLiteral(structure) + """
            from ase.calculators.emt import EMT
            atoms.calc = EMT()
            print(repr(atoms.get_potential_energy()))
            print(' '.join(repr(x) for x in atoms.get_forces().ravel()))
            print(' '.join(repr(x) for x in atoms.get_stress(voigt=False).ravel()))

            """);
        Assert.Equal(1 + 12 + 9, ase.Length);
        Assert.Equal(ase[0], ours.Energy, 1e-12);
        for (var k = 0; k < 12; k++) Assert.Equal(ase[1 + k], ours.Forces[k], 1e-12);
        for (var k = 0; k < 9; k++) Assert.Equal(ase[13 + k], ours.Stress[k], 1e-12);
        Assert.True(ours.MaxForce > 0.1 && ours.MaxAbsStress > 1e-3, "a perturbed cell should have forces and stress");
    }

    [Fact]
    public void StressIsTheStrainDerivativeOfTheEnergyPerVolume()
    {
        var structure = AseBridge.PerturbedCopper(seed: 3);
        using var calculator = new AseCalculator(AseBridge.Emt);
        var stress = calculator.Calculate(structure).Stress;
        const double h = 1e-5;
        for (var i = 0; i < 3; i++)
        for (var j = 0; j < 3; j++)
        {
            // σ_ij = (1/V) dE/dε_ij under the symmetric strain ε_ij = ε_ji = t (halved off the diagonal).
            double Energy(double t)
            {
                var deformation = new double[3, 3];
                for (var k = 0; k < 3; k++) deformation[k, k] = 1;
                deformation[i, j] += i == j ? t : t / 2;
                if (i != j) deformation[j, i] += t / 2;
                var lattice = structure.Lattice.Deformed(deformation);
                return calculator.Calculate(new Structure(lattice, structure.Species, structure.Fractional)).Energy;
            }
            var derivative = (Energy(h) - Energy(-h)) / (2 * h) / structure.Lattice.Volume;
            Assert.Equal(derivative, stress[3 * i + j], 1e-6);
        }
        Assert.True(stress[0] > 1e-3 || stress[0] < -1e-3);
    }

    [Fact]
    public void PythonExceptionFailsTheCallWithItsLastLineAndTheInterpreterGoesOn()
    {
        using var calculator = new AseCalculator(AseBridge.Emt);
        var silicon = new Structure(Lattice.Cubic(5.43), ["Si", "Si"], [new Vec3(0, 0, 0), new Vec3(0.25, 0.25, 0.25)]);
        var failed = calculator.Calculate(silicon);
        Assert.Equal("NotImplementedError: No EMT-potential for Si", failed.Failure);
        var copper = calculator.Calculate(AseBridge.PerturbedCopper());
        Assert.True(copper.Succeeded, copper.Failure);
        Assert.Single(calculator.Interpreters);
    }

    [Theory]
    [InlineData("raise", "RuntimeError: the model diverged")]
    [InlineData("forces", "ValueError: the calculator returned forces of shape (3, 3) for 4 atoms")]
    [InlineData("nan", "ValueError: the calculator returned a non-finite energy, force or stress (NaN or infinity)")]
    public void MisbehavingCalculatorFailsTheCallWithTheReason(string mode, string reason)
    {
        using var calculator = new AseCalculator(AseBridge.Misbehaving(mode));
        Assert.Equal(reason, calculator.Calculate(AseBridge.PerturbedCopper()).Failure);
        var flat = new AseCalculator(AseBridge.Misbehaving("flat"));
        using (flat) Assert.Equal(0.0, flat.Calculate(AseBridge.PerturbedCopper()).Energy);
    }

    [Fact]
    public void CalculatorThatCannotBeBuiltFailsWithPythonsLastLine()
    {
        using var calculator = new AseCalculator(AseBridge.Emt with { Calculator = "ase.calculators.nosuch:EMT" });
        Assert.Equal("ase.calculators.nosuch:EMT: ModuleNotFoundError: No module named 'ase.calculators.nosuch'",
            calculator.Calculate(AseBridge.PerturbedCopper()).Failure);
        var missing = Assert.Throws<AseBridgeException>(() => AseBridgeProcess.Start(AseBridge.Emt with { Python = "/nonexistent/python3" }));
        Assert.Contains("/nonexistent/python3", missing.Message);
        Assert.Contains("not found", missing.Message);
    }

    [Fact]
    public void KilledInterpreterFailsItsCallAndIsReplacedAtTheNext()
    {
        using var calculator = new AseCalculator(AseBridge.Emt);
        var structure = AseBridge.PerturbedCopper();
        var before = calculator.Calculate(structure);
        var first = Assert.Single(calculator.Interpreters);
        var session = SessionMembers(first.Session);
        var python = Assert.Single(session, pid => File.ResolveLinkTarget($"/proc/{pid}/exe", true)!.FullName.Contains("python"));
        Assert.Equal(0, UnixSignal.Send(python, UnixSignal.SIGKILL));

        var failed = calculator.Calculate(structure);
        Assert.StartsWith("the Python interpreter of the ASE bridge ended: ", failed.Failure);
        Assert.True(ProcessTrees.AllGone(session, TimeSpan.FromSeconds(5)), "the whole session should end with the interpreter");
        var after = calculator.Calculate(structure);
        Assert.Equal(before.Energy, after.Energy);
        Assert.NotEqual(first.Session, Assert.Single(calculator.Interpreters).Session);
    }

    [Fact]
    public void DisposeEndsTheInterpretersSession()
    {
        var calculator = new AseCalculator(AseBridge.Emt);
        Assert.True(calculator.Calculate(AseBridge.PerturbedCopper()).Succeeded);
        var session = SessionMembers(Assert.Single(calculator.Interpreters).Session);
        Assert.True(session.Count >= 3, $"guard, shell and Python expected, got {session.Count} processes");
        calculator.Dispose();
        Assert.True(ProcessTrees.AllGone(session, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void ConcurrentCallersGetInterpretersOfTheirOwn()
    {
        using var calculator = new AseCalculator(AseBridge.Emt);
        var energies = new double[4];
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 2 }, k => energies[k] = calculator.Calculate(AseBridge.PerturbedCopper(k)).Energy);
        using var reference = new AseCalculator(AseBridge.Emt);
        for (var k = 0; k < 4; k++) Assert.Equal(reference.Calculate(AseBridge.PerturbedCopper(k)).Energy, energies[k]);
        Assert.InRange(calculator.Interpreters.Count, 1, 2);
    }

    private static List<int> SessionMembers(int session) =>
        [.. Directory.EnumerateDirectories("/proc").Select(Path.GetFileName)
            .Where(name => int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out _)).Select(int.Parse!)
            .Where(pid => ProcessTrees.Alive(pid) && Session(pid) == session)];

    private static int? Session(int pid)
    {
        try
        {
            return ProcessTrees.GroupAndSession(pid).Session;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
