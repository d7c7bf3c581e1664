using Laqa.Crystal.Neighbours;
using Laqa.Crystal.Symmetry;

namespace Laqa.Crystal.Generation;

/// <summary>
/// Random symmetric structures: a space group, a Wyckoff assignment that fits the composition, a
/// lattice of the group's crystal system and random free parameters, rejecting any structure that
/// breaks the minimum distances, then the request's rattle if any, drawn again while it breaks them.
/// Candidate i depends only on (seed, i). Thread-safe.
/// </summary>
public sealed class StructureGenerator
{
    // Random tries of one position's free parameters before the whole attempt starts over.
    private const int PlacementTries = 40;
    // Draws of the rattle before the whole attempt starts over.
    private const int RattleTries = 20;
    private const double RandomPackingFraction = 0.64;

    private readonly GenerationRequest _request;
    private readonly long _seed;
    private readonly SpaceGroup[] _groups;

    /// <summary>A generator for the request; <paramref name="names"/> are the settings an error message tells the user to change.</summary>
    public StructureGenerator(GenerationRequest request, long seed, GenerationSettingNames? names = null)
    {
        _request = request;
        _seed = seed;
        CheckDistancesFitVolume(request);
        _groups = FittingGroups(request, request.Primitive);
        if (_groups.Length == 0) throw new LaqaInputException(NoFitMessage(request, names ?? new GenerationSettingNames("cell choice {0}", "space-group selection")));
    }

    public GenerationRequest Request => _request;

    /// <summary>The space groups in which the composition can be placed.</summary>
    public IReadOnlyList<SpaceGroup> FeasibleGroups => _groups;

    public GeneratedStructure Generate(int index)
    {
        var random = CandidateRandom.For(_seed, index);
        var rattleRandom = CandidateRandom.ForRattle(_seed, index);
        for (var attempt = 1; attempt <= _request.MaxAttempts; attempt++)
        {
            var group = _groups[random.Next(_groups.Length)];
            var sites = WyckoffAssignment.Choose(group, ConventionalCounts(group), random);
            if (sites is null) continue;
            var placed = TryPlace(group, sites, random);
            if (placed is null) continue;
            var letters = string.Join(' ', sites.GroupBy(s => s.Species)
                .Select(g => _request.Composition.Species[g.Key].Symbol + ":" + string.Concat(g.Select(s => s.Position.Multiplicity + s.Position.Letter))));
            if (_request.Rattle is { IsActive: true } rattle)
            {
                placed = TryRattle(placed, rattle, rattleRandom);
                if (placed is null) continue;
            }
            return new GeneratedStructure(index, placed, group.Number, group.Symbol, letters, attempt);
        }
        throw new LaqaInputException(
            $"could not place {_request.Composition.Formula()} with the minimum distances in {_request.MaxAttempts} attempts " +
            $"(target volume {_request.Volume}): raise the volume or lower the distances" +
            (_request.Rattle is { IsActive: true } ? " or the rattle" : ""));
    }

    /// <summary>The first draw of the rattle that keeps the minimum distances; null when none of <see cref="RattleTries"/> draws does.</summary>
    private Structure? TryRattle(Structure placed, Rattle rattle, Random random)
    {
        for (var k = 0; k < RattleTries; k++)
        {
            var rattled = rattle.Apply(placed, random);
            if (KeepsMinimumDistances(rattled)) return rattled;
        }
        return null;
    }

    private bool KeepsMinimumDistances(Structure structure)
    {
        var distances = _request.Distances;
        var species = structure.Species.Select(s => distances.Species.IndexOf(s)).ToArray();
        var shortestVector = MinimumImage.ShortestLatticeVector(structure.Lattice);
        foreach (var s in species.Distinct())
            if (shortestVector < distances.Get(s, s)) return false;
        var checker = new PeriodicDistanceCheck(structure.Lattice, distances.Largest);
        var fractional = structure.Fractional.AsSpan();
        for (var i = 0; i < structure.Count; i++)
            if (!Fits(fractional.Slice(i, 1), species[i], fractional[..i], species.AsSpan(0, i), checker, distances)) return false;
        return true;
    }

    private int[] ConventionalCounts(SpaceGroup group) => ConventionalCounts(_request.Composition, group, _request.Primitive);

    private static int[] ConventionalCounts(Composition composition, SpaceGroup group, bool primitive)
    {
        var factor = primitive ? group.CentringVectors.Length : 1;
        return [.. composition.Species.Select(s => s.Count * factor)];
    }

    private static SpaceGroup[] FittingGroups(GenerationRequest request, bool primitive) =>
        [.. request.SpaceGroups.Numbers.Select(SpaceGroups.Get).Where(g => WyckoffAssignment.Exists(g, ConventionalCounts(request.Composition, g, primitive)))];

    /// <summary>Why nothing fits, and whether the other cell choice would (the counts of a composition are per cell).</summary>
    private static string NoFitMessage(GenerationRequest request, GenerationSettingNames names)
    {
        var numbers = request.SpaceGroups.Numbers;
        var groups = numbers.Length == 1
            ? $"{SpaceGroups.Get(numbers[0]).Symbol} ({numbers[0]})"
            : numbers.Length == SpaceGroupSelection.Count ? "any space group" : $"any of the space groups {request.SpaceGroups}";
        var cell = request.Primitive ? "primitive" : "conventional";
        var other = request.Primitive ? "conventional" : "primitive";
        var fitting = FittingGroups(request, !request.Primitive);
        var start = $"{request.Composition.Formula()} fits no combination of Wyckoff positions of {groups} in the {cell} cell";
        if (fitting.Length == 0) return $"{start}, nor in the {other} cell; try other space groups ({names.SpaceGroups})";
        var where = numbers.Length == 1 ? "" :
            $" in {fitting.Length} of them ({string.Join(", ", fitting.Take(3).Select(g => $"{g.Symbol} ({g.Number})"))}{(fitting.Length > 3 ? ", …" : "")})";
        return $"{start}; it fits in the {other} cell{where} ({names.Cell(!request.Primitive)})";
    }

