namespace Laqa.Calculators.Potentials;

/// <summary>Turns accumulated energy, forces and virial into a result, or a failure when atoms sit on top of each other.</summary>
internal static class PotentialResult
{
    public static CalculationResult From(string potential, double energy, double[] forces, ReadOnlySpan<double> virial, double volume)
    {
        var finite = double.IsFinite(energy);
        foreach (var f in forces) finite &= double.IsFinite(f);
        foreach (var w in virial) finite &= double.IsFinite(w);
        return finite
            ? new CalculationResult(energy, forces, Virial.ToStress(virial, volume))
            : CalculationResult.Failed($"{potential}: energy or forces are not finite (atoms too close together?)");
    }
}
