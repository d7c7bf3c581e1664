using System.Text.Json;
using Laqa.Crystal.IO;
using Xunit;

namespace Laqa.Crystal.Tests.IO;

public sealed class AseInteropTests(AseInteropFixture files) : IClassFixture<AseInteropFixture>
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void AseReadsOurPoscarsWithTheSameCellAndPositions()
    {
        foreach (var (file, ase) in Ours("vasp"))
            StructureAssert.SameInOrder(file.Written, PythonReference.ToStructure(ase), Tolerance);
    }

    [Fact]
    public void AseReadsOurExtendedXyzWithEnergyForcesStressAndInfo()
    {
        foreach (var (file, ase) in Ours("extxyz"))
        {
            StructureAssert.SameInOrder(file.Written, PythonReference.ToStructure(ase), Tolerance);
            SameCalculation(file.Frame!, ase);
            Assert.Equal("-4.52", ase.GetProperty("info").GetProperty("energy_per_atom").GetString());
            Assert.Equal(file.Frame!.Info[1].Value, ase.GetProperty("info").GetProperty("spacegroup").GetString());
        }
    }

    [Fact]
    public void AseReadsOurP1CifsWithTheSameLatticeParametersAndFractionalPositions()
    {
        foreach (var (file, ase) in Ours("cif").Where(f => f.File.Symmetry is null))
            StructureAssert.SameUpToOrientation(file.Written, PythonReference.ToStructure(ase), Tolerance);
    }

    [Fact]
    public void AseExpandsOurSymmetrizedCifsToSpglibsConventionalCell()
    {
        var symmetrized = Ours("cif").Where(f => f.File.Symmetry is not null).ToList();
        Assert.NotEmpty(symmetrized);
        foreach (var (file, ase) in symmetrized)
        {
            var aseStructure = PythonReference.ToStructure(ase);
            StructureAssert.SameAsSets(file.Symmetry!.Standardized!, aseStructure, Tolerance);
            StructureAssert.SameAsSets(aseStructure, CifFormat.Read(file.Path).Structure, Tolerance);
        }
    }

    [Fact]
    public void WeReadAseWrittenFilesAsAseReadsThem()
    {
        foreach (var file in files.AseFiles)
        {
            var ase = PythonReference.ToStructure(file.AseRead);
            switch (file.Format)
            {
                case "vasp" or "vasp-cartesian":
                    StructureAssert.SameInOrder(ase, PoscarFormat.Read(file.Path).Structure, Tolerance);
                    break;
                case "cif":
                    StructureAssert.SameInOrder(ase, CifFormat.Read(file.Path).Structure, Tolerance);
                    break;
                case "pymatgen-cif":
                    StructureAssert.SameAsSets(ase, CifFormat.Read(file.Path).Structure, Tolerance);
                    break;
                default:
                    var frame = ExtendedXyzFormat.Read(file.Path).Single();
                    StructureAssert.SameInOrder(ase, frame.Structure, Tolerance);
                    if (file.AseRead.TryGetProperty("energy", out _)) SameCalculation(frame, file.AseRead);
                    break;
            }
        }
    }

    [Fact]
    public void WeReadAseInfoKeysFromItsExtendedXyz()
    {
        var file = files.AseFiles.Single(f => f.Kind == "triclinic" && f.Format == "extxyz");

        var frame = ExtendedXyzFormat.Read(file.Path).Single();

        Assert.Contains(new KeyValuePair<string, string>("spacegroup", "P1 (1)"), frame.Info);
        Assert.Equal(file.AseRead.GetProperty("info").GetProperty("energy_per_atom").GetString(),
            frame.Info.Single(p => p.Key == "energy_per_atom").Value);
    }

    [Fact]
    public void WeExpandSymmetricCifsLikeAse()
    {
        var pymatgen = files.AseFiles.Where(f => f.Format == "pymatgen-cif").ToList();
        Assert.Equal([30, 6, 4], pymatgen.Select(f => CifFormat.Read(f.Path).Structure.Count));

        var (path, _) = files.Handwritten.Single(h => h.Format == "cif");
        var rutile = CifFormat.Read(path);
        Assert.Equal("rutile", rutile.Title);
        StructureAssert.SameAsSets(PythonReference.ToStructure(files.AseReadsOfHandwritten[0]), rutile.Structure, Tolerance);
    }

    [Fact]
    public void WeReadAScaledCartesianPoscarWithSelectiveDynamicsLikeAse()
    {
        var (path, _) = files.Handwritten.Single(h => h.Format == "vasp");

        StructureAssert.SameInOrder(PythonReference.ToStructure(files.AseReadsOfHandwritten[1]), PoscarFormat.Read(path).Structure, Tolerance);
    }

    [Fact]
    public void ANegativeScaleIsTheCellVolumeLikePymatgenReadsIt()
    {
        var (path, _) = files.Handwritten.Single(h => h.Format == "pymatgen-poscar");

        var structure = PoscarFormat.Read(path).Structure;

        StructureAssert.SameInOrder(PythonReference.ToStructure(files.AseReadsOfHandwritten[2]), structure, Tolerance);
        Assert.Equal(100.0, structure.Lattice.Volume, 1e-9);
    }

    [Fact]
    public void CartesianPositionsScaleWithTheFactorAVolumeImplies()
    {
        var byVolume = PoscarFormat.Parse(AseInteropFixture.VolumeCartesianPoscar, "volume").Structure;

        StructureAssert.SameInOrder(PythonReference.ToStructure(files.AseReadsOfHandwritten[1]), byVolume, Tolerance);
    }

    private IEnumerable<(AseInteropFixture.OurFile File, JsonElement Ase)> Ours(string format) =>
        files.OurFiles.Zip(files.AseReadsOfOurs).Where(p => p.First.Format == format);

    private static void SameCalculation(ExtendedXyzFrame frame, JsonElement ase)
    {
        Assert.Equal(ase.GetProperty("energy").GetDouble(), frame.Energy!.Value, 1e-9);
        double[] forces = [.. ase.GetProperty("forces").EnumerateArray().SelectMany(r => r.EnumerateArray().Select(x => x.GetDouble()))];
        Assert.Equal(forces, frame.Forces!, (a, b) => Math.Abs(a - b) < 1e-9);
        double[] stress = [.. ase.GetProperty("stress").EnumerateArray().SelectMany(r => r.EnumerateArray().Select(x => x.GetDouble()))];
        Assert.Equal(stress, frame.Stress!, (a, b) => Math.Abs(a - b) < 1e-9);
    }
}
