namespace Laqa.Calculators.Relaxation;

/// <summary>What an optimizer checks before it continues from an <see cref="OptimizerState"/>.</summary>
internal static class PackedState
{
    /// <summary>Whether the state is <see cref="OptimizerState.Fresh"/>: nothing to continue.</summary>
    public static bool IsFresh(OptimizerState state) => state.Kind == OptimizerState.Fresh.Kind && state.Values.Length == 0;

    /// <summary>The numbers of a state of <paramref name="kind"/> packed for <paramref name="atoms"/> atoms; another kind or length is refused.</summary>
    public static double[] Values(OptimizerState state, string kind, string optimizer, int length, int atoms)
    {
        if (state.Kind != kind)
            throw new ArgumentException($"optimizer state of kind '{state.Kind}' cannot continue a {optimizer} relaxation", nameof(state));
        if (state.Values.Length != length)
            throw new ArgumentException($"{optimizer} state holds {state.Values.Length} numbers; {atoms} atoms need {length}", nameof(state));
        return state.Values;
    }
}
