using Laqa.Crystal;

namespace Laqa.Engine.CrashHost;

/// <summary>
/// A test double with a closed-form relaxation: candidate i of a seed gets a cubic two-atom cell
/// whose lattice parameter encodes i, a minimum energy per atom MinimumOf(i) and a decay length
/// (in steps) DecayOf(i). At global step k the energy per atom is min + exp(-k/τ), the mean force
/// norm exp(-k/τ) and the mean |σ| 0.1 exp(-k/τ) — so the lowest minimum is known in advance.
/// </summary>
public sealed class FakeModel(long seed)
{
    private const double LatticeBase = 3.0;
    private const double LatticeSpacing = 0.1;

    public long Seed { get; } = seed;

    public double MinimumOf(int candidateId) => -3.0 - 0.1 * Uniform(candidateId, 1) - 0.05 * (candidateId % 3);

    public double DecayOf(int candidateId) => 2.0 + 6.0 * Uniform(candidateId, 2);

    public Structure StructureOf(int candidateId) => new(
        Lattice.Cubic(LatticeBase + LatticeSpacing * candidateId),
        ["Si", "Si"],
        [new Vec3(0, 0, 0), new Vec3(0.25 + 0.2 * Uniform(candidateId, 3), 0.5, 0.5)]);

    public static int CandidateOf(Structure structure) => (int)Math.Round((structure.Lattice.LengthA - LatticeBase) / LatticeSpacing);

    /// <summary>A number in [0, 1) that depends only on (seed, candidate, stream): SplitMix64.</summary>
    private double Uniform(int candidateId, int stream)
    {
        var z = unchecked((ulong)Seed * 0x9E3779B97F4A7C15UL + (ulong)candidateId * 0xBF58476D1CE4E5B9UL + (ulong)stream * 0x94D049BB133111EBUL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
