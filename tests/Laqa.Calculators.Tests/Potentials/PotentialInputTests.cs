using Laqa.Calculators.Potentials;
using Laqa.Crystal;
using Xunit;

namespace Laqa.Calculators.Tests.Potentials;

/// <summary>Bad potential files, unknown presets and structures with species a potential does not cover.</summary>
public class PotentialInputTests
{
    private const string SiliconTersoff = """
        # comment line
        Si Si Si 3.0 1.0 1.3258 4.8381 2.0417 0.0000 22.956
                 0.33675 1.3258 95.373 3.0 0.2 3.2394 3264.7
        """;

    [Theory]
    [InlineData("Si Si Si 3.0 1.0 1.3258 4.8381 2.0417 0.0000 22.956\n 0.33675 1.3258 95.373 3.0 0.2 3.2394 x3264.7", "line 1", "A 'x3264.7'")]
    [InlineData("# header\n\nSi Si Si 3.0 1.0 1.3258 4.8381 2.0417 0.0000 22.956\n 0.33675 1.3258 95.373 3.0", "line 3", "only 14 of its 17 words")]
    [InlineData("Si Si Si 3.0 1.0 1.3258 4.8381 2.0417 0.0000 22.956\n 0.33675 1.3258 95.373 3.0 0.2 3.2394 3264.7 1.0", "line 2", "18 words")]
    [InlineData("Si Si Si 2.0 1.0 1.3258 4.8381 2.0417 0.0000 22.956 0.33675 1.3258 95.373 3.0 0.2 3.2394 3264.7", "line 1", "m = 2")]
    [InlineData("Si Si Si 3.0 1.0 1.3258 4.8381 2.0417 0.0000 22.956 0.33675 1.3258 95.373 3.0 3.2 3.2394 3264.7", "line 1", "exceeds R")]
    [InlineData("Si Si Si 3.0 1.0 1.3 4.8 2.0 0.0 22.9 0.3 1.3 95.3 3.0 0.2 3.2 3264.7\n# again\nSi Si Si 3.0 1.0 1.3 4.8 2.0 0.0 22.9 0.3 1.3 95.3 3.0 0.2 3.2 3264.7", "line 3", "repeats the entry of line 1")]
    [InlineData("# only comments\n", "no Tersoff entries", "")]
    public void MalformedTersoffFileNamesFileAndLine(string text, string where, string what)
    {
        var error = Assert.Throws<LaqaInputException>(() => Tersoff.Parse(text, "bad.tersoff"));
        Assert.Contains("bad.tersoff", error.Message);
        Assert.Contains(where, error.Message);
        Assert.Contains(what, error.Message);
    }

    [Theory]
    [InlineData("Si Si Si 2.1683 2.0951 1.80 21.0 1.20 -0.333333333333 7.049556277 0.6022245584 4.0 0.0", "line 1", "only 13 of its 14 words")]
    [InlineData("\nSi Si Si 2.1683 2.0951 1.80 21.0 1.20 -1/3 7.049556277 0.6022245584 4.0 0.0 0.0", "line 2", "costheta0 '-1/3'")]
    [InlineData("Si Si Si 2.1683 -2.0951 1.80 21.0 1.20 -0.3333 7.049556277 0.6022245584 4.0 0.0 0.0", "line 1", "must not be negative")]
    public void MalformedStillingerWeberFileNamesFileAndLine(string text, string where, string what)
    {
        var error = Assert.Throws<LaqaInputException>(() => StillingerWeber.Parse(text, "bad.sw"));
        Assert.Contains("bad.sw", error.Message);
        Assert.Contains(where, error.Message);
        Assert.Contains(what, error.Message);
    }

    [Fact]
    public void MissingFileIsBadInput()
    {
        var error = Assert.Throws<LaqaInputException>(() => Tersoff.FromFile("/nonexistent/none.tersoff"));
        Assert.Contains("/nonexistent/none.tersoff", error.Message);
    }

    [Fact]
    public void UnknownPresetNamesItAndListsKnownOnes()
    {
        var error = Assert.Throws<LaqaInputException>(() => PotentialPresets.Create("si-unknown"));
        Assert.Contains("'si-unknown'", error.Message);
        foreach (var name in new[] { "lj-airss", "si-tersoff", "si-sw" }) Assert.Contains(name, error.Message);
    }

    [Fact]
    public void EveryPresetBuildsACalculatorAndCitesItsSource()
    {
        foreach (var preset in PotentialPresets.All)
        {
            var calculator = preset.Create();
            Assert.Equal(preset.Name, calculator.Name);
            Assert.Matches(@"\(\d{4}\)|AIRSS", preset.Description);
        }
    }

    [Fact]
    public void UncoveredSpeciesFailsTheCalculationAndTheConfigCheck()
    {
        var tersoff = Tersoff.Parse(SiliconTersoff, "si.tersoff");
        var structure = new Structure(Lattice.Cubic(5.43), ["Si", "C"], [Vec3.Zero, new Vec3(0.25, 0.25, 0.25)]);
        var result = tersoff.Calculate(structure);
        Assert.False(result.Succeeded);
        Assert.Contains("species C", result.Failure);

        IPotential potential = tersoff;
        var error = Assert.Throws<LaqaInputException>(() => potential.RequireSpecies(["Si", "C"]));
        Assert.Contains("species C", error.Message);
        potential.RequireSpecies(["Si"]);
    }

    [Fact]
    public void MissingTripletIsNamed()
    {
        // SiC.tersoff without its Si C Si entry.
        var lines = File.ReadAllText(PotentialCases.LammpsFile("SiC.tersoff"))
            .Replace("Si  C   Si  3.0 1.0 0.0 100390 16.217 -.59825 0.0\n            0.0 0.0 0.0 2.85   0.15 0.0 0.0", "");
        var tersoff = Tersoff.Parse(lines, "SiC-cut.tersoff");
        var structure = new Structure(Lattice.Cubic(4.36), ["Si", "C"], [Vec3.Zero, new Vec3(0.25, 0.25, 0.25)]);
        Assert.Contains("Si C Si", tersoff.Calculate(structure).Failure);
        Assert.Contains("Si C Si", tersoff.MissingParameters(["Si", "C"]));
        Assert.Null(tersoff.MissingParameters(["Si"]));
    }

    [Fact]
    public void LennardJonesPairWithoutParametersIsNamed()
    {
        var lj = new LennardJones([new("Ar", "Ar", 0.0104, 3.4, 8.5), new("Ne", "Ne", 0.0031, 2.75, 6.9)], LennardJonesForm.Plain);
        var structure = new Structure(Lattice.Cubic(6), ["Ar", "Ne"], [Vec3.Zero, new Vec3(0.5, 0.5, 0.5)]);
        Assert.Contains("Ar-Ne", lj.Calculate(structure).Failure);
        Assert.Null(PotentialPresets.Get("lj-airss").Create() is IPotential airss ? airss.MissingParameters(["Ar", "Ne", "Xe"]) : "not a potential");
    }

    [Theory]
    [InlineData("lj-airss")]
    [InlineData("si-tersoff")]
    [InlineData("si-sw")]
    public void AtomsOnTopOfEachOtherFailInsteadOfThrowing(string preset)
    {
        var structure = new Structure(Lattice.Cubic(5.43), ["Si", "Si", "Si"], [Vec3.Zero, Vec3.Zero, new Vec3(0.25, 0.25, 0.25)]);
        var result = PotentialPresets.Create(preset).Calculate(structure);
        Assert.False(result.Succeeded);
        Assert.Contains("not finite", result.Failure);
    }
}
