using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;

namespace Laqa.Crystal.Spglib;

/// <summary>
/// spglib loaded at run time by its shared-library name (Debian's libsymspg1 by default).
/// When the library cannot be loaded, one warning goes to <c>warnings</c> and every analysis
/// reports unknown symmetry instead of throwing. spglib works on the data of each call, except for
/// its last error code, a global: calls run side by side under a shared lock, and the reason of a
/// failed analysis is read by repeating the call under the exclusive lock, so the code is its own.
/// </summary>
public sealed unsafe class SpglibLibrary
{
    public const string DefaultName = "libsymspg.so.1";
    public const int MaxDatabaseOperations = 192;

    private readonly ReaderWriterLockSlim _gate = new();
    private readonly delegate* unmanaged[Cdecl]<double*, double*, int*, int, double, SpglibDatasetNative*> _getDataset;
    private readonly delegate* unmanaged[Cdecl]<SpglibDatasetNative*, void> _freeDataset;
    private readonly delegate* unmanaged[Cdecl]<double*, double*, int*, int, int, int, double, int> _standardizeCell;
    private readonly delegate* unmanaged[Cdecl]<int*, double*, int, int> _symmetryFromDatabase;
    private readonly delegate* unmanaged[Cdecl]<int> _errorCode;
    private readonly delegate* unmanaged[Cdecl]<int, byte*> _errorMessage;

    /// <summary>Loads <paramref name="libraryName"/> (a soname or path); on failure writes one warning line to <paramref name="warnings"/>.</summary>
    public SpglibLibrary(string libraryName, TextWriter warnings)
    {
        LibraryName = libraryName;
        if (!NativeLibrary.TryLoad(libraryName, out var handle))
        {
            warnings.WriteLine($"spglib ({libraryName}) not found: symmetry reported as unknown");
            return;
        }
        var missing = new List<string>();
        nint Export(string name)
        {
            if (NativeLibrary.TryGetExport(handle, name, out var address)) return address;
            missing.Add(name);
            return 0;
        }
        _getDataset = (delegate* unmanaged[Cdecl]<double*, double*, int*, int, double, SpglibDatasetNative*>)Export("spg_get_dataset");
        _freeDataset = (delegate* unmanaged[Cdecl]<SpglibDatasetNative*, void>)Export("spg_free_dataset");
        _standardizeCell = (delegate* unmanaged[Cdecl]<double*, double*, int*, int, int, int, double, int>)Export("spg_standardize_cell");
        _symmetryFromDatabase = (delegate* unmanaged[Cdecl]<int*, double*, int, int>)Export("spg_get_symmetry_from_database");
        _errorCode = (delegate* unmanaged[Cdecl]<int>)Export("spg_get_error_code");
        _errorMessage = (delegate* unmanaged[Cdecl]<int, byte*>)Export("spg_get_error_message");
        if (missing.Count > 0)
        {
            warnings.WriteLine($"spglib ({libraryName}) lacks {string.Join(", ", missing)}: symmetry reported as unknown");
            return;
        }
        IsAvailable = true;
    }

    public string LibraryName { get; }
    public bool IsAvailable { get; }

    /// <summary>Space group, Wyckoff letters, orbits and operations of <paramref name="structure"/>; symprec is a cartesian tolerance in Å.</summary>
    public SymmetryDataset Analyze(Structure structure, double symprec = 1e-3)
    {
        if (!IsAvailable) return SymmetryDataset.Unknown($"spglib ({LibraryName}) not available");
        if (structure.Count == 0) return SymmetryDataset.Unknown("structure has no atoms");
        var cell = SpglibCell.From(structure);
        _gate.EnterReadLock();
        try
        {
            if (Dataset(cell, symprec) is { } found) return found;
        }
        finally
        {
            _gate.ExitReadLock();
        }
        return SymmetryDataset.Unknown(FailureOf(cell, symprec));
    }

    /// <summary>spglib's dataset of the cell; null when spglib found no space group.</summary>
    private SymmetryDataset? Dataset(SpglibCell cell, double symprec)
    {
        fixed (double* lattice = cell.Lattice, positions = cell.Positions)
        fixed (int* types = cell.Types)
        {
            var dataset = _getDataset(lattice, positions, types, cell.Count, symprec);
            if (dataset == null) return null;
            try
            {
                return dataset->SpacegroupNumber > 0 ? ToDataset(dataset, cell) : null;
            }
            finally
            {
                _freeDataset(dataset);
            }
        }
    }

    /// <summary>Why spglib found no space group for the cell: the analysis repeated alone, so that the error code read is its own.</summary>
    private string FailureOf(SpglibCell cell, double symprec)
    {
        _gate.EnterWriteLock();
        try
        {
            fixed (double* lattice = cell.Lattice, positions = cell.Positions)
            fixed (int* types = cell.Types)
            {
                var dataset = _getDataset(lattice, positions, types, cell.Count, symprec);
                if (dataset != null) _freeDataset(dataset);
            }
            return LastError();
        }
        finally
        {
            _gate.ExitWriteLock();
        }
    }

    /// <summary>spglib's idealized primitive cell (as spglib.find_primitive); the input itself when the symmetry is unknown.</summary>
    public Structure Primitive(Structure structure, double symprec = 1e-3) => StandardizeCell(structure, toPrimitive: true, symprec);

