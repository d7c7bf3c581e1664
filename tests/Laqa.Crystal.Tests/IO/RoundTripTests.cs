using Laqa.Crystal.IO;
using Laqa.Crystal.Spglib;
using Xunit;

namespace Laqa.Crystal.Tests.IO;

public sealed class RoundTripTests
{
    public static TheoryData<string> Names => new(KnownStructures.All(new Random(1)).Select(s => s.Name).Append("turned supercell"));

    private static Structure Named(string name) => name == "turned supercell"
        ? KnownStructures.TurnedSupercell(new Random(7))
        : KnownStructures.All(new Random(7)).Single(s => s.Name == name).Structure;

    [Theory]
    [MemberData(nameof(Names))]
    public void PoscarDirectAndCartesianReadBackWhatWasWritten(string name)
    {
        var structure = Named(name);
        foreach (var cartesian in new[] { false, true })
        {
            var read = PoscarFormat.Parse(PoscarFormat.Format(structure, $"{name} E=-1.25 eV/atom", cartesian), "test");

            StructureAssert.SameInOrder(structure, read.Structure, 1e-10);
            Assert.Equal($"{name} E=-1.25 eV/atom", read.Title);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void CifP1ReadsBackTheSameCrystal(string name)
    {
        var structure = Named(name);

        var read = CifFormat.Parse(CifFormat.FormatP1(structure, "candidate 12"), "test");

        StructureAssert.SameUpToOrientation(structure, read.Structure, 1e-10);
        Assert.Equal("candidate_12", read.Title);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void SymmetrizedCifExpandsToSpglibsConventionalCell(string name)
    {
        var structure = Named(name);
        var dataset = SymmetryAnalyzer.Analyze(structure, 0.1);

        var text = CifFormat.FormatSymmetrized(structure, dataset, 0.1);
        var read = CifFormat.Parse(text, "test").Structure;

        Assert.Contains($"_symmetry_Int_Tables_number {dataset.SpaceGroupNumber}", text);
        Assert.Contains($"_symmetry_space_group_name_H-M '{dataset.InternationalSymbol}'", text);
        StructureAssert.SameAsSets(dataset.Standardized!, read, 1e-10);
    }

    [Fact]
    public void SymmetrizedCifListsOnlyTheAsymmetricUnit()
    {
        var text = CifFormat.FormatSymmetrized(KnownStructures.RutileTiO2(), SymmetryAnalyzer.Analyze(KnownStructures.RutileTiO2()));

        var siteLines = text.Split('\n').SkipWhile(l => l != "_atom_site_occupancy").Skip(1).Where(l => l.Length > 0).ToList();

        Assert.Equal(2, siteLines.Count);
        Assert.Equal(16, text.Split('\n').Count(l => l.Contains('\'') && l.Contains('x') && l.Contains('z')));
    }

    [Fact]
    public void ExtendedXyzKeepsEnergyForcesStressAndInfoOverSeveralFrames()
    {
        var random = new Random(3);
        var frames = Enumerable.Range(0, 3).Select(k =>
        {
            var structure = k == 2 ? Named("turned supercell") : KnownStructures.RandomTriclinic(random, 4 + k);
            return new ExtendedXyzFrame(structure)
            {
                Energy = -10.5 * (k + 1) + random.NextDouble(),
                Forces = k == 1 ? null : [.. Enumerable.Range(0, 3 * structure.Count).Select(_ => random.NextDouble() - 0.5)],
                Stress = [.. Enumerable.Range(0, 9).Select(_ => 0.01 * random.NextDouble())],
                Info = [new("energy_per_atom", "-5.25"), new("spacegroup", "P6_3mc (186)"), new("note", "quote \" and = sign")],
            };
        }).ToList();

        var read = ExtendedXyzFormat.Parse(ExtendedXyzFormat.Format(frames), "test");

        Assert.Equal(frames.Count, read.Count);
        for (var k = 0; k < frames.Count; k++)
        {
            StructureAssert.SameInOrder(frames[k].Structure, read[k].Structure, 1e-10);
            Assert.Equal(frames[k].Energy!.Value, read[k].Energy!.Value, 1e-12);
            Assert.Equal(frames[k].Stress!, read[k].Stress!);
            if (frames[k].Forces is null) Assert.Null(read[k].Forces);
            else Assert.Equal(frames[k].Forces!, read[k].Forces!, (a, b) => Math.Abs(a - b) < 1e-12);
            Assert.Equal<KeyValuePair<string, string>>([.. frames[k].Info], [.. read[k].Info]);
        }
    }

    [Theory]
    [InlineData("POSCAR")]
    [InlineData("candidate.cif")]
    [InlineData("best.extxyz")]
    public void StructureFileWritesAndReadsByName(string fileName)
    {
        var directory = Directory.CreateTempSubdirectory("laqa-io-");
        try
        {
            var path = Path.Combine(directory.FullName, fileName);
            var structure = Named("triclinic");

            StructureFile.Write(path, structure, "Mg4O3 candidate");

            StructureAssert.SameUpToOrientation(structure, StructureFile.Read(path), 1e-10);
            Assert.Equal([fileName], directory.GetFiles().Select(f => f.Name));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void AFailedWriteLeavesTheExistingFileUntouched()
    {
        var directory = Directory.CreateTempSubdirectory("laqa-io-");
        try
        {
            var path = Path.Combine(directory.FullName, "frames.xyz");
            File.WriteAllText(path, "previous content");
            var structure = KnownStructures.HcpMg();

            Assert.Throws<ArgumentException>(() => ExtendedXyzFormat.Write(path, new ExtendedXyzFrame(structure) { Forces = [1.0, 2.0] }));

            Assert.Equal("previous content", File.ReadAllText(path));
            Assert.Single(directory.GetFiles());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
