using System.Security.Cryptography;
using Akka.Configuration.Hocon;
using Laqa.Calculators.External;
using Laqa.Calculators.Lammps;
using Laqa.Calculators.Potentials;
using Laqa.Crystal;
using Laqa.Engine.Hosting;
using Laqa.Search.Campaign;

namespace Laqa.Engine.Configuration;

/// <summary>
/// Reads laqa.calculator: exactly one of preset (the default, si-tersoff), lammps-file, lennard-jones { },
/// rigid-ion { }, qe { } (<see cref="QeSpecReader"/>), vasp { } (<see cref="VaspSpecReader"/>), ase { } (<see cref="AseSpecReader"/>) or lammps { } (<see cref="LammpsSpecReader"/>). Every value is checked with its key path, then the calculator is built and its
/// coverage of the composition's species and the cell's net charge checked.
/// </summary>
internal static class CalculatorSpecReader
{
    private const string Root = "laqa.calculator";
    private const string PresetPath = Root + ".preset";
    private const string FilePath = Root + ".lammps-file";
    private const string LennardJonesPath = Root + ".lennard-jones";
    private const string RigidIonPath = Root + ".rigid-ion";
    private const string QePath = QeSpecReader.Path;
    private const string VaspPath = VaspSpecReader.Path;
    private const string AsePath = AseSpecReader.Path;
    private const string LammpsPath = LammpsSpecReader.Path;

    /// <summary>The spec; relative file paths are taken from <paramref name="baseDirectory"/>.</summary>
    public static CalculatorSpec Read(ConfigReader r, Composition? composition, string baseDirectory)
    {
        string[] sources = [PresetPath, FilePath, LennardJonesPath, RigidIonPath, QePath, VaspPath, AsePath, LammpsPath];
        var given = sources.Where(r.IsGiven).ToList();
        if (given.Count > 1)
        {
            r.Errors.Add(Root, $"give one calculator, not {string.Join(" and ", given)}");
            return CalculatorSpec.Default;
        }
        var source = given.FirstOrDefault() ?? PresetPath;
        CalculatorSpec? spec = source switch
        {
            FilePath => ReadFile(r, baseDirectory),
            LennardJonesPath => ReadLennardJones(r),
            RigidIonPath => ReadRigidIon(r),
            QePath => QeSpecReader.Read(r, composition, baseDirectory),
            VaspPath => VaspSpecReader.Read(r, composition, baseDirectory),
            AsePath => AseSpecReader.Read(r, baseDirectory),
            LammpsPath => LammpsSpecReader.Read(r, composition, baseDirectory),
            _ => ReadPreset(r),
        };
        // Only the external codes keep work folders, but a value no calculator takes is an error whichever is chosen.
        if (source is not (QePath or VaspPath)) r.Enum(QeSpecReader.KeepFilesPath, KeepFiles.All);
        if (spec is null || r.Errors.HasAtOrBelow(Root)) return CalculatorSpec.Default;
        Check(r, spec, source, composition);
        return spec;
    }

    private static PresetCalculatorSpec? ReadPreset(ConfigReader r)
    {
        var name = r.Scalar(PresetPath);
        if (name is null) return null;
        if (PotentialPresets.Names.Contains(name, StringComparer.Ordinal)) return new PresetCalculatorSpec(name);
        r.Errors.Add(PresetPath, $"unknown calculator preset \"{name}\"{DidYouMean.Hint(name, PotentialPresets.Names)}; known: {string.Join(", ", PotentialPresets.Names.Order(StringComparer.Ordinal))}");
        return null;
    }