    /// <summary>spglib's idealized conventional cell (as spglib.refine_cell); the input itself when the symmetry is unknown.</summary>
    public Structure Standardized(Structure structure, double symprec = 1e-3) => StandardizeCell(structure, toPrimitive: false, symprec);

    /// <summary>The operations of a Hall setting (1–530) from spglib's database, in that setting's basis; empty when unavailable.</summary>
    public ImmutableArray<SymmetryOperation> OperationsOfHallNumber(int hallNumber)
    {
        if (!IsAvailable || hallNumber is < 1 or > 530) return [];
        var rotations = new int[9 * MaxDatabaseOperations];
        var translations = new double[3 * MaxDatabaseOperations];
        int count;
        _gate.EnterReadLock();
        try
        {
            fixed (int* r = rotations)
            fixed (double* t = translations)
                count = _symmetryFromDatabase(r, t, hallNumber);
        }
        finally
        {
            _gate.ExitReadLock();
        }
        return [.. Enumerable.Range(0, count).Select(k => ToOperation(rotations.AsSpan(9 * k, 9), translations.AsSpan(3 * k, 3)))];
    }

    private Structure StandardizeCell(Structure structure, bool toPrimitive, double symprec)
    {
        if (!IsAvailable || structure.Count == 0) return structure;
        // A conventional cell holds at most 4 times the atoms of the input (face centring of a primitive input).
        var cell = SpglibCell.From(structure, capacityFactor: 4);
        int count;
        _gate.EnterReadLock();
        try
        {
            fixed (double* lattice = cell.Lattice, positions = cell.Positions)
            fixed (int* types = cell.Types)
                count = _standardizeCell(lattice, positions, types, structure.Count, toPrimitive ? 1 : 0, 0, symprec);
        }
        finally
        {
            _gate.ExitReadLock();
        }
        if (count <= 0) return structure;
        fixed (double* lattice = cell.Lattice, positions = cell.Positions)
        fixed (int* types = cell.Types)
            return SpglibCell.ToStructure(lattice, positions, types, count, cell.SpeciesOfType);
    }

    private static SymmetryDataset ToDataset(SpglibDatasetNative* d, SpglibCell cell)
    {
        var n = d->NAtoms;
        var operations = new SymmetryOperation[d->NOperations];
        for (var k = 0; k < operations.Length; k++)
            operations[k] = ToOperation(new ReadOnlySpan<int>(d->Rotations + 9 * k, 9), new ReadOnlySpan<double>(d->Translations + 3 * k, 3));

        var wyckoffs = new char[n];
        var siteSymmetries = new string[n];
        var equivalent = new int[n];
        var primitiveSites = new HashSet<int>();
        for (var i = 0; i < n; i++)
        {
            wyckoffs[i] = (char)('a' + d->Wyckoffs[i]);
            siteSymmetries[i] = CString(d->SiteSymmetrySymbols + i * SpglibDatasetNative.SiteSymmetrySymbolLength, SpglibDatasetNative.SiteSymmetrySymbolLength);
            equivalent[i] = d->EquivalentAtoms[i];
            primitiveSites.Add(d->MappingToPrimitive[i]);
        }

        var transformation = new double[3, 3];
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
                transformation[i, j] = d->TransformationMatrix[3 * i + j];

        return new SymmetryDataset
        {
            SpaceGroupNumber = d->SpacegroupNumber,
            InternationalSymbol = CString(d->InternationalSymbol, 11),
            HallNumber = d->HallNumber,
            HallSymbol = CString(d->HallSymbol, 17),
            Choice = CString(d->Choice, 6),
            PointGroup = CString(d->PointgroupSymbol, 6),
            Operations = [.. operations],
            WyckoffLetters = [.. wyckoffs],
            SiteSymmetrySymbols = [.. siteSymmetries],
            EquivalentAtoms = [.. equivalent],
            TransformationMatrix = transformation,
            OriginShift = new Vec3(d->OriginShift[0], d->OriginShift[1], d->OriginShift[2]),
            Standardized = SpglibCell.ToStructure(d->StdLattice, d->StdPositions, d->StdTypes, d->NStdAtoms, cell.SpeciesOfType),
            PrimitiveCount = primitiveSites.Count,
        };
    }

    private static SymmetryOperation ToOperation(ReadOnlySpan<int> r, ReadOnlySpan<double> t) =>
        new(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8],
            new Vec3(WrapTranslation(t[0]), WrapTranslation(t[1]), WrapTranslation(t[2])));

    // spglib returns translations such as -1e-17 or 0.99999999999: fold them onto [0, 1) with 0 for both.
    private static double WrapTranslation(double t)
    {
        var w = Vec3.Wrap01(t);
        return 1.0 - w < 1e-10 ? 0.0 : w;
    }

    private string LastError()
    {
        var code = _errorCode();
        var message = _errorMessage(code);
        return message == null ? $"spglib error {code}" : $"spglib: {Marshal.PtrToStringUTF8((nint)message)}";
    }

    private static string CString(byte* chars, int capacity)
    {
        var length = 0;
        while (length < capacity && chars[length] != 0) length++;
        return Encoding.ASCII.GetString(chars, length).Trim();
    }
}
