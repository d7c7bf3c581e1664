namespace Laqa.Calculators.Potentials;

/// <summary>One Tersoff entry prepared for evaluation: squares, cut-offs and LAMMPS's b_ij thresholds.</summary>
internal readonly struct TersoffTriplet
{
    public TersoffTriplet(TersoffParameters p)
    {
        CubicExponent = p.M == 3;
        Gamma = p.Gamma;
        Lambda3 = p.Lambda3;
        Lambda3Cubed = p.Lambda3 * p.Lambda3 * p.Lambda3;
        CSquared = p.C * p.C;
        DSquared = p.D * p.D;
        CosTheta0 = p.CosTheta0;
        N = p.N;
        Beta = p.Beta;
        Lambda2 = p.Lambda2;
        B = p.B;
        R = p.R;
        BigD = p.BigD;
        Lambda1 = p.Lambda1;
        A = p.A;
        Cutoff = p.R + p.BigD;
        // Where LAMMPS switches b_ij to its large- and small-argument expansions (pair_tersoff.cpp).
        LargeLimit = Math.Pow(2 * N * 1e-16, -1 / N);
        LargeExpansion = Math.Pow(2 * N * 1e-8, -1 / N);
        SmallExpansion = 1 / LargeExpansion;
        SmallLimit = 1 / LargeLimit;
    }

    public readonly bool CubicExponent;
    public readonly double Gamma, Lambda3, Lambda3Cubed, CSquared, DSquared, CosTheta0;
    public readonly double N, Beta, Lambda2, B, R, BigD, Lambda1, A, Cutoff;
    public readonly double LargeLimit, LargeExpansion, SmallExpansion, SmallLimit;

    /// <summary>The cut-off function f_C(r) and its derivative.</summary>
    public double CutoffFunction(double r, out double derivative)
    {
        if (r < R - BigD)
        {
            derivative = 0;
            return 1;
        }
        var phase = Math.PI / 2 * (r - R) / BigD;
        derivative = -Math.PI / 4 / BigD * Math.Cos(phase);
        return 0.5 * (1 - Math.Sin(phase));
    }

    /// <summary>b_ij(ζ) and db/dζ, with LAMMPS's expansions where (βζ)^n is far from 1.</summary>
    public double BondOrder(double zeta, out double derivative)
    {
        var x = Beta * zeta;
        if (x > LargeLimit)
        {
            derivative = Beta * -0.5 * Math.Pow(x, -1.5);
            return 1 / Math.Sqrt(x);
        }
        if (x > LargeExpansion)
        {
            var xn = Math.Pow(x, -N);
            derivative = Beta * (-0.5 * Math.Pow(x, -1.5) * (1 - (1 + 1 / (2 * N)) * xn));
            return (1 - xn / (2 * N)) / Math.Sqrt(x);
        }
        if (x < SmallLimit)
        {
            derivative = 0;
            return 1;
        }
        if (x < SmallExpansion)
        {
            derivative = -0.5 * Beta * Math.Pow(x, N - 1);
            return 1 - Math.Pow(x, N) / (2 * N);
        }
        var power = Math.Pow(x, N);
        var order = Math.Pow(1 + power, -1 / (2 * N));
        derivative = -0.5 * order / (1 + power) * power / zeta;
        return order;
    }

    /// <summary>g(cos θ) and dg/d(cos θ).</summary>
    public double Angular(double cosTheta, out double derivative)
    {
        var h = CosTheta0 - cosTheta;
        var denominator = DSquared + h * h;
        derivative = -2 * Gamma * CSquared * h / (denominator * denominator);
        return Gamma * (1 + CSquared / DSquared - CSquared / denominator);
    }

    /// <summary>exp[(λ3 Δr)^m] and its derivative with respect to Δr = r_ij − r_ik, clamped as LAMMPS does.</summary>
    public double RadialExponential(double deltaR, out double derivative)
    {
        if (Lambda3 == 0)
        {
            derivative = 0;
            return 1;
        }
        var argument = CubicExponent ? Lambda3Cubed * deltaR * deltaR * deltaR : Lambda3 * deltaR;
        var value = argument > 69.0776 ? 1e30 : argument < -69.0776 ? 0.0 : Math.Exp(argument);
        derivative = CubicExponent ? 3 * Lambda3Cubed * deltaR * deltaR * value : Lambda3 * value;
        return value;
    }
}