    private static LammpsFileCalculatorSpec? ReadFile(ConfigReader r, string baseDirectory)
    {
        var path = r.Scalar(FilePath)?.Trim();
        if (path is null) return null;
        if (!LammpsPotentialFile.IsPotentialFile(path))
        {
            r.Errors.Add(FilePath, $"expected the path of a LAMMPS potential file, {LammpsPotentialFile.AcceptedKinds}, got \"{path}\"");
            return null;
        }
        var full = Path.GetFullPath(path, baseDirectory);
        try
        {
            var bytes = File.ReadAllBytes(full);
            using var text = new StreamReader(new MemoryStream(bytes));
            return new LammpsFileCalculatorSpec(full, text.ReadToEnd(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            r.Errors.Add(FilePath, $"cannot read {full}: {e.Message}");
            return null;
        }
    }

    private static LennardJonesCalculatorSpec ReadLennardJones(ConfigReader r)
    {
        var formPath = $"{LennardJonesPath}.form";
        var form = r.String(formPath, "shifted-force");
        if (!LennardJonesCalculatorSpec.Forms.Contains(form))
            r.Errors.Add(formPath, $"unknown value \"{form}\"{DidYouMean.Hint(form, LennardJonesCalculatorSpec.Forms)}; expected one of {string.Join(", ", LennardJonesCalculatorSpec.Forms)}");
        var pairs = ReadPairs(r, $"{LennardJonesPath}.pairs", allowAnySpecies: true, ["epsilon", "sigma", "cutoff"], (a, b, f, path) =>
        {
            var epsilon = Field(r, path, f, "epsilon", min: 0, minExclusive: false, max: CampaignLimits.Epsilon);
            var sigma = Field(r, path, f, "sigma", min: 0, minExclusive: true, max: CampaignLimits.Length);
            var cutoff = Field(r, path, f, "cutoff", min: 0, minExclusive: true, max: CampaignLimits.Cutoff);
            return epsilon is null || sigma is null || cutoff is null ? null : new LennardJonesPairSpec(a, b, epsilon.Value, sigma.Value, cutoff.Value);
        });
        return new LennardJonesCalculatorSpec(form, pairs);
    }

    private static RigidIonCalculatorSpec ReadRigidIon(ConfigReader r)
    {
        var chargesPath = $"{RigidIonPath}.charges";
        var charges = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (species, value) in r.Block(chargesPath))
        {
            var path = $"{chargesPath}.{species}";
            if (!Elements.TryGet(species, out _)) r.Errors.Add(path, $"unknown element \"{species}\"");
            else if (!value.IsString() || ConfigReader.List(value) is not null) r.Errors.Add(path, "expected a charge in units of e");
            else
            {
                var charge = r.ParseDouble(path, value.GetString(), double.NaN, max: CampaignLimits.Charge);
                if (!double.IsNaN(charge)) charges[species] = charge;
            }
        }
        if (charges.Count == 0 && !r.Errors.HasAtOrBelow(chargesPath))
            r.Errors.Add(chargesPath, "no charges given, e.g. charges { Na = 1, Cl = -1 }");
        var cutoff = r.Double($"{RigidIonPath}.cutoff", RigidIonPresets.ShortRangeCutoff, min: 0, minExclusive: true, max: CampaignLimits.Cutoff);
        var pairs = ReadPairs(r, $"{RigidIonPath}.pairs", allowAnySpecies: false, ["a", "rho", "sigma", "c", "d"], (a, b, f, path) =>
        {
            foreach (var species in new[] { a, b }.Distinct())
                if (!charges.ContainsKey(species) && !r.Errors.Has(chargesPath) && !r.Errors.Has($"{chargesPath}.{species}"))
                    r.Errors.Add(path, $"{species} has no charge in {chargesPath}");
            var repulsion = Field(r, path, f, "a", min: 0, minExclusive: false, max: CampaignLimits.Repulsion);
            // ρ only matters with a repulsion: a = 0 (Coulomb and dispersion only) may leave it out.
            var rho = repulsion == 0 && !f.ContainsKey("rho") ? 0.0 : Field(r, path, f, "rho", min: 0, minExclusive: true, max: CampaignLimits.Length);
            var sigma = Field(r, path, f, "sigma", min: 0, minExclusive: false, max: CampaignLimits.Length, fallback: 0);
            var c = Field(r, path, f, "c", max: CampaignLimits.Dispersion, fallback: 0);
            var d = Field(r, path, f, "d", max: CampaignLimits.Dispersion, fallback: 0);
            return repulsion is null || rho is null || sigma is null || c is null || d is null
                ? null
                : new RigidIonPairSpec(a, b, repulsion.Value, rho.Value, sigma.Value, c.Value, d.Value);
        });
        return new RigidIonCalculatorSpec(new EquatableList<IonChargeSpec>(charges.Select(q => new IonChargeSpec(q.Key, q.Value))), cutoff, pairs);
    }

    /// <summary>
    /// A block of pairs "A-B" { field = number, ... }, each pair of known elements (or "*" where allowed),
    /// given once in either order, with only the named fields; sorted by (A, B) with A ≤ B.
    /// </summary>
    private static EquatableList<T> ReadPairs<T>(ConfigReader r, string path, bool allowAnySpecies, string[] fieldNames,
        Func<string, string, IReadOnlyDictionary<string, HoconValue>, string, T?> read) where T : class
    {
        var pairs = new SortedDictionary<(string, string), T>();
        var block = r.Block(path);
        foreach (var (key, value) in block)
        {
            var pairPath = $"{path}.\"{key}\"";
            var species = key.Split('-');
            if (species.Length != 2 || species.Any(s => s.Length == 0))
            {
                r.Errors.Add(pairPath, "expected a pair of elements such as \"Na-Cl\"");
                continue;
            }
            var unknown = species.Where(s => !Elements.TryGet(s, out _) && !(allowAnySpecies && s == LennardJonesPair.AnySpecies)).Distinct().ToList();
            if (unknown.Count > 0)
            {
                r.Errors.Add(pairPath, $"unknown element {string.Join(" and ", unknown.Select(s => $"\"{s}\""))}{(allowAnySpecies ? " (\"*\" stands for any species)" : "")}");
                continue;
            }
            if (!value.IsObject())
            {
                r.Errors.Add(pairPath, $"expected a block {{ {string.Join(" = .., ", fieldNames)} = .. }}");
                continue;
            }
            var fields = value.GetObject().Items;
            foreach (var name in fields.Keys.Where(k => !fieldNames.Contains(k)))
                r.Errors.Add($"{pairPath}.{name}", $"unknown key{DidYouMean.Hint(name, fieldNames)}");
            var (a, b) = string.CompareOrdinal(species[0], species[1]) <= 0 ? (species[0], species[1]) : (species[1], species[0]);
            if (read(a, b, fields, pairPath) is not { } pair) continue;
            if (!pairs.TryAdd((a, b), pair))
                r.Errors.Add(pairPath, $"the pair {a}-{b} is given twice");
        }
        if (block.Count == 0 && !r.Errors.HasAtOrBelow(path))
            r.Errors.Add(path, "no pairs given");
        return new EquatableList<T>(pairs.Values);
    }

    /// <summary>A number of a pair block; missing is an error unless a fallback is given.</summary>
    private static double? Field(ConfigReader r, string pairPath, IReadOnlyDictionary<string, HoconValue> fields, string name,
        double? min = null, bool minExclusive = false, double? max = null, double? fallback = null)
    {
        var path = $"{pairPath}.{name}";
        if (!fields.TryGetValue(name, out var value))
        {
            if (fallback is null) r.Errors.Add(path, "missing");
            return fallback;
        }
        if (!value.IsString() || ConfigReader.List(value) is not null)
        {
            r.Errors.Add(path, "expected a number");
            return null;
        }
        var number = r.ParseDouble(path, value.GetString(), double.NaN, min, minExclusive, max);
        return double.IsNaN(number) ? null : number;
    }

    /// <summary>Builds the calculator and checks it can evaluate the composition (species covered, no net charge), reporting at the key of the chosen source.</summary>
    private static void Check(ConfigReader r, CalculatorSpec spec, string source, Composition? composition)
    {
        if (spec is AseCalculatorSpec ase)
        {
            AseSpecReader.Probe(r, ase, composition);
            return;
        }
        try
        {
            var calculator = CampaignCalculator.Create(spec);
            if (composition is not null && calculator is IPotential potential && potential.CannotEvaluate(composition) is { } problem)
                r.Errors.Add(source, problem);
            if (composition is not null && calculator is LammpsCalculator lammps && lammps.Problem(composition) is { } error)
                r.Errors.Add(source, $"LAMMPS: {error}; atom types 1, 2, ... are {string.Join(" ", composition.Symbols)}");
        }
        catch (LaqaInputException e)
        {
            r.Errors.Add(source, e.Message);
        }
    }
}
