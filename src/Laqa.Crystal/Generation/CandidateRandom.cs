namespace Laqa.Crystal.Generation;

/// <summary>
/// The random stream of candidate i in a run with seed s depends only on (s, i), so a candidate is
/// the same structure whatever the number of threads or processes generating.
/// </summary>
public static class CandidateRandom
{
    public static Random For(long seed, int candidateIndex)
    {
        var mixed = SplitMix64((ulong)seed ^ SplitMix64((ulong)candidateIndex + 0x9E3779B97F4A7C15UL));
        return new Random((int)(mixed & 0x7FFFFFFF));
    }

    /// <summary>
    /// A second stream of candidate i, for its rattle: the structure before the rattle is the one a campaign without
    /// it generates, whatever the rattle's size.
    /// </summary>
    public static Random ForRattle(long seed, int candidateIndex) => For(~seed, candidateIndex);

    private static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