    private Structure? TryPlace(SpaceGroup group, List<WyckoffSite> sites, Random random)
    {
        var atomCount = sites.Sum(s => s.Position.Multiplicity);
        var cellsPerConventional = atomCount / (double)_request.Composition.TotalAtoms;
        var lattice = LatticeSampler.Sample(group.CrystalSystem, _request.Volume.Sample(random) * cellsPerConventional, random);
        var distances = _request.Distances;
        var shortestVector = MinimumImage.ShortestLatticeVector(lattice);
        foreach (var s in sites)
            if (shortestVector < distances.Get(s.Species, s.Species)) return null;

        var checker = new PeriodicDistanceCheck(lattice, distances.Largest);
        var positions = new Vec3[atomCount];
        var species = new int[atomCount];
        var orbit = new Vec3[group.Order];
        Span<double> parameters = stackalloc double[3];
        var count = 0;
        // Large orbits first: they are the hardest to fit.
        foreach (var site in sites.OrderByDescending(s => s.Position.Multiplicity))
        {
            var w = site.Position;
            var placedSite = false;
            for (var attempt = 0; attempt < (w.FreeParameterCount == 0 ? 1 : PlacementTries) && !placedSite; attempt++)
            {
                for (var k = 0; k < w.FreeParameterCount; k++) parameters[k] = random.NextDouble();
                var n = w.Orbit(parameters[..w.FreeParameterCount], orbit);
                if (n != w.Multiplicity) continue;
                placedSite = Fits(orbit.AsSpan(0, n), site.Species, positions.AsSpan(0, count), species.AsSpan(0, count), checker, distances);
            }
            if (!placedSite) return null;
            for (var k = 0; k < w.Multiplicity; k++)
            {
                positions[count] = orbit[k];
                species[count++] = site.Species;
            }
        }
        return Build(group, lattice, positions, species);
    }

    private static bool Fits(ReadOnlySpan<Vec3> orbit, int s, ReadOnlySpan<Vec3> placed, ReadOnlySpan<int> placedSpecies,
        PeriodicDistanceCheck checker, MinimumDistances distances)
    {
        var selfDistance = distances.Get(s, s);
        for (var i = 0; i < orbit.Length; i++)
        {
            for (var j = 0; j < i; j++)
                if (checker.Closer(orbit[i], orbit[j], selfDistance)) return false;
            for (var j = 0; j < placed.Length; j++)
                if (checker.Closer(orbit[i], placed[j], distances.Get(s, placedSpecies[j]))) return false;
        }
        return true;
    }

    private Structure Build(SpaceGroup group, Lattice conventional, Vec3[] positions, int[] species)
    {
        var order = Enumerable.Range(0, positions.Length).OrderBy(i => species[i]).ThenBy(i => i).ToArray();
        var symbols = order.Select(i => _request.Composition.Species[species[i]].Symbol);
        var structure = new Structure(conventional, symbols, order.Select(i => positions[i]));
        return _request.Primitive && group.Centring != 'P' ? ToPrimitive(structure, group.PrimitiveLattice(conventional)) : structure;
    }

    /// <summary>The same crystal in a primitive cell: atoms related by centring translations fold onto one.</summary>
    public static Structure ToPrimitive(Structure conventional, Lattice primitive)
    {
        var species = new List<string>();
        var fractional = new List<Vec3>();
        for (var i = 0; i < conventional.Count; i++)
        {
            var f = primitive.ToFractional(conventional.CartesianOf(i)).Wrapped();
            var duplicate = false;
            for (var j = 0; j < fractional.Count && !duplicate; j++)
            {
                var d = f - fractional[j];
                duplicate = species[j] == conventional.Species[i]
                    && Math.Abs(d.X - Math.Round(d.X)) < 1e-6 && Math.Abs(d.Y - Math.Round(d.Y)) < 1e-6 && Math.Abs(d.Z - Math.Round(d.Z)) < 1e-6;
            }
            if (duplicate) continue;
            species.Add(conventional.Species[i]);
            fractional.Add(f);
        }
        return new Structure(primitive, species, fractional);
    }

    private static void CheckDistancesFitVolume(GenerationRequest request)
    {
        var comp = request.Composition.Species;
        var sphereVolume = 0.0;
        for (var s = 0; s < comp.Length; s++)
        {
            var radius = request.Distances.Get(s, s) / 2;
            sphereVolume += comp[s].Count * 4.0 / 3.0 * Math.PI * radius * radius * radius;
        }
        var cellVolume = request.Volume.Mean + 2 * request.Volume.Sigma;
        if (sphereVolume > RandomPackingFraction * cellVolume)
            throw new LaqaInputException(
                $"minimum distances cannot fit the volume: spheres of the minimum distances fill {sphereVolume:F1} Å³ " +
                $"of at most {cellVolume:F1} Å³ (more than random close packing)");
    }
}
