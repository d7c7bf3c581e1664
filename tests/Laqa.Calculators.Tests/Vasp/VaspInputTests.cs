using System.Globalization;
using Laqa.Calculators.External;
using Laqa.Calculators.Relaxation;
using Laqa.Calculators.Tests.Relaxation;
using Laqa.Calculators.Vasp;
using Laqa.Crystal;
using Laqa.TestSupport;
using Xunit;

namespace Laqa.Calculators.Tests.Vasp;

/// <summary>The INCAR, POSCAR, KPOINTS and POTCAR a VASP batch writes, read back by ASE and pymatgen (/usr/bin/python3).</summary>
public class VaspInputTests
{
    // Species in runs Si, O, Si: the POSCAR keeps the atom order and the POTCAR must follow its species line.
    private static readonly Structure Mixed = new(
        new Lattice(new Vec3(5.1, 0.2, -0.1), new Vec3(0.3, 4.7, 0.25), new Vec3(-0.4, 0.15, 6.3)),
        ["Si", "O", "O", "Si"],
        [new Vec3(0.01, 0.02, 0.03), new Vec3(0.4, 0.31, 0.27), new Vec3(0.77, 0.6, 0.55), new Vec3(1.0 / 3, 2.0 / 3, 0.9)]);

    private const string Template = "SYSTEM = laqa test\nENCUT = 400 ; ISMEAR = 0 # Gaussian\nSIGMA = 0.05\n";

    /// <summary>Writes the inputs of one relaxation batch of <paramref name="steps"/> at 1.5 GPa by running `true` as VASP.</summary>
    private static string WriteBatch(TempFolder folder, int steps, double kSpacing = 0.3)
    {
        var settings = new VaspSettings
        {
            Command = ["true"],
            PotcarDir = FakePotcars.Create(folder, "Si", "O_s"),
            Potcars = new Dictionary<string, string> { ["Si"] = "Si", ["O"] = "O_s" },
            IncarTemplate = Template,
            KSpacing = kSpacing,
        };
        var options = new RelaxationOptions { Pressure = PressureUnits.FromGPa(1.5) };
        var batch = new VaspRelaxer(settings, options, new WorkFolders(folder.File("calc"), KeepFiles.All)).Advance(RelaxationState.Start(Mixed), steps, new BatchLabel("7", 1));
        Assert.Equal(RelaxationOutcome.Failed, batch.Outcome);
        Assert.Contains("true exited with code 0 without writing vasprun.xml", batch.FailureReason);
        return folder.File("calc/7/1-1");
    }

    [Fact]
    public void AsesPoscarReaderReadsTheSameCellSpeciesAndPositions()
    {
        using var folder = new TempFolder();
        var batch = WriteBatch(folder, 5);

        var ase = AsePython.RunNumbers($"""
            import ase.io
            a = ase.io.read({VaspData.Quoted(Path.Combine(batch, "POSCAR"))}, format='vasp')
            print(' '.join(str(ord(s[0]) * 1000 + (ord(s[1]) if len(s) > 1 else 0)) for s in a.get_chemical_symbols()))
            print(' '.join(repr(float(x)) for x in list(a.cell[:].ravel()) + list(a.get_scaled_positions(wrap=False).ravel())))
            """);

        Assert.Equal(Mixed.Species.Select(s => (double)(s[0] * 1000 + (s.Length > 1 ? s[1] : 0))), ase[..4]);
        var expected = Enumerable.Range(0, 3).SelectMany(i => new[] { Mixed.Lattice[i].X, Mixed.Lattice[i].Y, Mixed.Lattice[i].Z })
            .Concat(Mixed.Fractional.SelectMany(p => new[] { p.X, p.Y, p.Z })).ToArray();
        for (var k = 0; k < expected.Length; k++) Assert.Equal(expected[k], ase[4 + k], 1e-12);
    }

