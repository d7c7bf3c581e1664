using Laqa.Calculators.Potentials;
using Laqa.Crystal;
using Xunit;

namespace Laqa.Calculators.Tests.Potentials;

/// <summary>The kind of a LAMMPS potential file is taken from its extension.</summary>
public class LammpsPotentialFileTests
{
    private const string Directory = "/usr/share/lammps/potentials";

    [Fact]
    public void ATersoffFileReadsAsTersoffFromFileReadsIt()
    {
        var path = Path.Combine(Directory, "Si.tersoff");
        var potential = Assert.IsType<Tersoff>(LammpsPotentialFile.Read(path));
        Assert.Equal(Tersoff.FromFile(path).Entries, potential.Entries);
        Assert.Equal("Si.tersoff", potential.Name);
    }

    [Fact]
    public void ASwFileReadsAsStillingerWeberFromFileReadsIt()
    {
        var path = Path.Combine(Directory, "Si.sw");
        var potential = Assert.IsType<StillingerWeber>(LammpsPotentialFile.Read(path));
        Assert.Equal(StillingerWeber.FromFile(path).Entries, potential.Entries);
    }

    [Theory]
    [InlineData("Si.tersoff.mod", true)]
    [InlineData("Si.edip", true)]
    [InlineData("missing.params", false)]
    public void AnotherExtensionIsRefusedNamingTheAcceptedKinds(string name, bool exists)
    {
        var path = Path.Combine(Directory, name);
        Assert.Equal(exists, File.Exists(path));
        Assert.False(LammpsPotentialFile.IsPotentialFile(path));
        var error = Assert.Throws<LaqaInputException>(() => LammpsPotentialFile.Read(path));
        Assert.Equal($"potential file {path}: unknown kind of file '{Path.GetExtension(name)}'; expected *.tersoff (Tersoff) or *.sw (Stillinger-Weber)", error.Message);
    }

    [Fact]
    public void AMissingFileOfAKnownKindIsBadInputNamingIt()
    {
        var error = Assert.Throws<LaqaInputException>(() => LammpsPotentialFile.Read("/nonexistent/Si.sw"));
        Assert.Contains("/nonexistent/Si.sw", error.Message);
    }
}
