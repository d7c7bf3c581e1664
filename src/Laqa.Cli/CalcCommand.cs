using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Laqa.Calculators;
using Laqa.Calculators.Potentials;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Crystal.IO;
using Laqa.Engine.Configuration;
using Laqa.Engine.Hosting;
using Laqa.Search.Campaign;

namespace Laqa.Cli;

/// <summary>
/// `laqa calc (--potential NAME|FILE | --calculator CONFIG) FILE [--json]`: energy, forces and stress of one
/// structure with an embedded potential, or with the laqa.calculator of a campaign config (e.g. pw.x:
/// its work folder goes to calc/ in the current folder).
/// </summary>
public static class CalcCommand
{
    public static Command Create()
    {
        var potential = PotentialOption();
        var config = CalculatorOption();
        var file = new Argument<string>("file") { Description = "structure file: POSCAR/CONTCAR/*.vasp, *.cif, *.xyz/*.extxyz" };
        var json = new Option<bool>("--json") { Description = "print the numbers as JSON (full precision)" };
        var command = new Command("calc", "Energy, energy per atom, largest force and stress of a structure") { potential, config, file, json };
        command.SetAction(parsed =>
        {
            var (calculator, structure, _) = Load(parsed.GetValue(potential), parsed.GetValue(config), parsed.GetValue(file)!);
            var result = Evaluate(calculator, structure, parsed.GetValue(file)!);
            var output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json)) output.WriteLine(Json(calculator, structure, result));
            else WriteText(output, calculator, structure, result);
            return 0;
        });
        return command;
    }

    /// <summary>The calculation of the structure a user gave; a failure is bad input (a LaqaInputException).</summary>
    internal static CalculationResult Evaluate(ICalculator calculator, Structure structure, string file)
    {
        var result = calculator.Calculate(structure);
        // An embedded potential fails only on what it is given (a charged cell, coinciding or collapsed ions);
        // an external code's failure (pw.x's message and work folder) also says what to change.
        return result.Succeeded ? result : throw new LaqaInputException($"{file}: calculation failed: {result.Failure}");
    }

    internal static Option<string> PotentialOption() => new("--potential")
    {
        Description = $"embedded potential preset ({string.Join(", ", PotentialPresets.Names)}) or a LAMMPS potential file, {LammpsPotentialFile.AcceptedKinds}",
    };

    internal static Option<string> CalculatorOption() => new("--calculator")
    {
        Description = "a campaign config whose laqa.calculator to use, e.g. qe { } for pw.x (its composition is taken from the structure)",
    };

    /// <summary>
    /// The calculator (a potential, or a config's laqa.calculator with its spec) and the structure, with the
    /// calculator's coverage of the structure's species checked; exactly one of the two options.
    /// </summary>
    internal static (ICalculator Calculator, Structure Structure, CalculatorSpec? Spec) Load(string? potentialNameOrFile, string? configFile, string path)
    {
        if ((potentialNameOrFile is null) == (configFile is null)) throw new LaqaInputException("give either --potential or --calculator");
        var structure = StructureFile.Read(path);
        if (configFile is not null)
        {
            var spec = ConfigCalculator(configFile, structure);
            return (CampaignCalculator.Create(spec, Directory.GetCurrentDirectory()), structure, spec);
        }
        var calculator = Potential(potentialNameOrFile!);
        if (calculator is IPotential potential) potential.RequireSpecies(structure.Species);
        return (calculator, structure, null);
    }

    /// <summary>The config's laqa.calculator, checked for the structure's composition.</summary>
    private static CalculatorSpec ConfigCalculator(string configFile, Structure structure) =>
        CampaignConfigLoader.LoadFile(configFile, $"\nlaqa.composition = {structure.Formula()}\n").Calculator;

    /// <summary>
    /// A preset by name, else a LAMMPS potential file by path: a name that is neither a preset nor an
    /// existing file, or an existing file of another kind, is bad input.
    /// </summary>
    private static ICalculator Potential(string nameOrFile)
    {
        if (PotentialPresets.Names.Contains(nameOrFile, StringComparer.OrdinalIgnoreCase)) return PotentialPresets.Create(nameOrFile);
        if (LammpsPotentialFile.IsPotentialFile(nameOrFile) || File.Exists(nameOrFile)) return LammpsPotentialFile.Read(nameOrFile);
        throw new LaqaInputException(
            $"--potential {nameOrFile}: neither a preset ({string.Join(", ", PotentialPresets.Names)}) nor a potential file; expected a preset or {LammpsPotentialFile.AcceptedKinds}");
    }

    /// <summary>Stress in GPa in ASE's Voigt order xx, yy, zz, yz, xz, xy.</summary>
    internal static double[] VoigtGPa(double[] stress) =>
        [.. new[] { 0, 4, 8, 5, 2, 1 }.Select(k => PressureUnits.ToGPa(stress[k]))];

    private static string Json(ICalculator calculator, Structure structure, CalculationResult result) =>
        JsonSerializer.Serialize(new
        {
            potential = calculator.Name,
            formula = structure.Formula(),
            atoms = structure.Count,
            volume = structure.Lattice.Volume,
            energy = result.Energy,
            energyPerAtom = result.Energy / structure.Count,
            maxForce = result.MaxForce,
            forces = result.Forces,
            stressGPa = VoigtGPa(result.Stress),
            pressureGPa = PressureUnits.ToGPa(-(result.Stress[0] + result.Stress[4] + result.Stress[8]) / 3),
        });

    private static void WriteText(TextWriter output, ICalculator calculator, Structure structure, CalculationResult result)
    {
        var stress = VoigtGPa(result.Stress);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            structure        {structure.Formula()}, {structure.Count} atoms, {structure.Lattice.Volume:F4} Å³
            potential        {calculator.Name}
            energy           {result.Energy:F8} eV
            energy per atom  {result.Energy / structure.Count:F8} eV/atom
            max force        {result.MaxForce:F8} eV/Å
            stress (GPa)     xx {stress[0]:F6}  yy {stress[1]:F6}  zz {stress[2]:F6}  yz {stress[3]:F6}  xz {stress[4]:F6}  xy {stress[5]:F6}
            pressure         {PressureUnits.ToGPa(-(result.Stress[0] + result.Stress[4] + result.Stress[8]) / 3):F6} GPa
            """));
    }
}
