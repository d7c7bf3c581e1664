using Laqa.Crystal;
using Laqa.Crystal.Fingerprints;

namespace Laqa.Search;

/// <summary>
/// Tells, at the end of a candidate's batch, which converged candidate it duplicates (<see cref="DuplicateSpec"/>): the
/// lowest id among the converged candidates within the energy tolerance whose structure matches. Only a candidate still
/// relaxing is compared; converged ones are the references. A structure's signature, a reference's included, is computed
/// only when it is first compared within the energy tolerance.
/// </summary>
public sealed class DuplicateRule(DuplicateSpec spec)
{
    private readonly SortedDictionary<int, (double EnthalpyPerAtom, Lazy<StructureSignature> Signature)> _converged = [];

    public bool IsEnabled => spec.Enabled;

    /// <summary>Whether this converged candidate is a reference already.</summary>
    public bool Knows(int id) => _converged.ContainsKey(id);

    /// <summary>A converged candidate, with its enthalpy per atom and final structure, becomes a reference.</summary>
    public void AddConverged(int id, double enthalpyPerAtom, Structure structure) =>
        _converged[id] = (enthalpyPerAtom, new Lazy<StructureSignature>(() => StructureSignature.Of(structure)));

    /// <summary>The converged candidate this relaxing candidate (its snapshot and current structure) duplicates, or null.</summary>
    public int? MatchOf(CandidateSnapshot snapshot, Structure structure)
    {
        if (!spec.Enabled || snapshot.Status != CandidateStatus.Relaxing) return null;
        StructureSignature? signature = null;
        foreach (var (id, reference) in _converged)
        {
            if (id == snapshot.Id || Math.Abs(reference.EnthalpyPerAtom - snapshot.EnthalpyPerAtom) > spec.EnergyTolerance) continue;
            signature ??= StructureSignature.Of(structure);
            if (signature.Matches(reference.Signature.Value, spec.DistanceTolerance)) return id;
        }
        return null;
    }
}
