using System.Globalization;
using System.Text;
using Laqa.Crystal;

namespace Laqa.Calculators.Qe;

/// <summary>
/// Writes a pw.x input: the namelists from the settings (calculation scf, or vc-relax with BFGS for
/// nstep steps at an external pressure and convergence thresholds), then the species, the cell in Å
/// and the fractional positions, and the k-points. Numbers are written with every digit ("R"). With a
/// template (<see cref="QeSettings.Template"/>) its namelist keys follow laqa's own in each namelist
/// (&amp;IONS and &amp;CELL only for a vc-relax), and its ATOMIC_SPECIES lines and K_POINTS card replace laqa's.
/// </summary>
public static class PwInput
{
    /// <summary>A vc-relax: pressure in kbar, force threshold in Ry/Bohr, pressure threshold in kbar.</summary>
    public sealed record VcRelax(int Steps, double PressureKbar, double ForceThreshold, double PressureThreshold);

    public static string Write(Structure structure, QeSettings settings, VcRelax? relax, double? mixingBeta = null)
    {
        var species = structure.Species.Distinct().ToList();
        var template = settings.Template;
        var text = new StringBuilder();
        Namelist(text, "control", settings,
        [
            ("calculation", Quoted(relax is null ? "scf" : "vc-relax")),
            ("prefix", Quoted("pwscf")),
            ("outdir", Quoted("./tmp")),
            ("pseudo_dir", Quoted(settings.PseudoDir)),
            ("tprnfor", ".true."),
            ("tstress", ".true."),
            .. relax is null ? (IEnumerable<(string, string)>)[] : [("nstep", Integer(relax.Steps)), ("forc_conv_thr", Number(relax.ForceThreshold))],
        ]);
        Namelist(text, "system", settings,
        [
            ("ibrav", "0"),
            ("nat", Integer(structure.Count)),
            ("ntyp", Integer(species.Count)),
            .. template is not null ? (IEnumerable<(string, string)>)[] : [("ecutwfc", Number(settings.Ecutwfc))],
            .. template is null && settings.EcutRho is { } rho ? [("ecutrho", Number(rho))] : (IEnumerable<(string, string)>)[],
            .. template is null && settings.Smearing is { } smearing
                ? [("occupations", Quoted("smearing")), ("smearing", Quoted(smearing)), ("degauss", Number(settings.Degauss))]
                : (IEnumerable<(string, string)>)[],
        ]);
        Namelist(text, "electrons", settings,
        [
            ("mixing_beta", Number(mixingBeta ?? settings.MixingBeta)),
            .. template is not null ? (IEnumerable<(string, string)>)[] : [("electron_maxstep", Integer(settings.ElectronMaxstep))],
        ]);
        if (relax is not null)
        {
            Namelist(text, "ions", settings, [("ion_dynamics", Quoted("bfgs"))]);
            Namelist(text, "cell", settings,
                [("cell_dynamics", Quoted("bfgs")), ("press", Number(relax.PressureKbar)), ("press_conv_thr", Number(relax.PressureThreshold))]);
        }

        text.Append("ATOMIC_SPECIES\n");
        foreach (var s in species)
            text.Append(template?.Species is { } lines ? $"{lines[s]}\n" : $"{s} {Number(Elements.Get(s).Mass)} {settings.Pseudopotentials[s]}\n");
        text.Append("CELL_PARAMETERS angstrom\n");
        for (var i = 0; i < 3; i++) text.Append($"{Row(structure.Lattice[i])}\n");
        text.Append("ATOMIC_POSITIONS crystal\n");
        for (var i = 0; i < structure.Count; i++) text.Append($"{structure.Species[i]} {Row(structure.Fractional[i])}\n");
        if (template?.KPoints is { } card) return text.Append(card).ToString();
        var mesh = settings.KPoints ?? KPointMesh.FromSpacing(structure.Lattice, settings.KSpacing!.Value);
        text.Append($"K_POINTS automatic\n{mesh[0]} {mesh[1]} {mesh[2]} 0 0 0\n");
        return text.ToString();
    }

    /// <summary>A namelist: laqa's keys, then the extra keys or, with a template, the template's keys as written (its mixing_beta is laqa's to write).</summary>
    private static void Namelist(StringBuilder text, string name, QeSettings settings, IEnumerable<(string Key, string Value)> keys)
    {
        text.Append($"&{name.ToUpperInvariant()}\n");
        foreach (var (key, value) in keys) text.Append($"  {key} = {value}\n");
        if (settings.Template is { } template)
        {
            foreach (var key in template.Namelists.GetValueOrDefault(name) ?? [])
                if (key.Key != "mixing_beta") text.Append($"  {key.Key} = {key.Value}\n");
        }
        else if (settings.Extra.TryGetValue(name, out var extra))
            foreach (var (key, value) in extra.OrderBy(e => e.Key, StringComparer.Ordinal)) text.Append($"  {key} = {value}\n");
        text.Append("/\n");
    }

    private static string Row(Vec3 v) => $"{Number(v.X)} {Number(v.Y)} {Number(v.Z)}";
    private static string Number(double x) => x.ToString("R", CultureInfo.InvariantCulture);
    private static string Integer(int n) => n.ToString(CultureInfo.InvariantCulture);
    private static string Quoted(string s) => $"'{s}'";
}
