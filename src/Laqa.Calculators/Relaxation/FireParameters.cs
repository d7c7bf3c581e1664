namespace Laqa.Calculators.Relaxation;

/// <summary>
/// FIRE's parameters (Bitzek et al., PRL 97, 170201 (2006)) with ASE's defaults. MaxStep (Å)
/// bounds the norm of the whole step, atoms and cell together, as ASE's FIRE does.
/// </summary>
public sealed record FireParameters
{
    public double Dt { get; init; } = 0.1;
    public double MaxStep { get; init; } = 0.2;
    public double DtMax { get; init; } = 1.0;
    public int NMin { get; init; } = 5;
    public double FInc { get; init; } = 1.1;
    public double FDec { get; init; } = 0.5;
    public double AlphaStart { get; init; } = 0.1;
    public double FAlpha { get; init; } = 0.99;

    public static readonly FireParameters Default = new();

    public void Validate()
    {
        RelaxationOptions.Require(Dt > 0 && double.IsFinite(Dt), nameof(Dt), Dt);
        RelaxationOptions.Require(MaxStep > 0 && double.IsFinite(MaxStep), nameof(MaxStep), MaxStep);
        RelaxationOptions.Require(DtMax >= Dt && double.IsFinite(DtMax), nameof(DtMax), DtMax);
        RelaxationOptions.Require(NMin >= 0, nameof(NMin), NMin);
        RelaxationOptions.Require(FInc >= 1 && double.IsFinite(FInc), nameof(FInc), FInc);
        RelaxationOptions.Require(FDec > 0 && FDec < 1, nameof(FDec), FDec);
        RelaxationOptions.Require(AlphaStart > 0 && AlphaStart < 1, nameof(AlphaStart), AlphaStart);
        RelaxationOptions.Require(FAlpha > 0 && FAlpha <= 1, nameof(FAlpha), FAlpha);
    }
}
