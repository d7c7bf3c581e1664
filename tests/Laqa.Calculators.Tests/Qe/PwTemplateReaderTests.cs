using Laqa.Calculators.Qe;
using Xunit;

namespace Laqa.Calculators.Tests.Qe;

public class PwTemplateReaderTests
{
    private static PwTemplate Parse(string text) => PwTemplateReader.Parse(text, "t.in");

    [Fact]
    public void NamelistsAreReadAsFortranWritesThem()
    {
        var template = Parse("""
            ! a comment line
            &control
              verbosity='high' , disk_io = "low" ! after a comment: / and , and 'quotes'
            /
            &SYSTEM ECUTWFC = 2.5D1, Hubbard_U(1) = 3.1, starting_magnetization( 1 )=0.5
              NoSym = .TRUE., title_like = 'it''s, a / test'
            /
            &electrons mixing_beta = 0.3, electron_maxstep = 40 /
            ATOMIC_SPECIES
              Si 28.0855 Si.pz-vbc.UPF
            # a card comment
            K_POINTS {gamma}
            """);

        Assert.Equal([("verbosity", "'high'"), ("disk_io", "\"low\"")], template.Namelists["control"].Select(k => (k.Key, k.Value)));
        Assert.Equal([("ecutwfc", "2.5D1", 5), ("hubbard_u(1)", "3.1", 5), ("starting_magnetization(1)", "0.5", 5), ("nosym", ".TRUE.", 6), ("title_like", "'it''s, a / test'", 6)],
            template.Namelists["system"].Select(k => (k.Key, k.Value, k.Line)));
        Assert.Equal(25.0, PwTemplate.Number(template.Value("system", "ecutwfc")!));
        Assert.Equal((0.3, 40), (template.MixingBeta!.Value, template.ElectronMaxstep!.Value));
        Assert.Equal("Si 28.0855 Si.pz-vbc.UPF", template.Species!["Si"]);
        Assert.Equal("K_POINTS gamma\n", template.KPoints);
    }

    [Fact]
    public void WithoutTheOptionalCardsSpeciesAndKPointsAreNull()
    {
        var template = Parse("&system\n ecutwfc = 20\n/\n");

        Assert.Null(template.Species);
        Assert.Null(template.KPoints);
        Assert.Null(template.MixingBeta);
    }

    [Theory]
    [InlineData("&control\n calculation = 'scf'\n/\n&system ecutwfc = 20 /", "t.in line 2: calculation is set by laqa (vc-relax for each batch, scf for laqa calc); remove it from the template")]
    [InlineData("&system\n ecutwfc = 20, NSTEP = 3\n/", "t.in line 2: nstep is set by laqa (relaxer.steps-per-batch); remove it from the template")]
    [InlineData("&system\n ecutwfc = 20\n celldm(1) = 10.2\n/", "t.in line 3: celldm is set by laqa (each structure's cell, written as CELL_PARAMETERS); remove it from the template")]
    [InlineData("&cell\n press = 10\n/\n&system ecutwfc = 20 /", "t.in line 2: press is set by laqa (relaxer.pressure); remove it from the template")]
    [InlineData("&system ecutwfc = 20 /\nATOMIC_POSITIONS crystal\nSi 0 0 0", "t.in line 2: ATOMIC_POSITIONS is written by laqa from each structure; remove it from the template")]
    [InlineData("&system ecutwfc = 20 /\nCELL_PARAMETERS angstrom", "t.in line 2: CELL_PARAMETERS is written by laqa from each structure; remove it from the template")]
    [InlineData("&system ecutwfc = 20 /\nCONSTRAINTS\n1", "t.in line 2: CONSTRAINTS is not supported in a template (only ATOMIC_SPECIES and K_POINTS)")]
    [InlineData("&system\n ecutwfc = 20\n input_dft = pbe\n/", "t.in line 3: cannot read the value of input_dft: \"pbe\" (expected a number, .true./.false. or a quoted string)")]
    [InlineData("&system\n ecutwfc 20\n/", "t.in line 2: expected key = value in &SYSTEM, got \"ecutwfc 20\"")]
    [InlineData("&system\n ecutwfc = 20\n", "t.in line 1: &SYSTEM is not closed with /")]
    [InlineData("&sytem\n ecutwfc = 20\n/", "t.in line 1: unknown namelist &SYTEM; expected one of &CONTROL, &SYSTEM, &ELECTRONS, &IONS, &CELL")]
    [InlineData("&system\n ecutwfc = 20, title = 'open\n/", "t.in line 2: a quoted string is not closed on its line")]
    [InlineData("&system\n ecutwfc = 20, Ecutwfc = 30\n/", "t.in line 2: ecutwfc given twice in &SYSTEM")]
    [InlineData("&system ecutwfc = 20 /\nATOMIC_SPECIES\nSi1 28.0855 Si.pz-vbc.UPF", "t.in line 3: species Si1 is not an element: laqa labels atoms by element")]
    [InlineData("&system ecutwfc = 20 /\nK_POINTS automatic\n2 2 2", "t.in: K_POINTS automatic needs one line of six integers (mesh and offsets)")]
    [InlineData("&system ecutwfc = 20 /\nnosym = .true.", "t.in line 2: expected a namelist (&SYSTEM ...) or a card (ATOMIC_SPECIES, K_POINTS), got \"nosym = .true.\"")]
    [InlineData("&system\n nosym = .true.\n/", "t.in: no ecutwfc in &SYSTEM (pw.x needs it)")]
    [InlineData("&system ecutwfc = 20 /\n&electrons mixing_beta = 1.5 /", "t.in line 2: mixing_beta must be a number in (0, 1], got 1.5")]
    public void ATemplateLaqaCannotUseIsOneMessageNamingFileAndLine(string text, string expected)
    {
        var e = Assert.Throws<PwTemplateException>(() => Parse(text));

        Assert.Equal(expected, e.Message);
    }
}