    [Fact]
    public void PymatgensIncarReaderFindsTheTemplateAndTheRelaxationKeys()
    {
        using var folder = new TempFolder();
        var batch = WriteBatch(folder, 5);

        var values = AsePython.RunNumbers($"""
            from pymatgen.io.vasp import Incar
            i = Incar.from_file({VaspData.Quoted(Path.Combine(batch, "INCAR"))})
            print(i['ENCUT'], i['ISMEAR'], i['SIGMA'], i['IBRION'], i['ISIF'], i['NSW'], repr(float(i['PSTRESS'])), len(i))
            """);

        Assert.Equal([400, 0, 0.05, 2, 3, 5, 15.0, 8], values);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.17)]
    [InlineData(1.1)]
    public void TheKpointsMeshIsPymatgensGammaMeshOfVaspsKspacingFormula(double spacing)
    {
        using var folder = new TempFolder();
        var batch = WriteBatch(folder, 5, spacing);

        // VASP's KSPACING rule from ASE's reciprocal cell (without 2π): N_i = max(1, ceil(2π |b_i| / spacing)).
        var values = AsePython.RunNumbers($"""
            import ase.io
            from pymatgen.io.vasp import Kpoints
            k = Kpoints.from_file({VaspData.Quoted(Path.Combine(batch, "KPOINTS"))})
            a = ase.io.read({VaspData.Quoted(Path.Combine(batch, "POSCAR"))}, format='vasp')
            n = [max(1, int(np.ceil(2 * np.pi * np.linalg.norm(b) / {spacing.ToString("R", CultureInfo.InvariantCulture)}))) for b in a.cell.reciprocal()]
            print(1 if k.style.name == 'Gamma' else 0, *k.kpts[0], *k.kpts_shift, *n)
            """);

        Assert.Equal(1, values[0]);
        Assert.Equal(values[7..10], values[1..4]);
        Assert.Equal([0, 0, 0], values[4..7]);
    }

    [Fact]
    public void ThePotcarConcatenatesEachElementsPotcarInThePoscarsSpeciesOrder()
    {
        using var folder = new TempFolder();
        var batch = WriteBatch(folder, 5);

        // The species line as ASE reads the POSCAR, against the titles of the POTCAR's datasets.
        var species = AsePython.RunNumbers($"""
            import ase.io, itertools
            a = ase.io.read({VaspData.Quoted(Path.Combine(batch, "POSCAR"))}, format='vasp')
            print(' '.join(str(ord(s[0]) * 1000 + (ord(s[1]) if len(s) > 1 else 0)) for s, _ in itertools.groupby(a.get_chemical_symbols())))
            """);
        var titles = File.ReadAllLines(Path.Combine(batch, "POTCAR")).Where(l => l.Contains("PAW_PBE", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();

        Assert.Equal(["Si", "O", "Si"], species.Select(c => $"{(char)((int)c / 1000)}{((int)c % 1000 == 0 ? "" : ((char)((int)c % 1000)).ToString())}"));
        Assert.Equal(["PAW_PBE Si 05Jan2001", "PAW_PBE O_s 05Jan2001", "PAW_PBE Si 05Jan2001"], titles);
        Assert.Equal(
            File.ReadAllBytes(folder.File("potpaw_PBE/Si/POTCAR")).Concat(File.ReadAllBytes(folder.File("potpaw_PBE/O_s/POTCAR"))).Concat(File.ReadAllBytes(folder.File("potpaw_PBE/Si/POTCAR"))),
            File.ReadAllBytes(Path.Combine(batch, "POTCAR")));
    }

    [Theory]
    [InlineData("ENCUT = 400\nibrion = 1 ; ISIF=2 # relax ions only\n! NSW = 3\nSYSTEM = nsw test\n")]
    [InlineData("PSTRESS=10\nEDIFFG = -0.01 # NSW = 99\n")]
    [InlineData("ENCUT = 520\nISMEAR = 0\n")]
    public void TheReservedKeysATemplateSetsAreThosePymatgenReads(string template)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("INCAR.template"), template);
        var keys = AsePython.RunNumbers($"""
            from pymatgen.io.vasp import Incar
            i = Incar.from_file({VaspData.Quoted(folder.File("INCAR.template"))})
            print(*[['IBRION', 'ISIF', 'NSW', 'PSTRESS'].index(k.upper()) for k in i if k.upper() in ('IBRION', 'ISIF', 'NSW', 'PSTRESS')])
            """);

        Assert.Equal(keys.Select(k => IncarWriter.ReservedKeys[(int)k]).Order(), IncarWriter.ReservedKeysIn(template).Order());
    }
}
